import { describe, expect, it } from 'vitest';
import type { PayloadIssue } from '#contract';
import { ok } from '#tests/support/crm';
import { salesScript, scriptsWorkstation, surveyQuestionnaire } from '#tests/support/scripts';
import { callApi } from '#tests/support/workstation';

async function importIssues(workstation: Awaited<ReturnType<typeof scriptsWorkstation>>['workstation'], text: string): Promise<Pick<PayloadIssue, 'path' | 'code' | 'params'>[]> {
  const result = await callApi(workstation, 'scripts.importJson', { text });
  if (result.ok) throw new Error('the import was accepted');
  expect(result.error.code).toBe('invalid_payload');
  return (result.error.issues ?? []).map(({ path, code, params }) => ({ path, code, params }));
}

const envelope = { format: 'operator-workstation-script', version: 1 };

describe('scripts and questionnaires as JSON files', () => {
  it('exports a draft and imports it again as a new draft, unchanged', async () => {
    const { workstation } = await scriptsWorkstation();
    const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Опитування: клієнти/2026', questionnaire: surveyQuestionnaire() });
    const file = await ok(workstation, 'scripts.exportJson', { id: questionnaire.id });
    expect(file.fileName).toBe('Опитування клієнти 2026.questionnaire.json');
    expect(JSON.parse(file.text)).toMatchObject({ ...envelope, kind: 'questionnaire', name: 'Опитування: клієнти/2026' });

    const imported = await ok(workstation, 'scripts.importJson', { text: file.text });
    expect(imported.id).not.toBe(questionnaire.id);
    expect(imported).toMatchObject({ kind: 'questionnaire', questionnaire: surveyQuestionnaire(), versions: [], hasUnpublishedChanges: true });
  });

  it('reports a file that is not JSON with the line and column where it breaks', async () => {
    const { workstation } = await scriptsWorkstation();
    const text = '{\n  "format": "operator-workstation-script",\n  "version": 1,\n  "kind": "script"\n  "name": "Sales"\n}';
    expect(await importIssues(workstation, text)).toEqual([{ path: '', code: 'not_json', params: { line: 5, column: 3, detail: 3 } }]);
  });

  it('refuses a file of another program, or of a format version it does not read', async () => {
    const { workstation } = await scriptsWorkstation();
    expect(await importIssues(workstation, JSON.stringify({ nodes: [] }))).toEqual([{ path: 'format', code: 'not_a_script_file', params: {} }]);
    expect(await importIssues(workstation, '[1, 2]')).toEqual([{ path: 'format', code: 'not_a_script_file', params: {} }]);
    expect(await importIssues(workstation, JSON.stringify({ ...envelope, version: 2, kind: 'script', name: 'x' }))).toEqual([{ path: 'version', code: 'script_file_version', params: { detail: '2' } }]);
  });

  it('names every field the contract refuses, by its path', async () => {
    const { workstation } = await scriptsWorkstation();
    const script = salesScript();
    const nodes: unknown[] = script.nodes.map((n) => ({ ...n }));
    nodes[1] = { ...script.nodes[1]!, kind: 'question' };
    nodes[2] = { ...script.nodes[2]!, answers: [{ id: 'a b', label: 'x', next: null }] };
    const issues = await importIssues(workstation, JSON.stringify({ ...envelope, kind: 'script', name: 'Sales', script: { ...script, nodes }, questionnaire: surveyQuestionnaire() }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['script.nodes.1.kind', 'invalid_value'],
      ['script.nodes.2.answers.0.id', 'invalid_format'],
      ['questionnaire', 'script_kind_mismatch'],
    ]);
  });

  it('names the answer that leads nowhere and the question whose condition looks ahead, by path; warnings alone do not refuse', async () => {
    const { workstation } = await scriptsWorkstation();
    const script = salesScript();
    script.nodes[1]!.answers[1]!.next = 'gone';
    expect(await importIssues(workstation, JSON.stringify({ ...envelope, kind: 'script', name: 'Sales', script }))).toEqual([
      { path: 'script.nodes.1.answers.1.next', code: 'script_missing_target', params: { detail: 'no' } },
    ]);

    const questionnaire = surveyQuestionnaire();
    questionnaire.sections[0]!.questions[0]!.showIf = { questionId: 'channel', op: 'answered', value: null };
    expect(await importIssues(workstation, JSON.stringify({ ...envelope, kind: 'questionnaire', name: 'Survey', questionnaire }))).toEqual([
      { path: 'questionnaire.sections.0.questions.0.showIf.questionId', code: 'question_condition_on_later_question', params: { detail: 'channel' } },
    ]);

    const unreachable = salesScript();
    unreachable.nodes[0]!.answers = [];
    const imported = await ok(workstation, 'scripts.importJson', { text: JSON.stringify({ ...envelope, kind: 'script', name: 'Sales', script: unreachable }) });
    expect(imported.problems.map((p) => p.code)).toContain('unreachable');
  });
});
