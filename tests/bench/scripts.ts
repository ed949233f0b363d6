import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, QuestionnaireDefinition, ScriptDefinition } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { recordCall, surveyQuestionnaire } from '#tests/support/script-fixtures';
import { scratchDir, workstationOn } from './bench-workstation';
import { medianAndTail, sampleMs, type Figure } from './measure';

async function ok<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await workstation.dispatch(method, input, { origin: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** A survey the size of a long one: the sample's questions plus 40 text questions in four sections. */
function longQuestionnaire(): QuestionnaireDefinition {
  const base = surveyQuestionnaire();
  const more = Array.from({ length: 4 }, (_, s) => ({
    id: `s${s}`,
    title: `Section ${s}`,
    questions: Array.from({ length: 10 }, (_, q) => ({ id: `s${s}q${q}`, type: 'text' as const, label: `Question ${s}.${q}`, hint: '', required: q === 0, options: [], min: null, max: null, pattern: null, showIf: null, mapsTo: null })),
  }));
  return { sections: [...base.sections, ...more] };
}

/** 200 nodes: steps with three answers onward (some back to earlier nodes: cycles), merge fields in every text, ten objection handlers. */
function twoHundredNodes(): ScriptDefinition {
  const nodes: ScriptDefinition['nodes'] = [];
  const steps = 185;
  for (let i = 0; i < steps; i++) {
    const next = (k: number) => `n${Math.min(steps - 1, i + k)}`;
    nodes.push({
      id: `n${i}`,
      kind: i === steps - 1 ? 'end' : 'step',
      title: `Step ${i}`,
      text: `{contact.firstName|Пане}, крок ${i}: {company.name|ваша компанія}, {custom.Тариф|базовий тариф}. Оператор {operator.name}.`,
      answers: i === steps - 1 ? [] : [{ id: 'a', label: 'Так', next: next(1) }, { id: 'b', label: 'Ні, {contact.lastName|}', next: next(2) }, { id: 'c', label: 'Повторіть', next: `n${Math.max(0, i - 3)}` }],
      disposition: i === steps - 1 ? { label: 'Done', success: true } : null,
      proposeCallback: false,
      sectionId: null,
      position: { x: i * 10, y: 0 },
    });
  }
  for (let i = 0; i < 15; i++) {
    nodes.push({ id: `o${i}`, kind: 'objection', title: `Objection ${i}`, text: 'Розумію, {contact.firstName|}.', answers: [{ id: 'r', label: 'Повернутися', next: null }], disposition: null, proposeCallback: false, sectionId: null, position: { x: i * 10, y: 100 } });
  }
  return { start: 'n0', questionnaireId: null, nodes };
}

/**
 * Scripts and questionnaires beside a call, the server's part: an answer typed to committed in SQLite
 * (through the dispatcher, as the window's request), and an answer key to the next node's merged state.
 */
export async function scriptsFigures(log: (line: string) => void): Promise<Figure[]> {
  const dir = scratchDir();
  const workstation = workstationOn(dir.path, join(dir.path, 'scripts.sqlite'));
  try {
    const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
    await ok(workstation, 'settings.update', { currentEmployeeId: me.id });
    const tariff = await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Тариф', type: 'text' });
    const company = await ok(workstation, 'companies.create', { name: 'ТОВ Ромашка' });
    const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина', lastName: 'Коваль', companyId: company.id, emails: ['iryna@example.com'], custom: { [tariff.id]: 'Бізнес' } });

    log('scripts: questionnaire autosave');
    const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: longQuestionnaire() });
    await ok(workstation, 'scripts.publish', { id: questionnaire.id });
    const callId = recordCall(workstation, { contactId: contact.id, at: Date.now() });
    const { responseId } = await ok(workstation, 'responses.open', { callId, questionnaireId: questionnaire.id });
    // Typing into the text questions one after another, each keystroke saved.
    const autosave = await sampleMs(1000, (i) => ok(workstation, 'responses.answer', { responseId, questionId: `s${(i >> 6) % 4}q${(i >> 3) % 10}`, value: `Відповідь ${i}`.slice(0, 4 + (i % 20)) }), 50);

    log('scripts: steps of a 200-node script');
    const script = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Long', script: twoHundredNodes() });
    await ok(workstation, 'scripts.publish', { id: script.id });
    let run = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { contactId: contact.id, at: Date.now() }), scriptId: script.id });
    let moves = 0;
    const step = await sampleMs(1000, async (i) => {
      // A new call every 30 moves: a run as long as a real conversation, not one growing for the whole benchmark.
      if (moves++ === 30 || run.finishedAt !== null) {
        run = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { contactId: contact.id, at: Date.now() }), scriptId: script.id });
        moves = 0;
      }
      run = await ok(workstation, 'scriptRuns.answer', { runId: run.runId, answerId: ['a', 'b', 'a', 'c'][i % 4]! });
    }, 50);

    log('scripts: steps of runs 150 to 200 moves long');
    // A move costs the same however long the conversation has run: five runs walked 150 moves in (answers
    // stepping back three nodes now and then, so none reaches the end), then timed from move 150 to 200.
    const pattern = ['a', 'c', 'a', 'a', 'a'];
    const long: string[] = [];
    for (let r = 0; r < 5; r++) {
      let walked = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { contactId: contact.id, at: Date.now() }), scriptId: script.id });
      for (let i = 0; i < 150; i++) walked = await ok(workstation, 'scriptRuns.answer', { runId: walked.runId, answerId: pattern[i % pattern.length]! });
      long.push(walked.runId);
    }
    const deep = await sampleMs(250, (i) => ok(workstation, 'scriptRuns.answer', { runId: long[i % long.length]!, answerId: pattern[Math.floor(i / long.length) % pattern.length]! }), 0);

    return [...medianAndTail('questionnaire.autosave', autosave), ...medianAndTail('scripts.step.server', step), ...medianAndTail('scripts.step.server.long_run', deep)];
  } finally {
    await workstation.dispose();
    dir.remove();
  }
}
