import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { InteractionKind, TimelineItem } from '#contract';
import { systemZone } from '#core/calendar/calendar-context';
import { editResource } from '#core/calendar/ical/index';
import { calendarById } from '#core/calendar/items/calendars';
import { eventById, writeLocalText } from '#core/calendar/items/item-store';
import { planItem } from '#core/calendar/items/plan-item';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarEvents, companies, complaints, contacts, deals, employees } from '#core/db/schema';
import { DomainError } from '#core/shared/errors';
import type { CrmContext } from './crm-context';

/**
 * Planned contacts and meetings still to come live in the calendar (one source of truth); the timeline shows
 * them from there beside the interactions, which keep what happened.
 */
const plannedKinds = ['interaction', 'call', 'callback'] as const;

function writeDepsOf(ctx: CrmContext) {
  return { ids: ctx.ids, now: ctx.clock.now(), author: ctx.settings().currentEmployeeId ?? null, workstationZone: systemZone() };
}

export function planContact(
  ctx: CrmContext,
  tx: WriteDb,
  input: { kind: 'planned' | 'meeting'; occurredAt: number; employeeId: string | null; contactId: string | null; companyId: string | null; dealId: string | null; complaintId: string | null; subject: string; durationSeconds: number | null },
): string {
  return planItem(tx, writeDepsOf(ctx), {
    kind: input.kind === 'meeting' ? 'meeting' : 'interaction',
    title: input.subject,
    startsAt: input.occurredAt,
    minutes: Math.round((input.durationSeconds ?? 1800) / 60),
    ownerId: input.employeeId,
    links: { contactId: input.contactId, companyId: input.companyId, dealId: input.dealId, complaintId: input.complaintId },
    reminderMinutes: 15,
  });
}

/** A planned contact carried out: the calendar item is marked done; what came of it is recorded by the caller as an interaction. */
export function markPlannedDone(ctx: CrmContext, tx: WriteDb, id: string): void {
  const row = eventById(tx, id);
  if (row.doneAt !== null) throw new DomainError('conflict', 'planned_already_done', 'This planned contact is already done');
  const now = ctx.clock.now();
  writeLocalText(tx, writeDepsOf(ctx), calendarById(tx, row.calendarId ?? ''), row, editResource(row.ics ?? '', { scope: 'series' }, { doneAt: now }, now));
}

export function isCalendarItem(db: ReadDb, id: string): boolean {
  return db.select({ id: calendarEvents.id }).from(calendarEvents).where(eq(calendarEvents.id, id)).get() !== undefined;
}

function subjectOf(request: { contactId?: string | undefined; companyId?: string | undefined }): SQL | undefined {
  if (request.contactId) return eq(calendarEvents.contactId, request.contactId);
  if (request.companyId) return or(eq(calendarEvents.companyId, request.companyId), sql`${calendarEvents.contactId} IN (SELECT id FROM contacts WHERE company_id = ${request.companyId})`);
  return undefined;
}

/** The calendar's planned contacts and meetings of a contact or company in [from, to), as timeline items. */
export function plannedTimelineItems(
  db: ReadDb,
  request: { contactId?: string | undefined; companyId?: string | undefined; kinds?: InteractionKind[] | undefined; employeeId?: string | undefined },
  window: { from: number; to: number } | { id: string },
): TimelineItem[] {
  const wanted = request.kinds && request.kinds.length > 0 ? request.kinds : null;
  const kinds = [...(!wanted || wanted.includes('planned') ? plannedKinds : []), ...(!wanted || wanted.includes('meeting') ? (['meeting'] as const) : [])];
  if (kinds.length === 0) return [];
  const where =
    'id' in window
      ? eq(calendarEvents.id, window.id)
      : and(
          subjectOf(request),
          isNull(calendarEvents.deletedAt),
          inArray(calendarEvents.kind, kinds),
          request.employeeId ? eq(calendarEvents.ownerId, request.employeeId) : undefined,
          gte(calendarEvents.startsAt, window.from),
          lt(calendarEvents.startsAt, window.to),
        );
  return db
    .select({
      row: calendarEvents,
      employeeName: employees.name,
      contactName: contacts.fullName,
      companyName: companies.name,
      dealTitle: deals.title,
      complaintNumber: complaints.number,
    })
    .from(calendarEvents)
    .leftJoin(employees, eq(employees.id, calendarEvents.ownerId))
    .leftJoin(contacts, eq(contacts.id, calendarEvents.contactId))
    .leftJoin(companies, eq(companies.id, calendarEvents.companyId))
    .leftJoin(deals, eq(deals.id, calendarEvents.dealId))
    .leftJoin(complaints, eq(complaints.id, calendarEvents.complaintId))
    .where(where)
    .orderBy(desc(calendarEvents.startsAt))
    .all()
    .map(({ row, ...r }) => ({
      id: row.id,
      kind: row.kind === 'meeting' ? 'meeting' : 'planned',
      direction: null,
      occurredAt: row.startsAt,
      employeeId: row.ownerId,
      employeeName: r.employeeName,
      subject: row.title,
      outcome: null,
      contact: row.contactId && r.contactName ? { id: row.contactId, name: r.contactName } : null,
      company: row.companyId && r.companyName ? { id: row.companyId, name: r.companyName } : null,
      deal: row.dealId && r.dealTitle ? { id: row.dealId, name: r.dealTitle } : null,
      complaint: row.complaintId && r.complaintNumber !== null ? { id: row.complaintId, number: r.complaintNumber } : null,
      participants: [],
      durationSeconds: Math.round((row.endsAt - row.startsAt) / 1000),
      completedAt: row.doneAt,
      call: null,
    }));
}

/** Planned contacts of this client by colleagues, open and from the last day on (for the collision warning). */
export function colleaguesPlanned(db: ReadDb, about: SQL | undefined, notMine: SQL | undefined, since: number) {
  return db
    .select({ id: calendarEvents.id, subject: calendarEvents.title, at: calendarEvents.startsAt, employeeId: calendarEvents.ownerId, employeeName: employees.name })
    .from(calendarEvents)
    .leftJoin(employees, eq(employees.id, calendarEvents.ownerId))
    .where(and(about, inArray(calendarEvents.kind, [...plannedKinds, 'meeting']), isNull(calendarEvents.doneAt), isNull(calendarEvents.deletedAt), gte(calendarEvents.startsAt, since), notMine))
    .all();
}
