import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { CalendarEvent } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, contacts } from '#core/db/schema';

/** Events starting in [from, to), in start order. */
export function eventsInRange(db: ReadDb, from: number, to: number): CalendarEvent[] {
  return db
    .select({
      id: calendarEvents.id,
      title: calendarEvents.title,
      startsAt: calendarEvents.startsAt,
      endsAt: calendarEvents.endsAt,
      location: calendarEvents.location,
      contactId: calendarEvents.contactId,
      contactName: contacts.fullName,
      reminderMinutes: calendarEvents.reminderMinutes,
    })
    .from(calendarEvents)
    .leftJoin(contacts, eq(contacts.id, calendarEvents.contactId))
    .where(and(gte(calendarEvents.startsAt, from), lt(calendarEvents.startsAt, to)))
    .orderBy(asc(calendarEvents.startsAt))
    .all();
}
