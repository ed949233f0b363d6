import { describe, expect, it } from 'vitest';
import { screenPop } from '#core/telephony/screen-pop';
import { crmWorkstation, ok } from '#tests/support/crm';
import { testNow } from '#tests/support/workstation';

describe('deal stages we ship carry a key the renderer words', () => {
  it('keeps a shipped stage’s key through the board, a deal’s history, the timeline, the screen pop and the report; a stage someone named has none', async () => {
    const { workstation } = await crmWorkstation();
    const stages = await ok(workstation, 'deals.saveStages', {
      stages: [
        { name: 'Новий запит', key: 'new_request', probability: 10 },
        { name: 'Дегустація', probability: 40 },
        { name: 'Виграно', key: 'won', probability: 100, outcome: 'won' },
      ],
    });
    expect(stages.map((s) => [s.name, s.key])).toEqual([['Новий запит', 'new_request'], ['Дегустація', null], ['Виграно', 'won']]);

    const contact = await ok(workstation, 'contacts.create', { lastName: 'Гончаренко', phones: [{ kind: 'mobile', raw: '067 123 45 67' }] });
    const deal = await ok(workstation, 'deals.create', { title: 'Поставка', stageId: stages[0]!.id, contactId: contact.id });
    const pop = screenPop(workstation.database.read, { callId: 'call-1', number: '+380671234567', displayName: null }, ['UA'], testNow);
    expect(pop.openDeals).toEqual([{ id: deal.id, title: 'Поставка', stage: 'Новий запит', stageKey: 'new_request' }]);
    await ok(workstation, 'deals.move', { id: deal.id, stageId: stages[2]!.id });

    expect((await ok(workstation, 'deals.board', {})).columns.map((c) => c.stage.key)).toEqual(['new_request', null, 'won']);
    expect((await ok(workstation, 'deals.get', { id: deal.id })).history.map((h) => [h.fromKey, h.toKey])).toEqual([[null, 'new_request'], ['new_request', 'won']]);
    const milestones = (await ok(workstation, 'timeline.list', { contactId: contact.id })).milestones;
    expect(milestones.map((m) => m.toKey)).toEqual(expect.arrayContaining(['new_request', 'won']));
    // The sales pipeline has a row per open stage, keyed by the stage's id: its key is the board's.
    const keyOf = new Map(stages.map((s) => [s.id, s.key]));
    const pipeline = await ok(workstation, 'reports.run', { request: { report: 'sales', view: 'pipeline', filters: { from: testNow - 86_400_000, to: testNow + 86_400_000 } } });
    expect(pipeline.rows.map((row) => [keyOf.get(row.key), row.kind, row.label])).toEqual([['new_request', 'value', 'Новий запит'], [null, 'value', 'Дегустація']]);

    // Renamed in Settings: the operator's own name from then on.
    const renamed = await ok(workstation, 'deals.saveStages', {
      stages: stages.map(({ id, name, key, probability, outcome }) => (key === 'won' ? { id, name: 'Підписано', key: null, probability, outcome } : { id, name, key, probability, outcome })),
    });
    expect(renamed.map((s) => [s.name, s.key])).toEqual([['Новий запит', 'new_request'], ['Дегустація', null], ['Підписано', null]]);
  });
});
