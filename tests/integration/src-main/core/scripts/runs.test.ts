import { describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import type { ScriptRunState } from '#contract';
import { guideIndex, predictAnswer } from '#renderer/features/scripts-runner/predict-step';
import { ok } from '#tests/support/crm';
import { recordCall, salesScript, scriptsWorkstation } from '#tests/support/scripts';
import { tempDir } from '#tests/support/temp-dir';
import { callApi, createSuiteWorkstation, createTestWorkstation, testNow } from '#tests/support/workstation';

const day = 24 * 60 * 60 * 1000;

async function publishedSales(workstation: Workstation) {
  const script = await ok(workstation, 'scripts.save', { kind: 'script', name: 'Sales', script: salesScript() });
  await ok(workstation, 'scripts.publish', { id: script.id });
  return script.id;
}

describe('a script run beside a call', () => {
  it('merges the call’s contact, company, operator and custom fields into the texts, and shows what is missing', async () => {
    const { workstation, tariff } = await scriptsWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'ТОВ Ромашка' });
    const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина', lastName: 'Коваль', companyId: company.id, custom: { [tariff.id]: 'Бізнес' } });
    const scriptId = await publishedSales(workstation);

    const known = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { contactId: contact.id, at: testNow }), scriptId });
    expect(known.node).toMatchObject({ id: 'greet', text: 'Добрий день, Ірина! Це Оксана Литвин з ТОВ Ромашка.', missing: [] });
    const offer = await ok(workstation, 'scriptRuns.answer', { runId: known.runId, answerId: 'talk' });
    expect(offer.node.text).toBe('Пропонуємо Бізнес для Коваль.');

    // An unknown caller: fallbacks where the author gave one, a visible gap (and a report) where not.
    const stranger = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { at: testNow }), scriptId });
    expect(stranger.node).toMatchObject({ text: 'Добрий день, пане! Це Оксана Литвин з нашої компанії.', missing: [] });
    const gap = await ok(workstation, 'scriptRuns.answer', { runId: stranger.runId, answerId: 'talk' });
    expect(gap.node).toMatchObject({ text: 'Пропонуємо [custom.Тариф] для [contact.lastName].', missing: ['custom.Тариф', 'contact.lastName'] });
  });

  it('foretells from the run’s guide exactly the node and path main stores for an answer leading on, and nothing else', async () => {
    const { workstation, tariff } = await scriptsWorkstation();
    const contact = await ok(workstation, 'contacts.create', { firstName: 'Ірина', lastName: 'Коваль', custom: { [tariff.id]: 'Бізнес' } });
    const scriptId = await publishedSales(workstation);
    let state = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { contactId: contact.id, at: testNow }), scriptId });
    const guide = guideIndex(await ok(workstation, 'scriptRuns.guide', { runId: state.runId }));
    const timeless = (run: ScriptRunState) => ({ ...run, finishedAt: run.finishedAt !== null, path: run.path.map(({ at: _at, ...step }) => step) });

    // Every kind of move: on, into a handler, a handler's answer returning (not foretold), back, on to a disposition.
    type Move = { answer: string } | { objection: string } | { back: true };
    const moves: Move[] = [
      { answer: 'talk' },
      { objection: 'pricey' },
      { answer: 'why' },
      { answer: 'back' },
      { answer: 'no' },
      { back: true },
      { answer: 'yes' },
    ];
    let foretold = 0;
    for (const move of moves) {
      if ('answer' in move) {
        const index = state.node.answers.findIndex((a) => a.id === move.answer);
        const predicted = predictAnswer(state, guide, index, testNow);
        state = await ok(workstation, 'scriptRuns.answer', { runId: state.runId, answerId: move.answer });
        if (predicted) {
          foretold++;
          expect(timeless(predicted)).toEqual(timeless(state));
        } else expect(state.node.id).toBe('offer');
      } else if ('objection' in move) state = await ok(workstation, 'scriptRuns.objection', { runId: state.runId, nodeId: move.objection });
      else state = await ok(workstation, 'scriptRuns.back', { runId: state.runId });
    }
    expect(foretold).toBe(4);
    // A finished run foretells nothing: main refuses another answer there.
    expect(state.finishedAt).not.toBeNull();
    expect(predictAnswer(state, guide, 0, testNow)).toBeNull();
  });

  it('keeps the path through back steps and objection handlers, which return where the operator was', async () => {
    const { workstation } = await scriptsWorkstation();
    const scriptId = await publishedSales(workstation);
    const callId = recordCall(workstation, { at: testNow });
    const started = await ok(workstation, 'scriptRuns.start', { callId, scriptId });
    expect(started).toMatchObject({ canGoBack: false, returnTo: null, finishedAt: null, objections: [{ id: 'pricey', title: 'Too expensive' }, { id: 'later', title: 'Call me later' }] });

    const { runId } = started;
    await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'talk' });
    const inHandler = await ok(workstation, 'scriptRuns.objection', { runId, nodeId: 'pricey' });
    expect(inHandler).toMatchObject({ node: { id: 'pricey' }, returnTo: 'offer' });
    // A step of the handler's own, then an answer leading nowhere: back to the offer.
    expect((await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'why' })).node.id).toBe('explain');
    const returned = await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'back' });
    expect(returned).toMatchObject({ node: { id: 'offer' }, returnTo: null });

    const refused = await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'no' });
    expect(refused).toMatchObject({ node: { id: 'lost', disposition: { label: 'Refused', success: false } } });
    expect(refused.finishedAt).not.toBeNull();
    const more = await callApi(workstation, 'scriptRuns.answer', { runId, answerId: 'no' });
    expect(more.ok || more.error.reason).toBe('script_run_finished');

    // Backspace: the refusal is undone, the run is open again, and the client agrees.
    const back = await ok(workstation, 'scriptRuns.back', { runId });
    expect(back).toMatchObject({ node: { id: 'offer' }, finishedAt: null, canGoBack: true });
    const won = await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'yes' });
    expect(won.path.map((p) => [p.nodeId, p.answer])).toEqual([
      ['greet', 'Can talk'],
      ['offer', null],
      ['pricey', 'Asks why'],
      ['explain', 'Understood'],
      ['offer', 'Agrees'],
      ['won', null],
    ]);

    // Stored with the call: the same state after reading it again, and no second run for the call.
    expect(await ok(workstation, 'scriptRuns.get', { callId })).toEqual(won);
    expect((await ok(workstation, 'scriptRuns.start', { callId })).runId).toBe(runId);

    const results = await ok(workstation, 'scripts.results', { id: scriptId, from: testNow - day, to: testNow + day });
    expect(results.paths).toEqual([{ nodes: ['greet', 'offer', 'explain', 'offer', 'won'], titles: ['Greeting', 'Offer', 'Explain', 'Offer', 'Sale'], runs: 1, successes: 1 }]);
    expect(results.objections).toEqual([{ nodeId: 'pricey', title: 'Too expensive', runs: 1, successes: 1 }]);
    expect(results.byOperator).toEqual([expect.objectContaining({ name: 'Оксана Литвин', runs: 1, successes: 1 })]);
  });

  it('returns from an objection handler without one of its answers, keeping the objection on the path and in the results', async () => {
    const { workstation } = await scriptsWorkstation();
    const scriptId = await publishedSales(workstation);
    const { runId } = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { at: testNow }), scriptId });
    await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'talk' });
    await ok(workstation, 'scriptRuns.objection', { runId, nodeId: 'later' });
    const returned = await ok(workstation, 'scriptRuns.return', { runId });
    expect(returned).toMatchObject({ node: { id: 'offer' }, returnTo: null, canGoBack: true });
    expect(returned.path.map((p) => [p.nodeId, p.answer])).toEqual([
      ['greet', 'Can talk'],
      ['offer', null],
      ['later', null],
      ['offer', null],
    ]);
    // Outside any handler there is nowhere to return to: nothing changes.
    expect(await ok(workstation, 'scriptRuns.return', { runId })).toEqual(returned);
    // Backspace undoes the return like any move: back in the handler, which returns where it was opened.
    expect(await ok(workstation, 'scriptRuns.back', { runId })).toMatchObject({ node: { id: 'later' }, returnTo: 'offer' });
    await ok(workstation, 'scriptRuns.return', { runId });
    const won = await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'yes' });
    expect(won.path.map((p) => p.nodeId)).toEqual(['greet', 'offer', 'later', 'offer', 'won']);

    const results = await ok(workstation, 'scripts.results', { id: scriptId, from: testNow - day, to: testNow + day });
    expect(results.objections).toEqual([{ nodeId: 'later', title: 'Call me later', runs: 1, successes: 1 }]);
    expect(results.paths).toEqual([expect.objectContaining({ nodes: ['greet', 'offer', 'won'], runs: 1, successes: 1 })]);
  });

  it('after a restart a run stands where its stored moves left it, and goes on from there', async () => {
    const dataDir = tempDir();
    const workstation = createSuiteWorkstation(dataDir);
    await ok(workstation, 'customFields.save', { entity: 'contact', name: 'Тариф', type: 'text' });
    const scriptId = await publishedSales(workstation);
    const callId = recordCall(workstation, { at: testNow });
    const { runId } = await ok(workstation, 'scriptRuns.start', { callId, scriptId });
    await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'talk' });
    await ok(workstation, 'scriptRuns.objection', { runId, nodeId: 'pricey' });
    await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'why' });
    await ok(workstation, 'scriptRuns.back', { runId });
    await ok(workstation, 'scriptRuns.return', { runId });
    await ok(workstation, 'scriptRuns.answer', { runId, answerId: 'no' });
    await ok(workstation, 'scriptRuns.back', { runId });
    const before = await ok(workstation, 'scriptRuns.get', { callId });
    expect(before).toMatchObject({ node: { id: 'offer' }, returnTo: null, canGoBack: true });
    await workstation.dispose();

    // Nothing of the run lives only in memory: the next start of the app on the same file replays the stored moves.
    const restarted = createTestWorkstation({ dataDir });
    expect(await ok(restarted, 'scriptRuns.get', { callId })).toEqual(before);
    const won = await ok(restarted, 'scriptRuns.answer', { runId, answerId: 'yes' });
    expect(won.path.map((p) => [p.nodeId, p.answer])).toEqual([
      ['greet', 'Can talk'],
      ['offer', null],
      ['pricey', null],
      ['offer', 'Agrees'],
      ['won', null],
    ]);
    expect(await ok(restarted, 'scriptRuns.back', { runId })).toEqual(before);
  });

  it('starts the script of the line the call came in on, and says so plainly when the line has none', async () => {
    const { workstation } = await scriptsWorkstation();
    const scriptId = await publishedSales(workstation);
    const account = await ok(workstation, 'phone.saveAccount', { label: 'Sales line', wsUrl: 'ws://127.0.0.1:1/ws', sipUri: 'sip:sales@127.0.0.1', enabled: false, scriptId });
    expect(account.scriptId).toBe(scriptId);
    const run = await ok(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { accountId: account.id, at: testNow }) });
    expect(run).toMatchObject({ scriptId, scriptName: 'Sales', node: { id: 'greet' } });

    const none = await callApi(workstation, 'scriptRuns.start', { callId: recordCall(workstation, { at: testNow }) });
    expect(none.ok || none.error).toMatchObject({ code: 'not_found', reason: 'no_script_for_call' });
  });
});
