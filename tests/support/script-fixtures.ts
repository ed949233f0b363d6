import type { QuestionnaireDefinition, ScriptDefinition } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { CallLog } from '#core/telephony/call-log';

// Free of vitest, so benchmarks use these too.

let nextCall = 0;

/**
 * A call in the history as the phone writes it when one rings (interaction + call row), without SIP:
 * scripts and questionnaires work on the call's interaction, which is what survives a restart.
 */
export function recordCall(workstation: Workstation, call: { contactId?: string | null; accountId?: string | null; at: number }): string {
  const interactionId = `call-${++nextCall}-${call.at}`;
  new CallLog(workstation.database).started({
    interactionId,
    accountId: call.accountId ?? null,
    direction: 'in',
    remoteNumber: '+380671234567',
    remoteRaw: '0671234567',
    remoteName: null,
    remoteKey: '+380671234567',
    sipCallId: null,
    contactId: call.contactId ?? null,
    companyId: null,
    employeeId: null,
    startedAt: call.at,
  });
  return interactionId;
}

const at = { x: 0, y: 0 };

/**
 * A sales call: greeting → offer → (agree → won | refuse → lost), with two objection handlers, one of
 * which leads through a step of its own before returning.
 */
export function salesScript(questionnaireId: string | null = null): ScriptDefinition {
  return {
    start: 'greet',
    questionnaireId,
    nodes: [
      { id: 'greet', kind: 'step', title: 'Greeting', text: 'Добрий день, {contact.firstName|пане}! Це {operator.name} з {company.name|нашої компанії}.', answers: [{ id: 'talk', label: 'Can talk', next: 'offer' }], disposition: null, proposeCallback: false, sectionId: null, position: at },
      {
        id: 'offer',
        kind: 'step',
        title: 'Offer',
        text: 'Пропонуємо {custom.Тариф} для {contact.lastName}.',
        answers: [
          { id: 'yes', label: 'Agrees', next: 'won' },
          { id: 'no', label: 'Refuses', next: 'lost' },
        ],
        disposition: null,
        proposeCallback: false,
        sectionId: null,
        position: at,
      },
      { id: 'won', kind: 'end', title: 'Sale', text: 'Дякуємо!', answers: [], disposition: { label: 'Sale', success: true }, proposeCallback: false, sectionId: null, position: at },
      { id: 'lost', kind: 'end', title: 'No sale', text: 'Гарного дня.', answers: [], disposition: { label: 'Refused', success: false }, proposeCallback: false, sectionId: null, position: at },
      { id: 'pricey', kind: 'objection', title: 'Too expensive', text: 'Є знижка 10%.', answers: [{ id: 'ok', label: 'Accepts the discount', next: null }, { id: 'why', label: 'Asks why', next: 'explain' }], disposition: null, proposeCallback: false, sectionId: null, position: at },
      { id: 'explain', kind: 'step', title: 'Explain', text: 'Тому що…', answers: [{ id: 'back', label: 'Understood', next: null }], disposition: null, proposeCallback: false, sectionId: null, position: at },
      { id: 'later', kind: 'objection', title: 'Call me later', text: 'Коли зручно?', answers: [{ id: 'set', label: 'Time agreed', next: null }], disposition: null, proposeCallback: true, sectionId: null, position: at },
    ],
  };
}

/** A survey with a conditional question, a required one, a range, a pattern, and an answer mapped into the contact's e-mail. */
export function surveyQuestionnaire(): QuestionnaireDefinition {
  return {
    sections: [
      {
        id: 'main',
        title: 'Main',
        questions: [
          { id: 'client', type: 'yesno', label: 'Already a client?', hint: '', required: true, options: [], min: null, max: null, pattern: null, showIf: null, mapsTo: null },
          { id: 'since', type: 'number', label: 'Years with us', hint: '', required: true, options: [], min: 0, max: 50, pattern: null, showIf: { questionId: 'client', op: 'equals', value: true }, mapsTo: null },
          {
            id: 'channel',
            type: 'single',
            label: 'How did you hear of us?',
            hint: '',
            required: false,
            options: [
              { id: 'web', label: 'Website' },
              { id: 'friend', label: 'A friend' },
            ],
            min: null,
            max: null,
            pattern: null,
            showIf: null,
            mapsTo: null,
          },
          { id: 'email', type: 'text', label: 'E-mail', hint: '', required: false, options: [], min: null, max: null, pattern: { regex: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', message: 'name@example.com' }, showIf: null, mapsTo: 'email' },
        ],
      },
    ],
  };
}
