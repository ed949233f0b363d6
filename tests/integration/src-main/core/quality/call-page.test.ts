import { describe, expect, it } from 'vitest';
import { crmWorkstation, ok } from '#tests/support/crm';
import { answeredCall } from '#tests/support/quality';
import { callApi, testNow } from '#tests/support/workstation';

describe('the call page', () => {
  it('gives the call facts, the operator, whether it was recorded, and no reviews yet', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const callId = answeredCall(workstation, { operatorId: colleague.id, startedAt: testNow - 60_000, talkSeconds: 95, recordingFile: 'recordings/x.webm' });
    const page = await ok(workstation, 'quality.call', { callId });
    expect(page).toMatchObject({ id: callId, occurredAt: testNow - 60_000, direction: 'in', remoteNumber: '+380671234567', operator: { id: colleague.id, name: 'Андрій Мороз' }, campaign: null, contact: null, disposition: 'answered', talkSeconds: 95, hasRecording: true, scripted: false, reviews: [] });
    const unrecorded = answeredCall(workstation, { operatorId: null, startedAt: testNow });
    expect(await ok(workstation, 'quality.call', { callId: unrecorded })).toMatchObject({ hasRecording: false, operator: null });
  });

  it('refuses what is not a call', async () => {
    const { workstation } = await crmWorkstation();
    const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина' });
    const note = await ok(workstation, 'interactions.create', { kind: 'note', contactId: contact.id, subject: 'Нотатка', occurredAt: testNow });
    const refused = await callApi(workstation, 'quality.call', { callId: note.id });
    expect(refused.ok || refused.error.code).toBe('not_found');
  });
});
