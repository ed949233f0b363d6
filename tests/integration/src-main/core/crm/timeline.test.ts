import { describe, expect, it } from 'vitest';
import { callApi } from '#tests/support/workstation';
import { crmWorkstation, ok } from '#tests/support/crm';
import { testNow } from '#tests/support/workstation';

const hour = 3_600_000;

describe('interactions and the timeline', () => {
  it('records every kind, newest first, with participants, and shows who on our side works with the client', async () => {
    const { workstation, me, colleague } = await crmWorkstation();
    const company = await ok(workstation, 'companies.create', { name: 'Лан' });
    const olha = await ok(workstation, 'contacts.create', { lastName: 'Мельник', firstName: 'Ольга', companyId: company.id });
    const petro = await ok(workstation, 'contacts.create', { lastName: 'Ткаченко', firstName: 'Петро', companyId: company.id });
    await ok(workstation, 'interactions.create', { kind: 'call', direction: 'in', occurredAt: testNow - 5 * hour, contactId: olha.id, subject: 'Питання щодо оплати', outcome: 'Домовились', durationSeconds: 95 });
    await ok(workstation, 'interactions.create', { kind: 'meeting', occurredAt: testNow - 3 * hour, contactId: olha.id, participantIds: [petro.id], subject: 'Презентація', employeeId: colleague.id });
    await ok(workstation, 'interactions.create', { kind: 'email', direction: 'out', occurredAt: testNow - 2 * hour, contactId: olha.id, subject: 'Комерційна пропозиція' });
    await ok(workstation, 'interactions.create', { kind: 'note', occurredAt: testNow - hour, contactId: olha.id, subject: 'Рішення приймає директор' });
    const planned = await ok(workstation, 'interactions.create', { kind: 'planned', occurredAt: testNow + 24 * hour, contactId: olha.id, subject: 'Передзвонити' });

    const page = await ok(workstation, 'timeline.list', { contactId: olha.id });
    expect(page.items.map((i) => i.kind)).toEqual(['planned', 'note', 'email', 'meeting', 'call']);
    expect(page.items.find((i) => i.kind === 'meeting')?.participants).toEqual([{ id: petro.id, name: 'Ткаченко Петро' }]);
    expect(page.items.find((i) => i.kind === 'call')).toMatchObject({ direction: 'in', durationSeconds: 95, employeeName: 'Оксана Литвин', company: { id: company.id } });
    expect(page.colleagues.map((c) => [c.employee.id, c.interactions])).toEqual(
      expect.arrayContaining([
        // The planned contact is the calendar's (it shows on the timeline from there), not an interaction yet.
        [me.id, 3],
        [colleague.id, 1],
      ]),
    );
    // The participant sees the meeting on their own timeline; the company sees everything.
    expect((await ok(workstation, 'timeline.list', { contactId: petro.id })).items.map((i) => i.subject)).toEqual(['Презентація']);
    expect((await ok(workstation, 'timeline.list', { companyId: company.id })).items).toHaveLength(5);

    const done = await ok(workstation, 'interactions.complete', { id: planned.id, outcome: 'Передзвонили, чекають рахунок' });
    expect(done.completedAt).toBe(testNow);
    expect(await callApi(workstation, 'interactions.complete', { id: planned.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // What came of it is recorded on the timeline; the plan stays in the calendar, marked done.
    const after = await ok(workstation, 'timeline.list', { contactId: olha.id });
    expect(after.items.find((i) => i.kind === 'note' && i.outcome === 'Передзвонили, чекають рахунок')?.subject).toBe('Передзвонити');
    expect((await ok(workstation, 'calendar.get', { id: planned.id })).doneAt).toBe(testNow);
  });

  it('filters by kind and by employee, and pages back in time', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Савчук' });
    for (let i = 0; i < 25; i++) {
      await ok(workstation, 'interactions.create', {
        kind: i % 2 ? 'call' : 'email',
        direction: 'out',
        occurredAt: testNow - i * hour,
        contactId: contact.id,
        subject: `#${i}`,
        employeeId: i % 5 === 0 ? colleague.id : undefined,
      });
    }
    const calls = await ok(workstation, 'timeline.list', { contactId: contact.id, kinds: ['call'] });
    expect(calls.items.every((i) => i.kind === 'call')).toBe(true);
    expect(calls.items).toHaveLength(12);
    const theirs = await ok(workstation, 'timeline.list', { contactId: contact.id, employeeId: colleague.id });
    expect(theirs.items.map((i) => i.subject)).toEqual(['#0', '#5', '#10', '#15', '#20']);
    const first = await ok(workstation, 'timeline.list', { contactId: contact.id, limit: 10 });
    const second = await ok(workstation, 'timeline.list', { contactId: contact.id, limit: 10, before: first.nextBefore ?? 0 });
    const third = await ok(workstation, 'timeline.list', { contactId: contact.id, limit: 10, before: second.nextBefore ?? 0 });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.subject)).toEqual(Array.from({ length: 25 }, (_, i) => `#${i}`));
    expect(third.nextBefore).toBeNull();
  });

  it('refuses an interaction with nobody, a direction on a meeting, and unknown links', async () => {
    const { workstation } = await crmWorkstation();
    expect(await callApi(workstation, 'interactions.create', { kind: 'note', occurredAt: testNow, subject: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Лисенко' });
    expect(await callApi(workstation, 'interactions.create', { kind: 'meeting', direction: 'in', occurredAt: testNow, contactId: contact.id, subject: 'x' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'direction' }] },
    });
    expect(await callApi(workstation, 'interactions.create', { kind: 'note', occurredAt: testNow, contactId: contact.id, dealId: 'nope', subject: 'x' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'dealId' }] },
    });
  });
});

describe('deals', () => {
  async function pipeline() {
    const setup = await crmWorkstation();
    const stages = await ok(setup.workstation, 'deals.saveStages', {
      stages: [
        { name: 'Новий', probability: 10 },
        { name: 'Пропозиція', probability: 50 },
        { name: 'Виграно', probability: 100, outcome: 'won' },
        { name: 'Програно', probability: 0, outcome: 'lost' },
      ],
    });
    const contact = await ok(setup.workstation, 'contacts.create', { lastName: 'Приходько' });
    return { ...setup, stages, contact };
  }

  it('takes the stage probability, records every move, and closes on won', async () => {
    const { workstation, stages, contact } = await pipeline();
    const [first, offer, won] = stages;
    const deal = await ok(workstation, 'deals.create', { title: 'Постачання добрив', stageId: first!.id, amount: 150_000, contactId: contact.id, expectedCloseAt: testNow + 30 * 24 * hour });
    expect(deal).toMatchObject({ probability: 10, closedAt: null, owner: { name: 'Оксана Литвин' } });
    await ok(workstation, 'deals.move', { id: deal.id, stageId: offer!.id });
    const closed = await ok(workstation, 'deals.move', { id: deal.id, stageId: won!.id });
    expect(closed).toMatchObject({ probability: 100, closedAt: testNow, stage: { outcome: 'won' } });
    const detail = await ok(workstation, 'deals.get', { id: deal.id });
    expect(detail.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'Новий'],
      ['Новий', 'Пропозиція'],
      ['Пропозиція', 'Виграно'],
    ]);
  });

  it('shows a board by stage with totals per currency, and a list', async () => {
    const { workstation, stages, contact } = await pipeline();
    await ok(workstation, 'deals.create', { title: 'A', stageId: stages[0]!.id, amount: 100, currency: 'UAH', contactId: contact.id });
    await ok(workstation, 'deals.create', { title: 'B', stageId: stages[0]!.id, amount: 50, currency: 'EUR', contactId: contact.id });
    await ok(workstation, 'deals.create', { title: 'C', stageId: stages[1]!.id, amount: 70, currency: 'UAH', contactId: contact.id });
    const board = await ok(workstation, 'deals.board', {});
    expect(board.columns.map((c) => [c.stage.name, c.total])).toEqual([
      ['Новий', 2],
      ['Пропозиція', 1],
      ['Виграно', 0],
      ['Програно', 0],
    ]);
    expect(board.columns[0]?.amounts).toEqual([
      { currency: 'EUR', amount: 50 },
      { currency: 'UAH', amount: 100 },
    ]);
    expect((await ok(workstation, 'deals.list', { contactId: contact.id, openOnly: true })).total).toBe(3);
  });

  it('refuses to remove a stage that still holds deals', async () => {
    const { workstation, stages, contact } = await pipeline();
    await ok(workstation, 'deals.create', { title: 'A', stageId: stages[1]!.id, contactId: contact.id });
    const result = await callApi(workstation, 'deals.saveStages', { stages: stages.filter((_, i) => i !== 1).map(({ id, name, probability, outcome }) => ({ id, name, probability, outcome })) });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok(workstation, 'deals.stages', {})).toHaveLength(4);
  });
});

describe('the whole story on one timeline', () => {
  it('shows deal stage moves and complaint state changes among the interactions', async () => {
    const { workstation } = await crmWorkstation();
    const stages = await ok(workstation, 'deals.saveStages', { stages: [{ name: 'Новий', probability: 10 }, { name: 'Виграно', probability: 100, outcome: 'won' }] });
    const contact = await ok(workstation, 'contacts.create', { lastName: 'Гончаренко' });
    await ok(workstation, 'interactions.create', { kind: 'meeting', occurredAt: testNow - hour, contactId: contact.id, subject: 'Зустріч' });
    const deal = await ok(workstation, 'deals.create', { title: 'Поставка', stageId: stages[0]!.id, contactId: contact.id });
    await ok(workstation, 'deals.move', { id: deal.id, stageId: stages[1]!.id });
    const complaint = await ok(workstation, 'complaints.create', { contactId: contact.id, subject: 'Брак' });
    await ok(workstation, 'complaints.transition', { id: complaint.id, to: 'investigating' });
    const page = await ok(workstation, 'timeline.list', { contactId: contact.id });
    expect(page.items.map((i) => i.subject)).toEqual(['Зустріч']);
    expect(page.milestones.map((m) => [m.kind, m.to])).toEqual(
      expect.arrayContaining([
        ['deal', 'Новий'],
        ['deal', 'Виграно'],
        ['complaint', 'new'],
        ['complaint', 'investigating'],
      ]),
    );
    expect((await ok(workstation, 'timeline.list', { contactId: contact.id, kinds: ['call'] })).milestones).toEqual([]);
  });
});
