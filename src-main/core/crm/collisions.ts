import { and, eq, inArray, isNotNull, isNull, ne, or, type Column, type SQL } from 'drizzle-orm';
import type { Collision } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, complaints, contacts, dealStages, deals, employees } from '#core/db/schema';
import { openComplaintStates } from './complaints/complaint-state';
import { colleaguesPlanned } from './planned-contacts';

const day = 24 * 60 * 60 * 1000;

/**
 * Someone other than me (records nobody owns count as someone else's). Before the workstation knows
 * who works here, only records with an owner are a colleague's: the unowned ones were made here.
 */
function notMine(column: Column, me: string | null): SQL | undefined {
  return me ? or(isNull(column), ne(column, me)) : isNotNull(column);
}

/**
 * What colleagues already have going with a client: open deals, open complaints, planned contacts,
 * so that two employees never offer the same thing to one client. A contact's company counts too.
 */
export function findCollisions(db: ReadDb, request: { contactId?: string | undefined; companyId?: string | undefined }, me: string | null, now: number): Collision[] {
  const companyId =
    request.companyId ??
    (request.contactId ? (db.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, request.contactId)).get()?.companyId ?? undefined) : undefined);
  const about = (contactColumn: Column, companyColumn: Column) =>
    or(request.contactId ? eq(contactColumn, request.contactId) : undefined, companyId ? eq(companyColumn, companyId) : undefined);

  const openDeals = db
    .select({ id: deals.id, subject: deals.title, at: deals.updatedAt, employeeId: deals.ownerId, employeeName: employees.name })
    .from(deals)
    .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
    .leftJoin(employees, eq(employees.id, deals.ownerId))
    .where(and(about(deals.contactId, deals.companyId), eq(dealStages.outcome, 'open'), notMine(deals.ownerId, me)))
    .all()
    .map((r) => ({ kind: 'deal' as const, ...r }));
  const openComplaints = db
    .select({ id: complaints.id, subject: complaints.subject, at: complaints.updatedAt, employeeId: complaints.responsibleId, employeeName: employees.name })
    .from(complaints)
    .leftJoin(employees, eq(employees.id, complaints.responsibleId))
    .where(and(about(complaints.contactId, complaints.companyId), inArray(complaints.state, [...openComplaintStates]), notMine(complaints.responsibleId, me)))
    .all()
    .map((r) => ({ kind: 'complaint' as const, ...r }));
  const planned = colleaguesPlanned(db, about(calendarEvents.contactId, calendarEvents.companyId), notMine(calendarEvents.ownerId, me), now - day)
    .map((r) => ({ kind: 'planned' as const, ...r }));

  return [...openDeals, ...openComplaints, ...planned].map((r) => ({
    kind: r.kind,
    id: r.id,
    employee: r.employeeId && r.employeeName ? { id: r.employeeId, name: r.employeeName } : null,
    subject: r.subject,
    at: r.at,
  }));
}
