import type { Fact } from '#core/reports/framework/facts';

/** Campaign attempts with the disposition the operator gave (success, final, retry, callback). */
export const attemptsFact: Fact = {
  from: 'campaign_attempts a LEFT JOIN campaign_dispositions d ON d.id = a.disposition_id',
  time: 'a.started_at',
  operator: 'a.operator_id',
  campaign: 'a.campaign_id',
  company: '(SELECT company_id FROM contacts WHERE id = a.contact_id)',
  records: {
    recordType: 'attempt',
    fields: [
      { key: 'startedAt', unit: 'datetime' },
      { key: 'contact', unit: 'text' },
      { key: 'phone', unit: 'text' },
      { key: 'campaign', unit: 'text' },
      { key: 'operator', unit: 'text' },
      { key: 'outcome', unit: 'text' },
      { key: 'disposition', unit: 'text' },
    ],
    id: 'a.id',
    sort: 'a.started_at',
    select: `a.phone AS phone, a.outcome AS outcome, d.label AS disposition, a.call_id AS callId, a.contact_id AS contactId,
      (SELECT full_name FROM contacts WHERE id = a.contact_id) AS contact, (SELECT name FROM campaigns WHERE id = a.campaign_id) AS campaign,
      (SELECT name FROM employees WHERE id = a.operator_id) AS operator,
      (SELECT recording_file IS NOT NULL FROM calls WHERE interaction_id = a.call_id) AS hasRecording`,
    toRow: (raw) => ({
      id: String(raw.id),
      open: raw.callId ? { type: 'call', id: raw.callId as string } : { type: 'contact', id: String(raw.contactId) },
      hasRecording: raw.hasRecording === 1,
      values: {
        startedAt: raw.sort as number,
        contact: (raw.contact as string | null) ?? null,
        phone: raw.phone as string,
        campaign: (raw.campaign as string | null) ?? null,
        operator: (raw.operator as string | null) ?? null,
        outcome: (raw.outcome as string | null) ?? null,
        disposition: (raw.disposition as string | null) ?? null,
      },
    }),
  },
};
