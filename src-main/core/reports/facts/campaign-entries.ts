import type { Fact } from '#core/reports/framework/facts';

/** The entry's attempts started in the period. */
export const attemptsInPeriod = (condition = '1') =>
  `(SELECT count(*) FROM campaign_attempts a WHERE a.entry_id = e.id AND a.started_at >= @from AND a.started_at < @to AND ${condition})`;

/** Its latest call in the period, which a drill-down row opens (the contact when it had none). */
const lastCall = '(SELECT a.call_id FROM campaign_attempts a WHERE a.entry_id = e.id AND a.started_at >= @from AND a.started_at < @to AND a.call_id IS NOT NULL ORDER BY a.started_at DESC LIMIT 1)';

/**
 * A campaign's numbers (one contact's phone each) dialed at least once in the period, with the operator whose
 * part holds them: the unit of the funnel and of attempts per contact.
 */
export const campaignEntriesFact: Fact = {
  from: 'campaign_entries e',
  time: 'e.last_attempt_at',
  period: `${attemptsInPeriod()} > 0`,
  operator: 'e.operator_id',
  campaign: 'e.campaign_id',
  company: '(SELECT company_id FROM contacts WHERE id = e.contact_id)',
  records: {
    recordType: 'contact',
    fields: [
      { key: 'contact', unit: 'text' },
      { key: 'phone', unit: 'text' },
      { key: 'campaign', unit: 'text' },
      { key: 'attempts', unit: 'count' },
      { key: 'lastAttemptAt', unit: 'datetime' },
      { key: 'lastOutcome', unit: 'text' },
    ],
    id: 'e.id',
    sort: 'coalesce(e.last_attempt_at, 0)',
    select: `e.phone AS phone, e.contact_id AS contactId, e.last_attempt_at AS lastAttemptAt, e.last_outcome AS lastOutcome, ${attemptsInPeriod()} AS attempts,
      ${lastCall} AS callId, (SELECT full_name FROM contacts WHERE id = e.contact_id) AS contact, (SELECT name FROM campaigns WHERE id = e.campaign_id) AS campaign,
      (SELECT recording_file IS NOT NULL FROM calls WHERE interaction_id = ${lastCall}) AS hasRecording`,
    toRow: (raw) => ({
      id: String(raw.id),
      open: raw.callId ? { type: 'call', id: raw.callId as string } : { type: 'contact', id: String(raw.contactId) },
      hasRecording: raw.hasRecording === 1,
      values: {
        contact: (raw.contact as string | null) ?? null,
        phone: raw.phone as string,
        campaign: (raw.campaign as string | null) ?? null,
        attempts: raw.attempts as number,
        lastAttemptAt: (raw.lastAttemptAt as number | null) ?? null,
        lastOutcome: (raw.lastOutcome as string | null) ?? null,
      },
    }),
  },
};
