import { and, eq, gt, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { CalendarItemKind, CalendarOccurrence } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, calendars, contacts } from '#core/db/schema';
import { expandOccurrences } from '#core/calendar/ical/index';
import { employeeNames, type EventRow } from './item-store';
import { syncStates } from './item-view';

const dayMs = 86_400_000;
/** Single items are found by their start; one longer than this is found by its end instead. */
const longestIndexedItemMs = 31 * dayMs;

export interface RangeQuery {
  from: number;
  to: number;
  employeeIds?: string[] | undefined;
  kinds?: CalendarItemKind[] | undefined;
  /** Narrow to items tied to a record (a contact's card). */
  record?: SQL | undefined;
}

const rowColumns = {
  row: calendarEvents,
  contactName: contacts.fullName,
  color: calendars.color,
  readOnly: calendars.readOnly,
  calendarOwner: calendars.ownerEmployeeId,
};

/**
 * Occurrences overlapping [from, to): single items straight from their columns (served by the start index),
 * series expanded from their text in the range only. Hidden calendars are left out unless employees are named.
 */
export function occurrencesInRange(db: ReadDb, workstationZone: string, query: RangeQuery): CalendarOccurrence[] {
  const { from, to } = query;
  const filters: (SQL | undefined)[] = [isNull(calendarEvents.deletedAt), query.record];
  if (query.kinds) filters.push(inArray(calendarEvents.kind, query.kinds));
  if (query.employeeIds) {
    filters.push(or(inArray(calendarEvents.ownerId, query.employeeIds), and(isNull(calendarEvents.ownerId), inArray(calendars.ownerEmployeeId, query.employeeIds))));
  } else if (!query.record) {
    filters.push(or(isNull(calendars.id), eq(calendars.visible, true)));
  }
  const base = () => db.select(rowColumns).from(calendarEvents).leftJoin(calendars, eq(calendars.id, calendarEvents.calendarId)).leftJoin(contacts, eq(contacts.id, calendarEvents.contactId));
  const singles = base()
    .where(and(...filters, eq(calendarEvents.recurring, false), gte(calendarEvents.startsAt, from - longestIndexedItemMs), lt(calendarEvents.startsAt, to), gt(calendarEvents.endsAt, from)))
    .all();
  const long = base()
    .where(and(...filters, eq(calendarEvents.recurring, false), lt(calendarEvents.startsAt, from - longestIndexedItemMs), gt(calendarEvents.rangeEndsAt, from)))
    .all();
  const series = base()
    .where(and(...filters, eq(calendarEvents.recurring, true), lt(calendarEvents.startsAt, to), or(isNull(calendarEvents.rangeEndsAt), gt(calendarEvents.rangeEndsAt, from))))
    .all();
  const found = [...singles, ...long, ...series];
  const states = syncStates(db, found.map((f) => f.row));
  const assignees = employeeNames(db, found.map((f) => f.row.assigneeId));
  const occurrences: CalendarOccurrence[] = [];
  for (const f of found) {
    const common = occurrenceBase(f.row, f, states.get(f.row.id) ?? 'local', assignees);
    if (!f.row.recurring) {
      occurrences.push({ ...common, recurrenceId: null, startsAt: f.row.startsAt, endsAt: f.row.endsAt });
      continue;
    }
    for (const o of expandOccurrences(f.row.ics ?? '', from, to, workstationZone)) {
      occurrences.push({
        ...common,
        recurrenceId: o.recurrenceId,
        startsAt: o.startUtc,
        endsAt: o.endUtc,
        title: o.fields.summary,
        location: o.fields.location,
        allDay: o.fields.allDay,
        tzid: o.fields.allDay ? null : o.fields.start.tzid,
      });
    }
  }
  return occurrences.sort((a, b) => a.startsAt - b.startsAt || a.eventId.localeCompare(b.eventId));
}

function occurrenceBase(
  row: EventRow,
  joined: { contactName: string | null; color: string | null; readOnly: boolean | null; calendarOwner: string | null },
  syncState: CalendarOccurrence['syncState'],
  assignees: Map<string, string>,
): Omit<CalendarOccurrence, 'recurrenceId' | 'startsAt' | 'endsAt'> {
  return {
    eventId: row.id,
    calendarId: row.calendarId,
    color: joined.color,
    kind: row.kind,
    title: row.title,
    allDay: row.allDay,
    tzid: row.tzid,
    location: row.location,
    busy: row.busy,
    recurring: row.recurring,
    ownerId: row.ownerId ?? joined.calendarOwner,
    contactId: row.contactId,
    contactName: joined.contactName,
    companyId: row.companyId,
    assignment:
      row.assignmentStatus === null
        ? null
        : { assigneeId: row.assigneeId, assigneeName: assignees.get(row.assigneeId ?? '') ?? null, assignedById: row.assignedById, status: row.assignmentStatus, checkedById: null },
    doneAt: row.doneAt,
    reminderMinutes: row.reminderMinutes,
    readOnly: joined.readOnly ?? false,
    syncState,
  };
}
