import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { CalendarOccurrence, Reminder } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, reminderStates } from '#core/db/schema';
import type { Disposable } from '#core/shared/disposable';
import { currentEmployee, type CalendarContext } from './calendar-context';
import { occurrencesInRange } from './items/occurrences';

const minuteMs = 60_000;
/** Reminders whose time came up to this long ago are still offered (missed while the workstation was off). */
const lookBackMs = 7 * 24 * 60 * minuteMs;
/** Reminders may be set at most this far ahead. */
const lookAheadMs = 8 * 24 * 60 * minuteMs;
/** Shown this much after its time, after the item began: it was missed (the workstation was off or asleep). */
const missedAfterMs = 2 * minuteMs;

type StateRow = typeof reminderStates.$inferSelect;

interface Candidate {
  occurrence: CalendarOccurrence;
  remindAt: number;
  state: StateRow | undefined;
}

/** The current employee's occurrences with a reminder, around now, each with its local state. */
function candidates(db: ReadDb, ctx: CalendarContext, now: number): Candidate[] {
  const me = currentEmployee(ctx);
  const mine = me
    ? or(eq(calendarEvents.ownerId, me), eq(calendarEvents.assigneeId, me), isNull(calendarEvents.ownerId))
    : isNull(calendarEvents.ownerId);
  const occurrences = occurrencesInRange(db, ctx.workstationZone(), {
    from: now - lookBackMs,
    to: now + lookAheadMs,
    record: and(isNotNull(calendarEvents.reminderMinutes), mine),
  }).filter((o) => o.reminderMinutes !== null && o.doneAt === null && o.assignment?.status !== 'done' && o.assignment?.status !== 'checked');
  const ids = [...new Set(occurrences.map((o) => o.eventId))];
  const states = new Map<string, StateRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of db.select().from(reminderStates).where(inArray(reminderStates.eventId, ids.slice(i, i + 500))).all()) states.set(`${s.eventId}|${s.occurrenceStart}`, s);
  }
  return occurrences.map((occurrence) => ({
    occurrence,
    remindAt: occurrence.startsAt - (occurrence.reminderMinutes ?? 0) * minuteMs,
    state: states.get(`${occurrence.eventId}|${occurrence.startsAt}`),
  }));
}

function reminderOf(c: Candidate, now: number): Reminder {
  const snoozed = c.state?.snoozedUntil != null && c.state.snoozedUntil > now;
  const shownAt = c.state?.shownAt ?? now;
  return {
    eventId: c.occurrence.eventId,
    occurrenceStart: c.occurrence.startsAt,
    title: c.occurrence.title,
    kind: c.occurrence.kind,
    startsAt: c.occurrence.startsAt,
    contactId: c.occurrence.contactId,
    contactName: c.occurrence.contactName,
    // Missed: the item had begun before anyone was reminded (the workstation was off); a late reminder before it begins is just due.
    state: snoozed ? 'snoozed' : shownAt - c.remindAt > missedAfterMs && c.occurrence.startsAt <= shownAt ? 'missed' : 'due',
    snoozedUntil: snoozed ? (c.state?.snoozedUntil ?? null) : null,
  };
}

/** Due, missed and snoozed reminders of the current employee (dismissed ones are gone). */
export function listReminders(ctx: CalendarContext): Reminder[] {
  const now = ctx.clock.now();
  return candidates(ctx.database.read, ctx, now)
    .filter((c) => c.remindAt <= now && !c.state?.dismissedAt)
    .map((c) => reminderOf(c, now))
    .sort((a, b) => a.startsAt - b.startsAt);
}

function upsertState(ctx: CalendarContext, eventId: string, occurrenceStart: number, set: Partial<StateRow>): void {
  const now = ctx.clock.now();
  ctx.database.write((tx) =>
    tx
      .insert(reminderStates)
      .values({ id: ctx.ids.next(), eventId, occurrenceStart, updatedAt: now, ...set })
      .onConflictDoUpdate({ target: [reminderStates.eventId, reminderStates.occurrenceStart], set: { ...set, updatedAt: now } })
      .run(),
  );
}

export function snoozeReminder(ctx: CalendarContext, eventId: string, occurrenceStart: number, minutes: number): void {
  upsertState(ctx, eventId, occurrenceStart, { snoozedUntil: ctx.clock.now() + minutes * minuteMs, dismissedAt: null });
}

export function dismissReminder(ctx: CalendarContext, eventId: string, occurrenceStart: number): void {
  upsertState(ctx, eventId, occurrenceStart, { dismissedAt: ctx.clock.now(), snoozedUntil: null });
}

export interface ReminderSchedulerOptions {
  ctx: CalendarContext;
  notify: (reminder: Reminder) => void;
  /** Longest sleep between checks, so items added by a sync or another process are seen. */
  maxSleepMs?: number;
}

/**
 * Fires each occurrence's reminder once (and again when a snooze ends), marking it in the database in the
 * same step, so a restart neither loses nor repeats one; those whose time came while the workstation was off
 * fire at start, as missed.
 */
export class ReminderScheduler implements Disposable {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  start(): void {
    this.tick();
  }

  /** Checks now and schedules the next check. Public so tests can drive it with a manual clock. */
  tick(): Reminder[] {
    const { ctx, notify } = this.options;
    const now = ctx.clock.now();
    const all = candidates(ctx.database.read, ctx, now);
    const firing = all.filter((c) => {
      if (c.remindAt > now || c.state?.dismissedAt) return false;
      if (!c.state?.shownAt) return true;
      return c.state.snoozedUntil != null && c.state.snoozedUntil <= now && c.state.shownAt < c.state.snoozedUntil;
    });
    const fired = firing.map((c) => reminderOf({ ...c, state: c.state ? { ...c.state, snoozedUntil: null } : undefined }, now));
    for (const c of firing) upsertState(ctx, c.occurrence.eventId, c.occurrence.startsAt, { shownAt: now, snoozedUntil: null });
    for (const reminder of fired) notify(reminder);
    const upcoming = all
      .flatMap((c) => [c.remindAt, c.state?.snoozedUntil ?? Number.POSITIVE_INFINITY])
      .filter((at) => at > now);
    this.schedule(now, upcoming.length > 0 ? Math.min(...upcoming) : null);
    return fired;
  }

  private schedule(now: number, next: number | null): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const maxSleep = this.options.maxSleepMs ?? 60_000;
    const sleep = next === null ? maxSleep : Math.min(Math.max(next - now, 250), maxSleep);
    this.timer = setTimeout(() => this.tick(), sleep);
    this.timer.unref();
  }

  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
