import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { recordCall, salesScript, scriptsWorkstation, surveyQuestionnaire } from '#tests/support/scripts';
import { testNow } from '#tests/support/workstation';

const minute = 60_000;

describe('calls on the timeline say whether a script or a questionnaire went with them', () => {
  it('marks a call with a script run or a questionnaire response, and leaves the others plain', async () => {
    const { workstation } = await scriptsWorkstation();
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Марія' });
    const survey = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: surveyQuestionnaire() });
    await ok(workstation, 'scripts.publish', { id: survey.id });
    const script = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Sales', script: salesScript() });
    await ok(workstation, 'scripts.publish', { id: script.id });

    const scripted = recordCall(workstation, { contactId: contact.id, at: testNow - 3 * minute });
    await ok(workstation, 'scriptRuns.start', { callId: scripted, scriptId: script.id });
    const surveyed = recordCall(workstation, { contactId: contact.id, at: testNow - 2 * minute });
    await ok(workstation, 'responses.open', { callId: surveyed, questionnaireId: survey.id });
    const plain = recordCall(workstation, { contactId: contact.id, at: testNow - minute });

    const { items } = await ok(workstation, 'timeline.list', { contactId: contact.id });
    expect(items.map((i) => [i.id, i.call?.scripted])).toEqual([
      [plain, false],
      [surveyed, true],
      [scripted, true],
    ]);
  });
});
