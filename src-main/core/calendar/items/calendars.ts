import { and, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '#core/db/connection';
import type { ReadDb, WriteDb } from '#core/db/handles';
import type { Clock } from '#core/shared/clock';
import { calendars, employees } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';

export type CalendarRow = typeof calendars.$inferSelect;

export function calendarById(db: ReadDb, id: string): CalendarRow {
  const row = db.select().from(calendars).where(and(eq(calendars.id, id), isNull(calendars.deletedAt))).get();
  if (!row) throw notFound('Calendar', id);
  return row;
}

export function assertWritable(calendar: CalendarRow): void {
  if (calendar.readOnly) throw new DomainError('conflict', 'calendar_read_only', `Calendar ${calendar.displayName} is read-only`, { calendar: calendar.displayName });
}

/** The employee's calendar kept on this workstation only (made on first use). */
export function localCalendarOf(tx: WriteDb, deps: { ids: IdGenerator; now: number }, employeeId: string | null): CalendarRow {
  const found = tx
    .select()
    .from(calendars)
    .where(and(isNull(calendars.accountId), employeeId ? eq(calendars.ownerEmployeeId, employeeId) : isNull(calendars.ownerEmployeeId), isNull(calendars.deletedAt)))
    .get();
  if (found) return found;
  const { now } = deps;
  const name = employeeId ? (tx.select({ name: employees.name }).from(employees).where(eq(employees.id, employeeId)).get()?.name ?? '') : '';
  const row: CalendarRow = {
    id: deps.ids.next(),
    accountId: null,
    url: null,
    displayName: name,
    color: null,
    ownerEmployeeId: employeeId,
    ownerUsername: null,
    readOnly: false,
    components: 'VEVENT,VTODO',
    isDefault: false,
    visible: true,
    ctag: null,
    syncToken: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: employeeId,
    deletedAt: null,
  };
  tx.insert(calendars).values(row).run();
  return row;
}

/** The calendar new items of an employee go to: their default server calendar once an account is connected, else the local one. */
export function defaultCalendarOf(tx: WriteDb, deps: { ids: IdGenerator; now: number }, employeeId: string | null): CalendarRow {
  const chosen = tx
    .select()
    .from(calendars)
    .where(and(employeeId ? eq(calendars.ownerEmployeeId, employeeId) : isNull(calendars.ownerEmployeeId), eq(calendars.isDefault, true), eq(calendars.readOnly, false), isNull(calendars.deletedAt)))
    .get();
  return chosen ?? localCalendarOf(tx, deps, employeeId);
}

/** The owner's new items go here from now on (their other calendars stop being the default). */
export function setDefaultCalendar(ctx: { database: AppDatabase; clock: Clock }, id: string): void {
  ctx.database.write((tx) => {
    const calendar = calendarById(tx, id);
    assertWritable(calendar);
    const now = ctx.clock.now();
    const owner = calendar.ownerEmployeeId ? eq(calendars.ownerEmployeeId, calendar.ownerEmployeeId) : isNull(calendars.ownerEmployeeId);
    tx.update(calendars).set({ isDefault: false, updatedAt: now }).where(and(owner, eq(calendars.isDefault, true))).run();
    tx.update(calendars).set({ isDefault: true, updatedAt: now }).where(eq(calendars.id, id)).run();
  });
}
