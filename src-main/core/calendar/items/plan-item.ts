import { isNull } from 'drizzle-orm';
import type { CalendarItemKind, CalendarLinks } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { calendarEvents } from '#core/db/schema';
import { buildResource, type ItemFields } from '#core/calendar/ical/index';
import { defaultCalendarOf, localCalendarOf } from './calendars';
import { writeLocalText, type WriteDeps } from './item-store';
import { addMinutes, localAt } from './wall-clock';

export interface PlannedItem {
  kind: CalendarItemKind;
  title: string;
  startsAt: number;
  minutes: number;
  ownerId: string | null;
  links?: Partial<CalendarLinks>;
  reminderMinutes?: number | null;
  description?: string | null;
  /** The zone whose clock the item keeps (the client's, for a callback they chose); default the workstation's. */
  zone?: string;
}

const noLinks: CalendarLinks = { contactId: null, companyId: null, dealId: null, complaintId: null, callId: null };

function fieldsOf(item: PlannedItem, workstationZone: string): ItemFields {
  const zone = item.zone ?? workstationZone;
  const start = localAt(item.startsAt, zone);
  return {
    component: 'VEVENT',
    kind: item.kind,
    summary: item.title,
    description: item.description ?? null,
    location: null,
    start: { local: start, tzid: zone },
    end: { local: addMinutes(start, item.minutes), tzid: zone },
    durationMinutes: item.minutes,
    allDay: false,
    status: null,
    busy: true,
    reminderMinutes: item.reminderMinutes ?? null,
    links: { ...noLinks, ...item.links },
    ownerEmployeeId: item.ownerId,
    assignment: null,
    rrule: null,
    sequence: 0,
    doneAt: null,
  };
}

/** Puts an item into its owner's default calendar inside the caller's transaction (a callback with its disposition). */
export function planItem(tx: WriteDb, deps: WriteDeps, item: PlannedItem): string {
  const calendar = defaultCalendarOf(tx, deps, item.ownerId);
  const ics = buildResource(fieldsOf(item, deps.workstationZone), `${deps.ids.next()}@operator-workstation`, deps.now);
  return writeLocalText(tx, deps, calendar, null, ics).id;
}

/**
 * Items from before the calendar kept iCalendar text (and planned contacts moved over from the interactions by
 * migration 0020) get their text, their own UID and a calendar, in one transaction at start.
 */
export function writeMissingTexts(tx: WriteDb, deps: WriteDeps): number {
  const rows = tx.select().from(calendarEvents).where(isNull(calendarEvents.ics)).all();
  // A demo or an old database has many items per owner: each owner's calendar is looked up (or made) once.
  const calendarOf = new Map<string | null, ReturnType<typeof localCalendarOf>>();
  const write = tx.$client.prepare<[{ ics: string; uid: string; calendarId: string | null; rangeEndsAt: number; id: string }]>(
    'UPDATE calendar_events SET ics = @ics, uid = @uid, calendar_id = @calendarId, range_ends_at = @rangeEndsAt WHERE id = @id',
  );
  for (const row of rows) {
    let calendar = null;
    if (!row.calendarId) {
      calendar = calendarOf.get(row.ownerId) ?? localCalendarOf(tx, deps, row.ownerId);
      calendarOf.set(row.ownerId, calendar);
    }
    const fields = fieldsOf(
      {
        kind: row.kind,
        title: row.title,
        startsAt: row.startsAt,
        minutes: Math.max(0, Math.round((row.endsAt - row.startsAt) / 60_000)),
        ownerId: row.ownerId,
        links: { contactId: row.contactId, companyId: row.companyId, dealId: row.dealId, complaintId: row.complaintId },
        reminderMinutes: row.reminderMinutes,
      },
      deps.workstationZone,
    );
    const ics = buildResource({ ...fields, location: row.location, doneAt: row.doneAt }, row.uid ?? row.id, row.createdAt);
    write.run({ ics, uid: row.uid ?? row.id, calendarId: row.calendarId ?? calendar?.id ?? null, rangeEndsAt: row.endsAt, id: row.id });
  }
  return rows.length;
}
