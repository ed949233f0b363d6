import type { Fact } from '#core/reports/framework/facts';

/**
 * Deals with their stage (its outcome open/won/lost) and owner, the client's company for the tag filter; no
 * campaign (a campaign filter leaves deals out). Dated by `time`: open deals by their expected close, closed
 * ones by their closing.
 */
function dealsFact(time: string, period?: string): Fact {
  return {
    from: 'deals d JOIN deal_stages st ON st.id = d.stage_id',
    time,
    ...(period ? { period } : {}),
    operator: 'd.owner_id',
    company: 'd.company_id',
    records: {
      recordType: 'deal',
      fields: [
        { key: 'title', unit: 'text' },
        { key: 'stage', unit: 'text' },
        { key: 'owner', unit: 'text' },
        { key: 'amount', unit: 'money' },
        { key: 'currency', unit: 'text' },
        { key: 'probability', unit: 'percent' },
        { key: 'expectedCloseAt', unit: 'datetime' },
        { key: 'closedAt', unit: 'datetime' },
      ],
      id: 'd.id',
      sort: `coalesce(${time}, 0)`,
      select: `d.title AS title, st.name AS stage, d.amount AS amount, d.currency AS currency, d.probability AS probability,
        d.expected_close_at AS expectedCloseAt, d.closed_at AS closedAt, (SELECT name FROM employees WHERE id = d.owner_id) AS owner`,
      toRow: (raw) => ({
        id: String(raw.id),
        open: { type: 'deal', id: String(raw.id) },
        values: {
          title: raw.title as string,
          stage: raw.stage as string,
          owner: (raw.owner as string | null) ?? null,
          amount: raw.amount as number,
          currency: raw.currency as string,
          probability: raw.probability as number,
          expectedCloseAt: (raw.expectedCloseAt as number | null) ?? null,
          closedAt: (raw.closedAt as number | null) ?? null,
        },
      }),
    },
  };
}

/** The pipeline as it stands: every open deal, whatever the period (a pipeline is today's). */
export const openDealsFact = dealsFact('d.created_at', `st.outcome = 'open'`);

/** Open deals expected to close in the period: the forecast. */
export const forecastDealsFact = dealsFact('d.expected_close_at', `st.outcome = 'open' AND d.expected_close_at >= @from AND d.expected_close_at < @to`);

/** Deals won or lost in the period. */
export const closedDealsFact = dealsFact('d.closed_at', `st.outcome IN ('won', 'lost') AND d.closed_at >= @from AND d.closed_at < @to`);
