import type { Fact } from '#core/reports/framework/facts';

/** Supervisors' QA reviews of calls, dated by the call they judge (a score rolls into the KPIs of the call's period). */
export const qaReviewsFact: Fact = {
  from: 'qa_reviews q',
  time: 'q.call_started_at',
  operator: 'q.operator_id',
  campaign: '(SELECT campaign_id FROM calls WHERE interaction_id = q.call_id)',
  company: '(SELECT company_id FROM interactions WHERE id = q.call_id)',
  where: ['q.deleted_at IS NULL'],
  records: {
    recordType: 'review',
    fields: [
      { key: 'callStartedAt', unit: 'datetime' },
      { key: 'operator', unit: 'text' },
      { key: 'reviewer', unit: 'text' },
      { key: 'scorecard', unit: 'text' },
      { key: 'score', unit: 'score' },
      { key: 'comment', unit: 'text' },
    ],
    id: 'q.id',
    sort: 'q.call_started_at',
    select: `q.call_id AS callId, q.score AS score, q.comment AS comment,
      (SELECT name FROM employees WHERE id = q.operator_id) AS operator, (SELECT name FROM employees WHERE id = q.reviewer_id) AS reviewer,
      (SELECT name FROM qa_scorecards WHERE id = q.scorecard_id) AS scorecard,
      (SELECT recording_file IS NOT NULL FROM calls WHERE interaction_id = q.call_id) AS hasRecording`,
    toRow: (raw) => ({
      id: String(raw.id),
      open: { type: 'call', id: String(raw.callId) },
      hasRecording: raw.hasRecording === 1,
      values: {
        callStartedAt: raw.sort as number,
        operator: (raw.operator as string | null) ?? null,
        reviewer: (raw.reviewer as string | null) ?? null,
        scorecard: (raw.scorecard as string | null) ?? null,
        score: raw.score as number,
        comment: raw.comment as string,
      },
    }),
  },
};
