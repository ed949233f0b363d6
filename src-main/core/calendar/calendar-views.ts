import { and, eq, isNull, or } from 'drizzle-orm';
import type { Calendar, CalendarAccount } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarAccounts, calendarConflicts, calendarEvents, calendarOutbox, calendars, calendarSyncProblems, employees } from '#core/db/schema';
import { sql } from 'drizzle-orm';
import type { SyncPhase } from './sync/sync-lifecycle';

/** Every calendar shown in the side list: local ones, and each account's (own, department, colleagues'). */
export function listCalendars(db: ReadDb): Calendar[] {
  return db
    .select({
      id: calendars.id,
      accountId: calendars.accountId,
      displayName: calendars.displayName,
      color: calendars.color,
      ownerEmployeeId: calendars.ownerEmployeeId,
      ownerName: employees.name,
      readOnly: calendars.readOnly,
      isDefault: calendars.isDefault,
      visible: calendars.visible,
    })
    .from(calendars)
    .leftJoin(employees, eq(employees.id, calendars.ownerEmployeeId))
    .where(isNull(calendars.deletedAt))
    .orderBy(calendars.accountId, calendars.displayName)
    .all()
    .map((c) => ({ ...c, remote: c.accountId !== null }));
}

export function listAccounts(db: ReadDb, phaseOf: (accountId: string) => SyncPhase): CalendarAccount[] {
  const count = (accountId: string, table: 'outbox' | 'conflicts' | 'problems'): number => {
    const ofAccount = and(eq(calendars.accountId, accountId), isNull(calendars.deletedAt));
    if (table === 'problems') {
      return db.select({ n: sql<number>`count(*)` }).from(calendarSyncProblems).innerJoin(calendars, eq(calendars.id, calendarSyncProblems.calendarId)).where(ofAccount).get()?.n ?? 0;
    }
    const joined = table === 'outbox' ? calendarOutbox : calendarConflicts;
    return (
      db
        .select({ n: sql<number>`count(*)` })
        .from(joined)
        .innerJoin(calendarEvents, eq(calendarEvents.id, joined.eventId))
        .innerJoin(calendars, eq(calendars.id, calendarEvents.calendarId))
        .where(table === 'conflicts' ? and(ofAccount, isNull(calendarConflicts.resolvedAt)) : ofAccount)
        .get()?.n ?? 0
    );
  };
  return db
    .select()
    .from(calendarAccounts)
    .where(isNull(calendarAccounts.deletedAt))
    .all()
    .map((a) => ({
      id: a.id,
      employeeId: a.employeeId,
      serverUrl: a.serverUrl,
      username: a.username,
      phase: phaseOf(a.id),
      lastSyncAt: a.lastSyncAt,
      lastError: a.lastError,
      pending: count(a.id, 'outbox'),
      conflicts: count(a.id, 'conflicts'),
      problems: count(a.id, 'problems'),
    }));
}

export function listProblems(db: ReadDb) {
  return db
    .select({ calendarName: calendars.displayName, href: calendarSyncProblems.href, reason: calendarSyncProblems.reason, detail: calendarSyncProblems.detail, seenAt: calendarSyncProblems.seenAt })
    .from(calendarSyncProblems)
    .innerJoin(calendars, eq(calendars.id, calendarSyncProblems.calendarId))
    .where(isNull(calendars.deletedAt))
    .all();
}

/** A record's items (contact, company, deal, complaint). */
export function recordFilter(input: { contactId?: string | undefined; companyId?: string | undefined; dealId?: string | undefined; complaintId?: string | undefined }) {
  return or(
    input.contactId ? eq(calendarEvents.contactId, input.contactId) : undefined,
    input.companyId ? eq(calendarEvents.companyId, input.companyId) : undefined,
    input.dealId ? eq(calendarEvents.dealId, input.dealId) : undefined,
    input.complaintId ? eq(calendarEvents.complaintId, input.complaintId) : undefined,
  );
}
