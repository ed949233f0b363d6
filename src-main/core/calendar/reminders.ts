import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { ReminderDue } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, contacts } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import type { Disposable } from '#core/shared/disposable';

/** A reminder is not shown for an event that began longer ago than this (the workstation was off). */
const staleAfterMs = 60 * 60 * 1000;
/** Reminders may be set at most this far ahead. */
const lookAheadMs = 8 * 24 * 60 * 60 * 1000;

const remindAt = sql<number>`${calendarEvents.startsAt} - ${calendarEvents.reminderMinutes} * 60000`;

/** Events with a reminder not yet shown, starting inside the window around `now` (served by the start-time index). */
function pendingReminder(now: number) {
  return and(
    gte(calendarEvents.startsAt, now - staleAfterMs),
    lte(calendarEvents.startsAt, now + lookAheadMs),
    isNotNull(calendarEvents.reminderMinutes),
    isNull(calendarEvents.remindedAt),
  );
}

export function dueReminders(db: ReadDb, now: number): ReminderDue[] {
  return db
    .select({
      eventId: calendarEvents.id,
      title: calendarEvents.title,
      startsAt: calendarEvents.startsAt,
      contactName: contacts.fullName,
    })
    .from(calendarEvents)
    .leftJoin(contacts, eq(contacts.id, calendarEvents.contactId))
    .where(and(pendingReminder(now), lte(remindAt, now)))
    .all();
}

/** When the next reminder falls due, or null when none is pending in the look-ahead window. */
export function nextReminderAt(db: ReadDb, now: number): number | null {
  const row = db
    .select({ at: sql<number | null>`min(${remindAt})` })
    .from(calendarEvents)
    .where(pendingReminder(now))
    .get();
  return row?.at ?? null;
}

export interface ReminderSchedulerOptions {
  database: AppDatabase;
  clock: Clock;
  notify: (reminder: ReminderDue) => void;
  /** Longest sleep between checks, so events added by a sync or another process are seen. */
  maxSleepMs?: number;
}

/**
 * Fires each due reminder once, marking it in the database in the same step,
 * so a restart neither loses nor repeats one.
 */
export class ReminderScheduler implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  start(): void {
    this.tick();
  }

  /** Checks now and schedules the next check. Public so tests can drive it with a manual clock. */
  tick(): ReminderDue[] {
    const { database, clock, notify } = this.options;
    const now = clock.now();
    const due = database.write((tx) => {
      const found = dueReminders(tx, now);
      if (found.length > 0) {
        tx.update(calendarEvents)
          .set({ remindedAt: now })
          .where(inArray(calendarEvents.id, found.map((r) => r.eventId)))
          .run();
      }
      return found;
    });
    for (const reminder of due) notify(reminder);
    this.schedule(now);
    return due;
  }

  private schedule(now: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const maxSleep = this.options.maxSleepMs ?? 60_000;
    const next = nextReminderAt(this.options.database.read, now);
    const sleep = next === null ? maxSleep : Math.min(Math.max(next - now, 250), maxSleep);
    this.timer = setTimeout(() => this.tick(), sleep);
    this.timer.unref();
  }

  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
