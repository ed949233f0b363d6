import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contactFieldChanges } from '#core/db/schema';
import { CallLog } from '#core/telephony/call-log';
import { ok } from '#tests/support/crm';
import { recordCall, scriptsWorkstation, surveyQuestionnaire } from '#tests/support/scripts';
import { callApi, testNow } from '#tests/support/workstation';

async function openSurvey() {
  const station = await scriptsWorkstation();
  const { workstation } = station;
  const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина', lastName: 'Коваль', emails: ['old@example.com'] });
  const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: surveyQuestionnaire() });
  await ok(workstation, 'scripts.publish', { id: questionnaire.id });
  const callId = recordCall(workstation, { contactId: contact.id, at: testNow });
  const response = await ok(workstation, 'responses.open', { callId, questionnaireId: questionnaire.id });
  return { ...station, contact, questionnaireId: questionnaire.id, callId, response };
}

describe('a questionnaire filled during a call', () => {
  it('shows a conditional question only when the earlier answer calls for it; required ones block completion', async () => {
    const { workstation, response, callId, questionnaireId } = await openSurvey();
    expect(response).toMatchObject({ visible: ['client', 'channel', 'email'], missingRequired: ['client'], completedAt: null });

    const yes = await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'client', value: true });
    expect(yes).toMatchObject({ visible: ['client', 'since', 'channel', 'email'], missingRequired: ['since'], completedAt: null });
    const years = await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'since', value: 3 });
    expect(years.missingRequired).toEqual([]);
    expect(years.completedAt).toBe(testNow);

    // Changing the first answer hides the follow-up (its answer is kept, not counted).
    const no = await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'client', value: false });
    expect(no).toMatchObject({ visible: ['client', 'channel', 'email'], missingRequired: [], answers: { client: false, since: 3 } });

    // Opening again returns the same response; the timeline reads every response of the call.
    expect((await ok(workstation, 'responses.open', { callId, questionnaireId })).responseId).toBe(response.responseId);
    expect((await ok(workstation, 'responses.forCall', { callId })).map((r) => r.responseId)).toEqual([response.responseId]);
  });

  it('keeps an unacceptable answer as typed and reports why; an out-of-range number likewise', async () => {
    const { workstation, response } = await openSurvey();
    await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'client', value: true });
    const tooMany = await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'since', value: 99 });
    expect(tooMany.answers.since).toBe(99);
    expect(tooMany.issues.since).toEqual({ code: 'above_max', params: { max: 50 } });
    // A required question with an unacceptable answer still blocks the wrap-up.
    expect(tooMany.missingRequired).toEqual(['since']);

    const halfTyped = await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'email', value: 'ivan@exa' });
    expect(halfTyped.answers.email).toBe('ivan@exa');
    expect(halfTyped.issues.email).toEqual({ code: 'pattern', params: { message: 'name@example.com' } });

    const unknown = await callApi(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'nope', value: 1 });
    expect(unknown.ok || unknown.error.issues).toEqual([expect.objectContaining({ path: 'questionId', code: 'no_such_record' })]);
  });

  it('writes an acceptable mapped answer into the contact, keeping the value from before the call in the history', async () => {
    const { workstation, response, contact } = await openSurvey();
    const answer = (value: string) => ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'email', value });

    await answer('ivan@exa');
    expect((await ok(workstation, 'contacts.get', { id: contact.id })).emails).toEqual(['old@example.com']);
    await answer('ivan@example.com');
    await answer('ivan@example.com.ua');
    expect((await ok(workstation, 'contacts.get', { id: contact.id })).emails).toEqual(['ivan@example.com.ua']);

    const history = workstation.database.read.select().from(contactFieldChanges).where(eq(contactFieldChanges.contactId, contact.id)).orderBy(asc(contactFieldChanges.at)).all();
    expect(history).toEqual([
      expect.objectContaining({ field: 'email', oldValue: 'old@example.com', newValue: 'ivan@example.com.ua', sourceKind: 'questionnaire', sourceId: response.responseId }),
    ]);
    // The new address is found by search like one typed into the contact form.
    expect((await ok(workstation, 'search.quick', { text: 'ivan@example.com.ua' })).map((h) => h.id)).toContain(contact.id);
  });

  it('maps answers into the contact a call from an unknown number was linked to after the questionnaire was opened', async () => {
    const { workstation, questionnaireId, contact } = await openSurvey();
    const callId = recordCall(workstation, { at: testNow });
    const { responseId } = await ok(workstation, 'responses.open', { callId, questionnaireId });
    new CallLog(workstation.database).linkContact(callId, contact.id);
    await ok(workstation, 'responses.answer', { responseId, questionId: 'email', value: 'linked@example.com' });
    expect((await ok(workstation, 'contacts.get', { id: contact.id })).emails).toEqual(['linked@example.com']);
  });
});
