import { describe, expect, it } from 'vitest';
import type { ReminderDue } from '#contract';
import { ReminderScheduler } from '#core/calendar/reminders';
import { calendarEvents } from '#core/db/schema';
import { manualClock } from '#core/shared/clock';
import { createTestDatabase, testNow } from '#tests/support/workstation';

const minute = 60_000;

function addEvent(database: ReturnType<typeof createTestDatabase>, id: string, startsAt: number, reminderMinutes: number | null) {
  database.write((tx) =>
    tx
      .insert(calendarEvents)
      .values({ id, title: `Meeting ${id}`, startsAt, endsAt: startsAt + 30 * minute, reminderMinutes, createdAt: testNow, updatedAt: testNow })
      .run(),
  );
}

describe('reminders', () => {
  it('fire once when due, and not again after a restart', () => {
    const database = createTestDatabase();
    addEvent(database, 'ev-1', testNow + 60 * minute, 15);
    addEvent(database, 'ev-2', testNow + 60 * minute, null);
    const clock = manualClock(testNow);
    const fired: ReminderDue[] = [];
    const scheduler = new ReminderScheduler({ database, clock, notify: (r) => fired.push(r) });

    expect(scheduler.tick()).toEqual([]);
    clock.advance(44 * minute);
    expect(scheduler.tick()).toEqual([]);
    clock.advance(1 * minute);
    expect(scheduler.tick().map((r) => r.eventId)).toEqual(['ev-1']);
    scheduler.dispose();

    const restarted = new ReminderScheduler({ database, clock, notify: (r) => fired.push(r) });
    clock.advance(5 * minute);
    expect(restarted.tick()).toEqual([]);
    restarted.dispose();
    expect(fired.map((r) => r.eventId)).toEqual(['ev-1']);
  });

  it('skip events that began long before the workstation was started', () => {
    const database = createTestDatabase();
    addEvent(database, 'ev-old', testNow - 3 * 60 * minute, 10);
    const scheduler = new ReminderScheduler({ database, clock: manualClock(testNow), notify: () => undefined });
    expect(scheduler.tick()).toEqual([]);
    scheduler.dispose();
  });
});
