import { describe, expect, it } from 'vitest';
import { manualClock } from '#core/shared/clock';
import { crmWorkstation, ok } from '#tests/support/crm';
import { callApi, testNow } from '#tests/support/workstation';

describe('complaints', () => {
  it('go from registration with the call they came in on, through an investigation plan, to resolved and closed', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const [late, defect] = await ok(workstation, 'complaints.saveCauses', { causes: [{ name: 'Затримка доставки' }, { name: 'Брак' }] });
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Олійник', firstName: 'Ірина' });
    const call = await ok(workstation, 'interactions.create', { kind: 'call', direction: 'in', occurredAt: testNow, contactId: contact.id, subject: 'Скарга на доставку' });

    const registered = await ok(workstation, 'complaints.create', {
      contactId: contact.id,
      causeId: late!.id,
      subject: 'Товар приїхав на тиждень пізніше',
      description: 'Замовлення №1234',
      interactionIds: [call.id],
    });
    expect(registered).toMatchObject({ number: 1, state: 'new', cause: { name: 'Затримка доставки' }, responsible: { name: 'Оксана Литвин' } });
    expect(registered.interactions.map((i) => i.id)).toEqual([call.id]);

    await ok(workstation, 'complaints.transition', { id: registered.id, to: 'investigating' });
    const planned = await ok(workstation, 'complaints.addStep', { complaintId: registered.id, title: 'Запросити звіт перевізника', assigneeId: colleague.id, dueAt: testNow + 86_400_000 });
    const step = planned.steps[0]!;
    expect(step).toMatchObject({ assignee: { name: 'Андрій Мороз' }, doneAt: null });
    await ok(workstation, 'complaints.completeStep', { complaintId: registered.id, stepId: step.id });
    await ok(workstation, 'complaints.addAction', { complaintId: registered.id, text: 'Перевізник підтвердив затримку' });
    expect(await callApi(workstation, 'complaints.transition', { id: registered.id, to: 'resolved' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const resolved = await ok(workstation, 'complaints.transition', { id: registered.id, to: 'resolved', resolution: 'Знижка 10% на наступне замовлення', result: 'satisfied' });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'Знижка 10% на наступне замовлення', result: 'satisfied' });
    const closed = await ok(workstation, 'complaints.transition', { id: registered.id, to: 'closed' });
    // Words are the renderer's: registration has no text of its own, a step event carries the step's title.
    expect(closed.events[0]).toMatchObject({ kind: 'state', fromState: null, toState: 'new', text: '' });
    expect(closed.events.map((e) => [e.kind, e.toState ?? e.text])).toEqual([
      ['state', 'new'],
      ['state', 'investigating'],
      ['step_planned', 'Запросити звіт перевізника'],
      ['step_done', 'Запросити звіт перевізника'],
      ['action', 'Перевізник підтвердив затримку'],
      ['state', 'resolved'],
      ['state', 'closed'],
    ]);
    // Closed means closed, until reopened.
    expect(await callApi(workstation, 'complaints.addAction', { complaintId: registered.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const reopened = await ok(workstation, 'complaints.transition', { id: registered.id, to: 'investigating', note: 'Клієнт телефонував знову' });
    expect(reopened).toMatchObject({ state: 'investigating', resolvedAt: null, closedAt: null });
    expect(defect).toBeDefined();
  });

  it('analyses complaints by cause and by time to resolve', async () => {
    const clock = manualClock(testNow);
    const { workstation } = await crmWorkstation();
    // The workstation's own clock is fixed at testNow; resolution times come from registration vs. now.
    const [late, defect] = await ok(workstation, 'complaints.saveCauses', { causes: [{ name: 'Затримка' }, { name: 'Брак' }] });
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Руденко' });
    for (const causeId of [late!.id, late!.id, defect!.id]) {
      const c = await ok(workstation, 'complaints.create', { contactId: contact.id, causeId, subject: 'x' });
      await ok(workstation, 'complaints.transition', { id: c.id, to: 'investigating' });
      if (causeId === late!.id) await ok(workstation, 'complaints.transition', { id: c.id, to: 'resolved', resolution: 'r', result: 'partially' });
    }
    const analysis = await ok(workstation, 'complaints.analysis', { from: clock.now() - 86_400_000, to: clock.now() + 1 });
    expect(analysis).toMatchObject({ total: 3, open: 1 });
    expect(analysis.byCause.map((c) => [c.cause?.name, c.count, c.open, c.meanHoursToResolve])).toEqual([
      ['Затримка', 2, 0, 0],
      ['Брак', 1, 1, null],
    ]);
    expect(analysis.timeToResolve).toEqual([
      { bucket: 'lt1d', count: 2 },
      { bucket: 'lt3d', count: 0 },
      { bucket: 'lt7d', count: 0 },
      { bucket: 'gte7d', count: 0 },
    ]);
    // Resolved ones wait only for the client's confirmation: they are not open work.
    expect((await ok(workstation, 'complaints.list', { openOnly: true })).total).toBe(1);
    expect((await ok(workstation, 'complaints.list', { state: 'resolved' })).total).toBe(2);
  });

  it('adds a cause from the complaint form at the end of the list, reusing one of the same name', async () => {
    const { workstation } = await crmWorkstation();
    await ok(workstation, 'complaints.saveCauses', { causes: [{ name: 'Брак' }] });
    const added = await ok(workstation, 'complaints.addCause', { name: 'Затримка доставки' });
    expect(await ok(workstation, 'complaints.addCause', { name: 'затримка доставки' })).toEqual(added);
    expect((await ok(workstation, 'complaints.causes', {})).map((c) => c.name)).toEqual(['Брак', 'Затримка доставки']);
    expect(await callApi(workstation, 'complaints.addCause', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
