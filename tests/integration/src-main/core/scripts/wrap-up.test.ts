import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { surveyQuestionnaire } from '#tests/support/scripts';
import { registeredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { callApi } from '#tests/support/workstation';

describe('the wrap-up of a call with a questionnaire, through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();

  it('hangs up whatever the answers; refuses the wrap-up while a required question is unanswered, naming it', async () => {
    const op = await registeredWorkstation(kamailio, 'op901');
    const { workstation } = op;
    await peer('bob901');
    const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: surveyQuestionnaire() });
    await ok(workstation, 'scripts.publish', { id: questionnaire.id });

    const placed = await ok(workstation, 'phone.dial', { target: 'bob901' });
    const active = await op.call((c) => c.id === placed.id && c.state === 'active');
    const response = await ok(workstation, 'responses.open', { callId: active.id, questionnaireId: questionnaire.id });
    await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'channel', value: 'web' });

    await ok(workstation, 'phone.hangup', { callId: active.id });
    await op.call((c) => c.id === active.id && c.state === 'ended');

    const refused = await callApi(workstation, 'phone.wrapUp', { callId: active.id, subject: 'Survey call', outcome: null });
    expect(refused.ok || refused.error).toMatchObject({ code: 'conflict', reason: 'questionnaire_incomplete', params: { count: 1, detail: 'Already a client?', questions: 'client' } });

    // Answered after the call (the interaction id reaches the same response), the wrap-up goes through.
    expect((await ok(workstation, 'responses.forCall', { callId: active.interactionId! }))[0]?.responseId).toBe(response.responseId);
    await ok(workstation, 'responses.answer', { responseId: response.responseId, questionId: 'client', value: false });
    await ok(workstation, 'phone.wrapUp', { callId: active.id, subject: 'Survey call', outcome: null });
    const page = await ok(workstation, 'calls.history', { limit: 10 });
    expect(page.rows.find((r) => r.id === active.interactionId)).toMatchObject({ subject: 'Survey call' });
  });
});
