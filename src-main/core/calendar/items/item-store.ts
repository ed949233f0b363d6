import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarEvents, companies, contacts, employees } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import { currentEmployee, type CalendarContext } from '#core/calendar/calendar-context';
import { parseCalendarResource, type ParsedResource } from '#core/calendar/ical/index';
import { drop, enqueue } from '#core/calendar/sync/outbox';
import type { CalendarRow } from './calendars';
import { columnsOf } from './item-columns';

export type EventRow = typeof calendarEvents.$inferSelect;

/** What writing an item needs; from the calendar's context, or from a caller's transaction (the dialer's callbacks). */
export interface WriteDeps {
  ids: IdGenerator;
  now: number;
  /** The employee making the change. */
  author: string | null;
  workstationZone: string;
}

export function writeDeps(ctx: CalendarContext): WriteDeps {
  return { ids: ctx.ids, now: ctx.clock.now(), author: currentEmployee(ctx), workstationZone: ctx.workstationZone() };
}

export function eventById(db: ReadDb, id: string): EventRow {
  const row = db.select().from(calendarEvents).where(and(eq(calendarEvents.id, id), isNull(calendarEvents.deletedAt))).get();
  if (!row) throw notFound('Calendar item', id);
  return row;
}

/** Reads an item's text, or refuses with the reason (a text we wrote ourselves never fails: that would be a bug). */
export function parseOrRefuse(ics: string, workstationZone: string): ParsedResource {
  const parsed = parseCalendarResource(ics, workstationZone);
  if (!parsed.ok) throw new DomainError('invalid_payload', 'calendar_item_unreadable', `${parsed.reason}: ${parsed.detail}`, { detail: parsed.detail });
  return parsed.resource;
}

type LinkColumns = Partial<Pick<EventRow, 'contactId' | 'companyId' | 'ownerId' | 'assigneeId' | 'assignedById'>>;

/**
 * Links to records this workstation does not have (a colleague's contact, synced before their contacts
 * are) stay in the text but not in the columns, which reference local rows. Checked for many items at
 * once: three queries, whatever their number.
 */
export function linkChecker(db: ReadDb, items: LinkColumns[]): <T extends LinkColumns>(columns: T) => T {
  const present = (table: typeof contacts | typeof companies | typeof employees, ids: (string | null | undefined)[]) => {
    const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    const found = new Set<string>();
    for (let i = 0; i < wanted.length; i += 500) {
      for (const r of db.select({ id: table.id }).from(table).where(inArray(table.id, wanted.slice(i, i + 500))).all()) found.add(r.id);
    }
    return found;
  };
  const contactIds = present(contacts, items.map((c) => c.contactId));
  const companyIds = present(companies, items.map((c) => c.companyId));
  const employeeIds = present(employees, items.flatMap((c) => [c.ownerId, c.assigneeId, c.assignedById]));
  const keep = (set: Set<string>, id: string | null | undefined) => (id != null && set.has(id) ? id : null);
  return (columns) => ({
    ...columns,
    contactId: keep(contactIds, columns.contactId),
    companyId: keep(companyIds, columns.companyId),
    ownerId: keep(employeeIds, columns.ownerId),
    assigneeId: keep(employeeIds, columns.assigneeId),
    assignedById: keep(employeeIds, columns.assignedById),
  });
}

export function knownLinks<T extends LinkColumns>(db: ReadDb, columns: T): T {
  return linkChecker(db, [columns])(columns);
}

/**
 * Writes an item's new text made here: its columns, a new local revision, and — for a server calendar — the
 * change into the outbox, all in the caller's transaction.
 */
export function writeLocalText(tx: WriteDb, deps: WriteDeps, calendar: CalendarRow, previous: EventRow | null, ics: string): EventRow {
  const resource = parseOrRefuse(ics, deps.workstationZone);
  const { now, author } = deps;
  const columns = knownLinks(tx, columnsOf(resource, ics));
  let row: EventRow;
  if (previous) {
    row = { ...previous, ...columns, calendarId: calendar.id, localRevision: previous.localRevision + 1, updatedAt: now, updatedBy: author };
    tx.update(calendarEvents).set(row).where(eq(calendarEvents.id, previous.id)).run();
  } else {
    row = { ...columns, id: deps.ids.next(), calendarId: calendar.id, href: null, etag: null, localRevision: 1, createdAt: now, updatedAt: now, updatedBy: author, deletedAt: null } as EventRow;
    tx.insert(calendarEvents).values(row).run();
  }
  if (calendar.accountId !== null) enqueue(tx, deps, row.id, 'put', row.localRevision);
  return row;
}

/** A tombstone here; the server is told with the ETag the deletion was based on (nothing to tell if it never had the item). */
export function tombstone(tx: WriteDb, deps: WriteDeps, calendar: CalendarRow, row: EventRow): void {
  const { now, author } = deps;
  const revision = row.localRevision + 1;
  tx.update(calendarEvents).set({ deletedAt: now, localRevision: revision, updatedAt: now, updatedBy: author }).where(eq(calendarEvents.id, row.id)).run();
  if (calendar.accountId === null) return;
  if (row.href === null) drop(tx, row.id);
  else enqueue(tx, deps, row.id, 'delete', revision);
}

export function employeeNames(db: ReadDb, ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: employees.id, name: employees.name }).from(employees).where(inArray(employees.id, wanted)).all().map((e) => [e.id, e.name]));
}
