import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { recordCall, salesScript, scriptsWorkstation, surveyQuestionnaire } from '#tests/support/scripts';
import { download } from '#tests/support/transfers';
import { callApi, testNow } from '#tests/support/workstation';

const day = 24 * 60 * 60 * 1000;

/** A script with its questionnaire, run on two calls: one sale (through an objection), one refusal. */
async function twoCalls() {
  const station = await scriptsWorkstation();
  const { workstation } = station;
  const questionnaire = await ok(workstation, 'scripts.save', { kind: 'questionnaire', name: 'Survey', questionnaire: surveyQuestionnaire() });
  await ok(workstation, 'scripts.publish', { id: questionnaire.id });
  const script = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Sales; "spring"', script: salesScript(questionnaire.id) });
  await ok(workstation, 'scripts.publish', { id: script.id });
  for (const [i, answers] of [['talk', 'pricey', 'ok', 'yes'], ['talk', 'no']].entries()) {
    const run = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { at: testNow + i }), scriptId: script.id });
    expect(run.responseId).not.toBeNull();
    await ok(workstation, 'responses.answer', { responseId: run.responseId!, questionId: 'channel', value: i === 0 ? 'web' : 'friend' });
    for (const move of answers) {
      if (move === 'pricey') await ok(workstation, 'scriptRuns.objection', { runId: run.runId, nodeId: move });
      else await ok(workstation, 'scriptRuns.answer', { runId: run.runId, answerId: move });
    }
  }
  return { ...station, scriptId: script.id, questionnaireId: questionnaire.id };
}

describe('script results', () => {
  it('count paths, objections and operators with their successes, and the questionnaire answered on the same calls', async () => {
    const { workstation, scriptId } = await twoCalls();
    const results = await ok(workstation, 'scripts.results', { id: scriptId, from: testNow - day, to: testNow + day });
    expect(results.paths).toEqual([
      { nodes: ['greet', 'offer', 'won'], titles: ['Greeting', 'Offer', 'Sale'], runs: 1, successes: 1 },
      { nodes: ['greet', 'offer', 'lost'], titles: ['Greeting', 'Offer', 'No sale'], runs: 1, successes: 0 },
    ]);
    expect(results.objections).toEqual([{ nodeId: 'pricey', title: 'Too expensive', runs: 1, successes: 1 }]);
    expect(results.byOperator).toEqual([expect.objectContaining({ name: 'Оксана Литвин', runs: 2, successes: 1 })]);
    expect(results.questions.find((q) => q.questionId === 'channel')?.options).toEqual([
      { id: 'web', label: 'Website', count: 1 },
      { id: 'friend', label: 'A friend', count: 1 },
    ]);
    // Another period, or another operator, has nothing.
    expect((await ok(workstation, 'scripts.results', { id: scriptId, from: testNow + day, to: testNow + 2 * day })).paths).toEqual([]);
  });

  it('export as CSV and XLSX through the download every export uses', async () => {
    const { workstation, scriptId } = await twoCalls();
    const request = { id: scriptId, from: testNow - day, to: testNow + day };
    const csv = await ok(workstation, 'scripts.exportResults', { ...request, format: 'csv' });
    const file = await download(workstation, csv.fileId);
    // Quotes are refused by Windows file names.
    expect(file.fileName).toBe('Sales; spring 2026-11-21–2026-11-23.csv');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Greeting → Offer → Sale;1;1;100\r\n');
    expect(text).toContain('Too expensive;1;1;100');
    expect(text).toContain('How did you hear of us?;1;A friend;1');

    const xlsx = await ok(workstation, 'scripts.exportResults', { ...request, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(workstation, xlsx.fileId)).bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Versions', 'Questions', 'Paths', 'Objections', 'Operators']);
    expect(workbook.getWorksheet('Paths')!.getRow(3).values).toEqual([undefined, 'Greeting → Offer → No sale', 1, 0, 0]);
  });

  it('stay readable after the script is deleted; the deleted script leaves the list and cannot start new runs', async () => {
    const { workstation, scriptId } = await twoCalls();
    await ok(workstation, 'scripts.delete', { id: scriptId });
    expect((await ok(workstation, 'scripts.list', { kind: 'script' })).map((s) => s.id)).not.toContain(scriptId);
    expect((await ok(workstation, 'scripts.results', { id: scriptId, from: testNow - day, to: testNow + day })).paths).toHaveLength(2);
    const refused = await callApi(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { at: testNow }), scriptId });
    expect(refused.ok || refused.error.code).toBe('not_found');
  });

  it('preview a draft node with a sample contact, or with none', async () => {
    const { workstation, tariff } = await scriptsWorkstation();
    const script = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Sales', script: salesScript() });
    const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина', lastName: 'Коваль', custom: { [tariff.id]: 'Бізнес' } });
    expect((await ok(workstation, 'scripts.preview', { id: script.id, nodeId: 'offer', contactId: contact.id })).text).toBe('Пропонуємо Бізнес для Коваль.');
    expect(await ok(workstation, 'scripts.preview', { id: script.id, nodeId: 'offer', contactId: null })).toMatchObject({ missing: ['custom.Тариф', 'contact.lastName'] });
  });
});
