import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CalendarItem, SyncState } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarConflicts, calendarOutbox, calendars, contacts } from '#core/db/schema';
import type { ItemFields } from '#core/calendar/ical/index';
import { leadingItem } from './item-columns';
import { employeeNames, parseOrRefuse, type EventRow } from './item-store';
import { addMinutes } from './wall-clock';

/** Where each item stands with the server: kept here only, taken, waiting in the outbox, or in conflict. */
export function syncStates(db: ReadDb, rows: Pick<EventRow, 'id' | 'calendarId'>[]): Map<string, SyncState> {
  const ids = rows.map((r) => r.id);
  const states = new Map<string, SyncState>();
  if (ids.length === 0) return states;
  const calendarIds = [...new Set(rows.map((r) => r.calendarId).filter((id): id is string => id !== null))];
  const onServer = new Set(
    db.select({ id: calendars.id, accountId: calendars.accountId }).from(calendars).where(inArray(calendars.id, calendarIds)).all()
      .filter((c) => c.accountId !== null)
      .map((c) => c.id),
  );
  // Large ranges: ask for the outbox and conflicts of these items in chunks SQLite accepts.
  const pending = new Set<string>();
  const conflicted = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of db.select({ id: calendarOutbox.eventId }).from(calendarOutbox).where(inArray(calendarOutbox.eventId, chunk)).all()) pending.add(r.id);
    for (const r of db.select({ id: calendarConflicts.eventId }).from(calendarConflicts).where(and(inArray(calendarConflicts.eventId, chunk), isNull(calendarConflicts.resolvedAt))).all()) conflicted.add(r.id);
  }
  for (const row of rows) {
    states.set(row.id, !onServer.has(row.calendarId ?? '') ? 'local' : conflicted.has(row.id) ? 'conflict' : pending.has(row.id) ? 'pending' : 'synced');
  }
  return states;
}

/** The end as a wall-clock time, also for items that give a duration instead. */
export function endOf(item: ItemFields): { local: string; tzid: string | null } {
  return item.end ?? { local: addMinutes(item.start.local, item.durationMinutes), tzid: item.start.tzid };
}

/** An item as the editor shows it: its own wall-clock times and zone, its rule, its links. */
export function itemView(db: ReadDb, row: EventRow, workstationZone: string): CalendarItem {
  const resource = parseOrRefuse(row.ics ?? '', workstationZone);
  const item = leadingItem(resource);
  const calendar = row.calendarId ? db.select().from(calendars).where(eq(calendars.id, row.calendarId)).get() : undefined;
  const conflict = db
    .select({ id: calendarConflicts.id })
    .from(calendarConflicts)
    .where(and(eq(calendarConflicts.eventId, row.id), isNull(calendarConflicts.resolvedAt)))
    .get();
  const contactName = item.links.contactId ? (db.select({ name: contacts.fullName }).from(contacts).where(eq(contacts.id, item.links.contactId)).get()?.name ?? null) : null;
  const names = employeeNames(db, [item.assignment?.assigneeId ?? null]);
  return {
    id: row.id,
    calendarId: row.calendarId,
    kind: item.kind,
    title: item.summary,
    description: item.description,
    location: item.location,
    start: { local: item.start.local, tzid: item.allDay ? null : item.start.tzid },
    end: item.allDay ? { local: endOf(item).local, tzid: null } : endOf(item),
    allDay: item.allDay,
    rrule: item.rrule,
    overrides: resource.overrides.length,
    reminderMinutes: item.reminderMinutes,
    links: item.links,
    contactName,
    ownerId: item.ownerEmployeeId,
    assignment: item.assignment ? { ...item.assignment, assigneeName: names.get(item.assignment.assigneeId ?? '') ?? null } : null,
    doneAt: item.doneAt ?? null,
    readOnly: calendar?.readOnly ?? false,
    syncState: syncStates(db, [row]).get(row.id) ?? 'local',
    conflictId: conflict?.id ?? null,
    updatedAt: row.updatedAt,
  };
}
