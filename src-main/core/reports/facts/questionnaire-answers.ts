import type { Fact } from '#core/reports/framework/facts';

/**
 * The answers given to one question in calls of the period, one row per value chosen (a multiple choice
 * counts each option it holds), with the response's call, contact, campaign and operator.
 */
export function questionnaireAnswersFact(questionId: string): Fact {
  return {
    // A stored value is JSON; json_each yields a scalar once and each element of a list.
    from: 'questionnaire_answers qa JOIN questionnaire_responses r ON r.id = qa.response_id, json_each(CASE WHEN json_valid(qa.value) THEN qa.value ELSE json_quote(qa.value) END) v',
    time: 'r.started_at',
    operator: 'r.operator_id',
    campaign: 'r.campaign_id',
    company: '(SELECT company_id FROM contacts WHERE id = r.contact_id)',
    where: [{ sql: 'qa.question_id = @question', params: { question: questionId } }, 'v.value IS NOT NULL', "v.value <> ''"],
    records: {
      recordType: 'answer',
      fields: [
        { key: 'startedAt', unit: 'datetime' },
        { key: 'contact', unit: 'text' },
        { key: 'operator', unit: 'text' },
        { key: 'answer', unit: 'text' },
      ],
      id: "qa.id || '#' || coalesce(v.key, '')",
      sort: 'r.started_at',
      select: `r.call_id AS callId, v.value AS answer, (SELECT full_name FROM contacts WHERE id = r.contact_id) AS contact,
        (SELECT name FROM employees WHERE id = r.operator_id) AS operator, (SELECT recording_file IS NOT NULL FROM calls WHERE interaction_id = r.call_id) AS hasRecording`,
      toRow: (raw) => ({
        id: String(raw.id),
        open: { type: 'call', id: String(raw.callId) },
        hasRecording: raw.hasRecording === 1,
        values: {
          startedAt: raw.sort as number,
          contact: (raw.contact as string | null) ?? null,
          operator: (raw.operator as string | null) ?? null,
          answer: String(raw.answer),
        },
      }),
    },
  };
}
