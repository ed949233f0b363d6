import { describe, expect, it } from 'vitest';
import type { CalendarItemInput } from '#contract';
import { calendars } from '#core/db/schema';
import { callApi, createTestWorkstation } from '#tests/support/workstation';
import { ok } from '#tests/support/crm';

const hour = 3_600_000;
const kyiv = 'Europe/Kyiv';

async function workplace() {
  const workstation = createTestWorkstation({ timeZone: kyiv });
  const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин' });
  const colleague = await ok(workstation, 'employees.save', { name: 'Андрій Мороз' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id });
  const contact = await ok(workstation, 'contacts.create', { lastName: 'Мельник', firstName: 'Ольга' });
  return { workstation, me, colleague, contact };
}

const item = (title: string, start: string, end: string, extra: Partial<CalendarItemInput> = {}): CalendarItemInput => ({
  kind: 'meeting',
  title,
  start: { local: start, tzid: kyiv },
  end: { local: end, tzid: kyiv },
  ...extra,
});

describe('calendar items', () => {
  it('keep their own zone: a New York call shows at New York’s 9:00 on the Kyiv grid, before and after both DST changes', async () => {
    const { workstation } = await workplace();
    const weekly = await ok(workstation, 'calendar.save', {
      kind: 'call',
      title: 'Дзвінок партнеру в Нью-Йорку',
      start: { local: '2026-03-02T09:00', tzid: 'America/New_York' },
      end: { local: '2026-03-02T09:30', tzid: 'America/New_York' },
      rrule: 'FREQ=WEEKLY;COUNT=6',
    });
    expect(weekly.start).toEqual({ local: '2026-03-02T09:00:00', tzid: 'America/New_York' });
    const range = await ok(workstation, 'calendar.range', { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 10) });
    // EST (UTC−5) until 8 March, EDT (UTC−4) after: 14:00, then 13:00 UTC.
    expect(range.map((o) => new Date(o.startsAt).toISOString())).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
      '2026-03-23T13:00:00.000Z',
      '2026-03-30T13:00:00.000Z',
      '2026-04-06T13:00:00.000Z',
    ]);
    expect(range.every((o) => o.tzid === 'America/New_York' && o.recurring)).toBe(true);
  });

  it('move by a drag into their own zone, one occurrence or the whole series, and delete one occurrence', async () => {
    const { workstation } = await workplace();
    const daily = await ok(workstation, 'calendar.save', item('Планірка', '2026-11-23T10:00', '2026-11-23T10:15', { rrule: 'FREQ=DAILY;COUNT=5' }));
    const week = () => ok(workstation, 'calendar.range', { from: Date.UTC(2026, 10, 23), to: Date.UTC(2026, 10, 30) });
    const [, second, third] = await week();
    // Second occurrence dragged an hour later: only it moves (an override), in Kyiv's clock.
    await ok(workstation, 'calendar.move', { id: daily.id, recurrenceId: second!.recurrenceId, scope: 'occurrence', startsAt: second!.startsAt + hour, endsAt: second!.endsAt + hour });
    await ok(workstation, 'calendar.delete', { id: daily.id, scope: 'occurrence', recurrenceId: third!.recurrenceId });
    const after = await week();
    expect(after.map((o) => new Date(o.startsAt).toISOString())).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
      '2026-11-26T08:00:00.000Z',
      '2026-11-27T08:00:00.000Z',
    ]);
    expect((await ok(workstation, 'calendar.get', { id: daily.id })).overrides).toBe(1);
    // The whole series dragged by its first occurrence to 12:00.
    await ok(workstation, 'calendar.move', { id: daily.id, recurrenceId: after[0]!.recurrenceId, scope: 'series', startsAt: after[0]!.startsAt + 2 * hour, endsAt: after[0]!.endsAt + 2 * hour });
    const moved = await ok(workstation, 'calendar.get', { id: daily.id });
    expect(moved.start).toEqual({ local: '2026-11-23T12:00:00', tzid: kyiv });
    expect(moved.end).toEqual({ local: '2026-11-23T12:15:00', tzid: kyiv });
  });

  it('refuse an end before the start, an unknown zone, and writing into a read-only calendar', async () => {
    const { workstation } = await workplace();
    expect(await callApi(workstation, 'calendar.save', item('Навпаки', '2026-11-23T10:00', '2026-11-23T09:00'))).toMatchObject({ ok: false, error: { issues: [{ path: 'end', code: 'ends_before_start' }] } });
    expect(
      await callApi(workstation, 'calendar.save', { ...item('Ніде', '2026-11-23T10:00', '2026-11-23T11:00'), start: { local: '2026-11-23T10:00', tzid: 'Mars/Olympus' } }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'start.tzid', code: 'unknown_time_zone' }] } });
    const mine = await ok(workstation, 'calendar.save', item('Зустріч', '2026-11-23T10:00', '2026-11-23T11:00'));
    workstation.database.write((tx) => tx.update(calendars).set({ readOnly: true }).run());
    expect(await callApi(workstation, 'calendar.move', { id: mine.id, startsAt: Date.UTC(2026, 10, 24, 8), endsAt: Date.UTC(2026, 10, 24, 9) })).toMatchObject({
      ok: false,
      error: { reason: 'calendar_read_only' },
    });
  });

  it('give an assignment’s status to its assignee and its check to whoever gave it', async () => {
    const { workstation, me, colleague } = await workplace();
    const task = await ok(workstation, 'calendar.save', { ...item('Підготувати КП', '2026-11-24T09:00', '2026-11-24T18:00'), kind: 'assignment', assigneeId: colleague.id });
    expect(task.assignment).toMatchObject({ assigneeId: colleague.id, assigneeName: 'Андрій Мороз', assignedById: me.id, status: 'open' });
    await ok(workstation, 'settings.update', { currentEmployeeId: colleague.id });
    expect((await ok(workstation, 'calendar.setAssignmentStatus', { id: task.id, status: 'done' })).assignment?.status).toBe('done');
    expect(await callApi(workstation, 'calendar.setAssignmentStatus', { id: task.id, status: 'checked' })).toMatchObject({ ok: false, error: { reason: 'only_assigner_checks' } });
    await ok(workstation, 'settings.update', { currentEmployeeId: me.id });
    expect((await ok(workstation, 'calendar.setAssignmentStatus', { id: task.id, status: 'checked' })).assignment).toMatchObject({ status: 'checked', checkedById: me.id });
  });

  it('show a record’s items on its card, and nobody else’s', async () => {
    const { workstation, contact } = await workplace();
    const linked = await ok(workstation, 'calendar.save', { ...item('Зустріч з Ольгою', '2026-11-25T10:00', '2026-11-25T11:00'), links: { contactId: contact.id } });
    await ok(workstation, 'calendar.save', item('Внутрішня нарада', '2026-11-25T12:00', '2026-11-25T13:00'));
    expect((await ok(workstation, 'calendar.forRecord', { contactId: contact.id })).map((o) => [o.eventId, o.contactName])).toEqual([[linked.id, 'Мельник Ольга']]);
  });

  it('count an employee’s booked hours per day across midnight and a DST change, with their meetings and callbacks', async () => {
    const { workstation, me, colleague } = await workplace();
    // 22:00–05:00 over the night the clocks go back (04:00 → 03:00 on 25 October 2026 in Kyiv): 8 hours, not 7.
    await ok(workstation, 'calendar.save', item('Нічна зміна', '2026-10-24T22:00', '2026-10-25T05:00'));
    await ok(workstation, 'calendar.save', { ...item('Передзвонити', '2026-10-26T10:00', '2026-10-26T10:15'), kind: 'callback' });
    await ok(workstation, 'calendar.save', { ...item('Вільний час', '2026-10-26T12:00', '2026-10-26T13:00') });
    await ok(workstation, 'calendar.save', { ...item('Чужа зустріч', '2026-10-26T12:00', '2026-10-26T13:00'), ownerId: colleague.id });
    const [mine] = await ok(workstation, 'calendar.load', { from: Date.UTC(2026, 9, 23, 21), to: Date.UTC(2026, 9, 26, 22), employeeIds: [me.id] });
    expect(mine?.days).toEqual([
      { day: '2026-10-24', bookedMinutes: 120, meetings: 1, callbacks: 0 },
      { day: '2026-10-25', bookedMinutes: 360, meetings: 0, callbacks: 0 },
      { day: '2026-10-26', bookedMinutes: 75, meetings: 1, callbacks: 1 },
    ]);
    expect(mine?.weeks).toEqual([
      { weekStart: '2026-10-19', bookedMinutes: 480, meetings: 1, callbacks: 0 },
      { weekStart: '2026-10-26', bookedMinutes: 75, meetings: 1, callbacks: 1 },
    ]);
  });

  it('go to the calendar the owner chose as default', async () => {
    const { workstation, me } = await workplace();
    const first = await ok(workstation, 'calendar.save', item('Перша', '2026-11-23T10:00', '2026-11-23T11:00'));
    workstation.database.write((tx) =>
      tx.insert(calendars).values({ id: 'cal-team', displayName: 'Відділ продажів', ownerEmployeeId: me.id, createdAt: 1, updatedAt: 1 }).run(),
    );
    await ok(workstation, 'calendar.setDefault', { id: 'cal-team' });
    const second = await ok(workstation, 'calendar.save', item('Друга', '2026-11-23T12:00', '2026-11-23T13:00'));
    expect(second.calendarId).toBe('cal-team');
    expect((await ok(workstation, 'calendar.calendars', {})).filter((c) => c.isDefault).map((c) => c.id)).toEqual(['cal-team']);
    expect(first.calendarId).not.toBe('cal-team');
  });
});
