import { describe, expect, it } from 'vitest';
import type { CalendarItemInput, Reminder } from '#contract';
import { ReminderScheduler } from '#core/calendar/reminders';
import { manualClock } from '#core/shared/clock';
import { sequentialIds } from '#core/shared/ids';
import { callApi, createTestWorkstation, testNow } from '#tests/support/workstation';

const minute = 60_000;
const zone = 'Europe/Kyiv';

/** Wall-clock time in Kyiv `minutes` after the tests' now (09:00 UTC = 11:00 Kyiv in November). */
function kyiv(minutesFromNow: number): string {
  return new Date(testNow + minutesFromNow * minute + 2 * 60 * minute).toISOString().slice(0, 19);
}

function meeting(title: string, startsIn: number, reminderMinutes: number | null, extra: Partial<CalendarItemInput> = {}): CalendarItemInput {
  return { kind: 'meeting', title, start: { local: kyiv(startsIn), tzid: zone }, end: { local: kyiv(startsIn + 30), tzid: zone }, reminderMinutes, ...extra };
}

async function setUp() {
  const clock = manualClock(testNow);
  const workstation = createTestWorkstation({ clock, timeZone: zone });
  const employee = await callApi(workstation, 'employees.save', { name: 'Оксана' });
  if (!employee.ok) throw new Error('employee');
  await callApi(workstation, 'settings.update', { currentEmployeeId: employee.value.id });
  const save = async (input: CalendarItemInput) => {
    const saved = await callApi(workstation, 'calendar.save', input);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value;
  };
  const fired: Reminder[] = [];
  const ctx = {
    database: workstation.database,
    clock,
    ids: sequentialIds('reminder'),
    settings: () => workstation.settings.get(),
    workstationZone: () => zone,
    changed: () => undefined,
  };
  const scheduler = () => new ReminderScheduler({ ctx, notify: (r) => fired.push(r) });
  const list = async () => {
    const listed = await callApi(workstation, 'calendar.reminders', {});
    if (!listed.ok) throw new Error('list');
    return listed.value;
  };
  return { workstation, clock, save, fired, scheduler, list };
}

describe('reminders', () => {
  it('fire once when due, and not again after a restart', async () => {
    const { clock, save, fired, scheduler } = await setUp();
    const reminded = await save(meeting('Зустріч з Петренком', 60, 15));
    await save(meeting('Без нагадування', 60, null));
    const first = scheduler();
    expect(first.tick()).toEqual([]);
    clock.advance(44 * minute);
    expect(first.tick()).toEqual([]);
    clock.advance(1 * minute);
    expect(first.tick().map((r) => [r.eventId, r.state])).toEqual([[reminded.id, 'due']]);
    first.dispose();

    const restarted = scheduler();
    clock.advance(5 * minute);
    expect(restarted.tick()).toEqual([]);
    restarted.dispose();
    expect(fired.map((r) => r.eventId)).toEqual([reminded.id]);
  });

  it('show at start, as missed, the reminders whose time came while the workstation was off', async () => {
    const { clock, save, scheduler, list } = await setUp();
    const item = await save(meeting('Дзвінок постачальнику', 30, 10));
    // The workstation was off from before the reminder until after the meeting.
    clock.advance(3 * 60 * minute);
    const started = scheduler();
    expect(started.tick().map((r) => [r.eventId, r.state])).toEqual([[item.id, 'missed']]);
    expect((await list()).map((r) => [r.eventId, r.state])).toEqual([[item.id, 'missed']]);
    started.dispose();
  });

  it('come back when a snooze ends, and leave the list when dismissed', async () => {
    const { workstation, clock, save, scheduler, list } = await setUp();
    const item = await save(meeting('Нарада', 20, 10));
    const s = scheduler();
    clock.advance(10 * minute);
    const [due] = s.tick();
    expect(due?.eventId).toBe(item.id);
    expect((await callApi(workstation, 'calendar.snoozeReminder', { eventId: item.id, occurrenceStart: due!.occurrenceStart, minutes: 5 })).ok).toBe(true);
    expect((await list()).map((r) => r.state)).toEqual(['snoozed']);
    clock.advance(4 * minute);
    expect(s.tick()).toEqual([]);
    clock.advance(1 * minute);
    expect(s.tick().map((r) => r.eventId)).toEqual([item.id]);
    expect((await callApi(workstation, 'calendar.dismissReminder', { eventId: item.id, occurrenceStart: due!.occurrenceStart })).ok).toBe(true);
    expect(await list()).toEqual([]);
    clock.advance(10 * minute);
    expect(s.tick()).toEqual([]);
    s.dispose();
    // Reminder state is this workstation's: the item's text (what the server gets) is untouched by it.
    const after = await callApi(workstation, 'calendar.get', { id: item.id });
    expect(after.ok && after.value.updatedAt).toBe(item.updatedAt);
  });

  it('remind each occurrence of a series on its own', async () => {
    const { clock, save, scheduler } = await setUp();
    const daily = await save(meeting('Планірка', 60, 15, { rrule: 'FREQ=DAILY;COUNT=3' }));
    const s = scheduler();
    const seen: number[] = [];
    for (let day = 0; day < 4; day++) {
      clock.set(testNow + day * 24 * 60 * minute + 45 * minute);
      seen.push(...s.tick().filter((r) => r.eventId === daily.id).map((r) => r.occurrenceStart));
    }
    s.dispose();
    expect(seen).toEqual([0, 1, 2].map((day) => testNow + 60 * minute + day * 24 * 60 * minute));
  });
});
