import type { Fact, RecordList } from '#core/reports/framework/facts';

/** Seconds from registration to resolution (null while unresolved: a reopening clears the resolution). */
export const secondsToResolve = '(k.resolved_at - k.registered_at) / 1000.0';

const complaintRecords = (sort: string): RecordList => ({
  recordType: 'complaint',
  fields: [
    { key: 'registeredAt', unit: 'datetime' },
    { key: 'number', unit: 'count' },
    { key: 'subject', unit: 'text' },
    { key: 'cause', unit: 'text' },
    { key: 'state', unit: 'text' },
    { key: 'responsible', unit: 'text' },
    { key: 'resolvedAt', unit: 'datetime' },
    { key: 'secondsToResolve', unit: 'seconds' },
  ],
  id: 'k.id',
  sort,
  select: `k.id AS complaintId, k.number AS number, k.subject AS subject, k.state AS state, k.registered_at AS registeredAt, k.resolved_at AS resolvedAt,
    ${secondsToResolve} AS secondsToResolve, (SELECT name FROM complaint_causes WHERE id = k.cause_id) AS cause,
    (SELECT name FROM employees WHERE id = k.responsible_id) AS responsible`,
  toRow: (raw) => ({
    id: String(raw.id),
    open: { type: 'complaint', id: String(raw.complaintId) },
    values: {
      registeredAt: raw.registeredAt as number,
      number: raw.number as number,
      subject: raw.subject as string,
      cause: (raw.cause as string | null) ?? null,
      state: raw.state as string,
      responsible: (raw.responsible as string | null) ?? null,
      resolvedAt: (raw.resolvedAt as number | null) ?? null,
      secondsToResolve: raw.secondsToResolve === null ? null : Math.round(raw.secondsToResolve as number),
    },
  }),
});

/**
 * Complaints registered in the period, with their responsible employee and the client's company; no campaign
 * (a campaign filter leaves them out).
 */
export const complaintsFact: Fact = {
  from: 'complaints k',
  time: 'k.registered_at',
  operator: 'k.responsible_id',
  company: 'k.company_id',
  records: complaintRecords('k.registered_at'),
};

/** Complaints resolved in the period (and not reopened since): the source of resolution times. */
export const resolvedComplaintsFact: Fact = {
  ...complaintsFact,
  time: 'k.resolved_at',
  records: complaintRecords('k.resolved_at'),
};

/** Each reopening (resolved or closed back to investigating) in the period, with its complaint. */
export const reopeningsFact: Fact = {
  from: 'complaint_events e JOIN complaints k ON k.id = e.complaint_id',
  time: 'e.at',
  operator: 'k.responsible_id',
  company: 'k.company_id',
  where: ["e.kind = 'state'", "e.from_state IN ('resolved', 'closed')", "e.to_state = 'investigating'"],
  records: { ...complaintRecords('e.at'), id: 'e.id' },
};
