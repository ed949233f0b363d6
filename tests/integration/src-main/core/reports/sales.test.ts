import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '#core/db/connection';
import { drillAll, expectColumn, countBy, generator, insert, kyiv, kyivDate, march, run, seedPeople, sorted, suiteDatabase, sumBy, DAY } from '#tests/support/report-fixtures';

interface Deal {
  id: string;
  stage: string;
  outcome: 'open' | 'won' | 'lost';
  owner: string | null;
  company: string | null;
  amount: number;
  currency: string;
  probability: number;
  expectedCloseAt: number | null;
  closedAt: number | null;
}

const stages = [
  { id: 'st-new', name: 'New', outcome: 'open', probability: 10 },
  { id: 'st-offer', name: 'Offer', outcome: 'open', probability: 60 },
  { id: 'st-idle', name: 'Idle', outcome: 'open', probability: 5 },
  { id: 'st-won', name: 'Won', outcome: 'won', probability: 100 },
  { id: 'st-lost', name: 'Lost', outcome: 'lost', probability: 0 },
] as const;
const currencies = ['EUR', 'UAH', 'USD'];

/** Deals in three currencies over every stage; closings and expected closes around the period, some on its midnight edges. */
function seed(database: AppDatabase): Deal[] {
  const people = seedPeople(database);
  stages.forEach((s, i) => insert(database, 'deal_stages', { id: s.id, name: s.name, position: i, probability: s.probability, outcome: s.outcome }));
  const g = generator(3);
  const edges = [kyiv('2026-02-28', '23:59:59.999'), kyiv('2026-03-01'), kyiv('2026-03-31', '23:59:59.999'), kyiv('2026-04-01')];
  const deals: Deal[] = [];
  for (let i = 0; i < 400; i++) {
    // Stage "idle" stays empty: its row still shows.
    const stage = g.pick(stages.filter((s) => s.id !== 'st-idle'));
    const edge = edges[i % 8 < 4 ? i % 4 : -1];
    const closed = stage.outcome !== 'open';
    const deal: Deal = {
      id: `d-${String(i).padStart(3, '0')}`,
      stage: stage.id,
      outcome: stage.outcome,
      owner: g.chance(0.1) ? null : g.pick(people.employees),
      company: g.chance(0.2) ? null : g.pick(people.companies),
      amount: g.int(1_000_000) / 100,
      currency: g.pick(currencies),
      probability: g.int(101),
      expectedCloseAt: g.chance(0.1) ? null : i < 16 && edge !== undefined ? edge : g.between(kyiv('2026-02-10'), kyiv('2026-06-20')),
      closedAt: closed ? (i < 16 && edge !== undefined ? edge : g.between(kyiv('2026-02-15'), kyiv('2026-04-15'))) : null,
    };
    deals.push(deal);
    insert(database, 'deals', {
      id: deal.id,
      title: `Deal ${i}`,
      company_id: deal.company,
      stage_id: deal.stage,
      amount: deal.amount,
      currency: deal.currency,
      probability: deal.probability,
      expected_close_at: deal.expectedCloseAt,
      owner_id: deal.owner,
      closed_at: deal.closedAt,
      created_at: kyiv('2026-01-10') + i * DAY,
      updated_at: 0,
    });
  }
  return deals;
}

const owner = (d: Deal) => d.owner ?? '';

describe('sales report', () => {
  const { database, data: deals } = suiteDatabase(seed);
  const open = deals.filter((d) => d.outcome === 'open');
  const closedInMarch = deals.filter((d) => d.closedAt !== null && d.closedAt >= march.from && d.closedAt < march.to);

  it('shows the open pipeline by stage, one money column per currency, never summed across currencies', () => {
    const result = run(database, { report: 'sales', view: 'pipeline' });
    expect(result.rows.map((r) => [r.key, r.label])).toEqual([
      ['st-new', 'New'],
      ['st-offer', 'Offer'],
      ['st-idle', 'Idle'],
    ]);
    expect(result.columns.map((c) => [c.key, c.unit, c.currency])).toEqual([['deals', 'count', undefined], ...currencies.map((c) => [`amount:${c}`, 'money', c])]);
    expectColumn(result, 'deals', countBy(open, (d) => d.stage));
    for (const currency of currencies) {
      expectColumn(result, `amount:${currency}`, sumBy(open.filter((d) => d.currency === currency), (d) => d.stage, (d) => d.amount));
    }
    expect(result.totals.deals).toBe(open.length);
  });

  it('shows the open pipeline by owner', () => {
    const result = run(database, { report: 'sales', view: 'owner' });
    expectColumn(result, 'deals', countBy(open, owner));
    expectColumn(result, 'amount:UAH', sumBy(open.filter((d) => d.currency === 'UAH'), owner, (d) => d.amount));
    expect(result.rows.find((r) => r.key === 'emp-1')?.label).toBe('Employee 1');
  });

  it('counts deals won and lost in the period by owner, with their amounts per currency; the midnight edges fall on the right side', () => {
    const result = run(database, { report: 'sales', view: 'won_lost' });
    expectColumn(result, 'won', countBy(closedInMarch.filter((d) => d.outcome === 'won'), owner));
    expectColumn(result, 'lost', countBy(closedInMarch.filter((d) => d.outcome === 'lost'), owner));
    for (const currency of currencies) {
      expectColumn(result, `won_amount:${currency}`, sumBy(closedInMarch.filter((d) => d.outcome === 'won' && d.currency === currency), owner, (d) => d.amount));
      expectColumn(result, `lost_amount:${currency}`, sumBy(closedInMarch.filter((d) => d.outcome === 'lost' && d.currency === currency), owner, (d) => d.amount));
    }
    const all = drillAll(database, { report: 'sales', view: 'won_lost' }, { rowKey: null, column: 'won' }, 200).ids;
    const edgeDeals = deals.filter((d) => d.outcome === 'won' && d.closedAt !== null && [kyiv('2026-03-01'), kyiv('2026-03-31', '23:59:59.999')].includes(d.closedAt));
    const outside = deals.filter((d) => d.outcome === 'won' && d.closedAt !== null && [kyiv('2026-02-28', '23:59:59.999'), kyiv('2026-04-01')].includes(d.closedAt));
    expect(edgeDeals.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    expect(all).toEqual(expect.arrayContaining(edgeDeals.map((d) => d.id)));
    for (const d of outside) expect(all).not.toContain(d.id);
  });

  it('forecasts open deals by their expected-close month in local time, amount × probability per currency', () => {
    const period = { from: kyiv('2026-03-01'), to: kyiv('2026-06-01') };
    const result = run(database, { report: 'sales', view: 'forecast', filters: period });
    expect(result.rows.map((r) => r.key)).toEqual(['2026-03', '2026-04', '2026-05']);
    const expected = open.filter((d) => d.expectedCloseAt !== null && d.expectedCloseAt >= period.from && d.expectedCloseAt < period.to);
    const month = (d: Deal) => kyivDate(d.expectedCloseAt as number).slice(0, 7);
    expectColumn(result, 'deals', countBy(expected, month));
    for (const currency of currencies) {
      const inCurrency = expected.filter((d) => d.currency === currency);
      expectColumn(result, `weighted:${currency}`, sumBy(inCurrency, month, (d) => (d.amount * d.probability) / 100));
      expectColumn(result, `amount:${currency}`, sumBy(inCurrency, month, (d) => d.amount));
    }
    const march31 = drillAll(database, { report: 'sales', view: 'forecast', filters: period }, { rowKey: '2026-03', column: 'weighted:EUR' }).ids;
    expect(sorted(march31)).toEqual(sorted(expected.filter((d) => d.currency === 'EUR' && month(d) === '2026-03').map((d) => d.id)));
  });

  it('lists exactly the deals behind each cell, page by page, each opening the deal', () => {
    for (const stage of ['st-new', 'st-offer', 'st-idle']) {
      for (const currency of currencies) {
        const { ids, pages } = drillAll(database, { report: 'sales', view: 'pipeline' }, { rowKey: stage, column: `amount:${currency}` });
        expect(sorted(ids)).toEqual(sorted(open.filter((d) => d.stage === stage && d.currency === currency).map((d) => d.id)));
        expect(pages[0]?.recordType).toBe('deal');
      }
    }
    const { ids, pages } = drillAll(database, { report: 'sales', view: 'won_lost' }, { rowKey: '', column: 'lost' });
    expect(sorted(ids)).toEqual(sorted(closedInMarch.filter((d) => d.outcome === 'lost' && d.owner === null).map((d) => d.id)));
    expect(pages[0]?.rows[0]?.open).toEqual({ type: 'deal', id: ids[0] });
  });

  it('honours the owner, team and company-tag filters; a campaign filter leaves deals out', () => {
    const team = run(database, { report: 'sales', view: 'pipeline', filters: { teamIds: ['team-a'] } });
    expectColumn(team, 'deals', countBy(open.filter((d) => d.owner === 'emp-1' || d.owner === 'emp-2'), (d) => d.stage));
    const vip = run(database, { report: 'sales', view: 'won_lost', filters: { companyTagIds: ['tag-vip'], operatorIds: ['emp-3'] } });
    expectColumn(vip, 'won', countBy(closedInMarch.filter((d) => d.outcome === 'won' && d.company === 'co-2' && d.owner === 'emp-3'), owner));
    const campaign = run(database, { report: 'sales', view: 'pipeline', filters: { campaignIds: ['c'] } });
    expect(campaign.totals.deals).toBe(0);
  });

  it('shows an empty period as zeros', () => {
    const empty = { from: kyiv('2025-01-01'), to: kyiv('2025-02-01') };
    const wonLost = run(database, { report: 'sales', view: 'won_lost', filters: empty });
    expect(wonLost.rows).toEqual([]);
    expect(wonLost.totals.won).toBe(0);
    const forecast = run(database, { report: 'sales', view: 'forecast', filters: empty });
    expect(forecast.rows.map((r) => r.values.deals)).toEqual([0]);
  });
});
