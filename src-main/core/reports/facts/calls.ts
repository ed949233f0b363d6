import type { Fact } from '#core/reports/framework/facts';

/**
 * Calls, from the call log: one row per call with its operator, campaign, direction, disposition and seconds of
 * talk, hold and wrap-up (all in `calls_kpi_idx`, so a month of KPIs never reads the table). A call counts on
 * the day it started, also when it ran past midnight.
 */
export const callsFact: Fact = {
  from: 'calls c',
  time: 'c.started_at',
  operator: 'c.employee_id',
  campaign: 'c.campaign_id',
  company: '(SELECT company_id FROM interactions WHERE id = c.interaction_id)',
  records: {
    recordType: 'call',
    fields: [
      { key: 'startedAt', unit: 'datetime' },
      { key: 'direction', unit: 'text' },
      { key: 'party', unit: 'text' },
      { key: 'number', unit: 'text' },
      { key: 'operator', unit: 'text' },
      { key: 'disposition', unit: 'text' },
      { key: 'talkSeconds', unit: 'seconds' },
      { key: 'holdSeconds', unit: 'seconds' },
      { key: 'wrapUpSeconds', unit: 'seconds' },
    ],
    id: 'c.interaction_id',
    sort: 'c.started_at',
    select: `c.direction AS direction, c.remote_number AS number, c.disposition AS disposition, c.talk_seconds AS talkSeconds,
      c.hold_seconds AS holdSeconds, c.wrap_up_seconds AS wrapUpSeconds, c.recording_file IS NOT NULL AS hasRecording,
      coalesce((SELECT ct.full_name FROM interactions i JOIN contacts ct ON ct.id = i.contact_id WHERE i.id = c.interaction_id), c.remote_name, '') AS party,
      (SELECT name FROM employees WHERE id = c.employee_id) AS operator`,
    toRow: (raw) => ({
      id: String(raw.id),
      open: { type: 'call', id: String(raw.id) },
      hasRecording: raw.hasRecording === 1,
      values: {
        startedAt: raw.sort as number,
        direction: raw.direction as string,
        party: raw.party as string,
        number: raw.number as string,
        operator: (raw.operator as string | null) ?? null,
        disposition: raw.disposition as string,
        talkSeconds: raw.talkSeconds as number,
        holdSeconds: raw.holdSeconds as number,
        wrapUpSeconds: (raw.wrapUpSeconds as number | null) ?? null,
      },
    }),
  },
};
