import type { Fact } from '#core/reports/framework/facts';

/**
 * The stretches of time operators spent in each state of a campaign session (ready, dialing, on a call,
 * wrapping up, paused with a reason). A stretch counts for the part of it inside the period; one still open
 * runs until now. In a breakdown by day or hour a stretch counts on the day it started, or on the period's first
 * day when it began before the period (never on a day the report does not show). `@from` is cast because a bound
 * JS number is REAL, and a REAL instant would not divide into whole days.
 */
export const operatorStatesFact: Fact = {
  from: 'operator_states s',
  time: 'max(s.started_at, CAST(@from AS INTEGER))',
  period: 's.started_at < @to AND coalesce(s.ended_at, @now) > @from',
  operator: 's.employee_id',
  campaign: 's.campaign_id',
  records: {
    recordType: 'state',
    fields: [
      { key: 'startedAt', unit: 'datetime' },
      { key: 'endedAt', unit: 'datetime' },
      { key: 'state', unit: 'text' },
      { key: 'reason', unit: 'text' },
      { key: 'operator', unit: 'text' },
      { key: 'campaign', unit: 'text' },
      { key: 'seconds', unit: 'seconds' },
    ],
    id: 's.id',
    sort: 's.started_at',
    select: `s.ended_at AS endedAt, s.state AS state, s.reason AS reason, s.campaign_id AS campaignId,
      (SELECT name FROM employees WHERE id = s.employee_id) AS operator, (SELECT name FROM campaigns WHERE id = s.campaign_id) AS campaign,
      (min(coalesce(s.ended_at, @now), @to) - max(s.started_at, @from)) / 1000.0 AS seconds`,
    toRow: (raw) => ({
      id: String(raw.id),
      open: { type: 'campaign', id: String(raw.campaignId) },
      values: {
        startedAt: raw.sort as number,
        endedAt: (raw.endedAt as number | null) ?? null,
        state: raw.state as string,
        reason: (raw.reason as string | null) ?? null,
        operator: (raw.operator as string | null) ?? null,
        campaign: (raw.campaign as string | null) ?? null,
        seconds: Math.round(raw.seconds as number),
      },
    }),
  },
};

/** Seconds of a stretch inside the period (the value time-per-state figures sum). */
export const secondsInPeriod = '(min(coalesce(s.ended_at, @now), @to) - max(s.started_at, @from)) / 1000.0';
