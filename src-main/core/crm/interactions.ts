import { aliasedTable, and, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { InteractionInput, Milestone, MethodOutput, MethodParams, TimelineItem } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calls, companies, complaintEvents, complaints, contacts, dealStageHistory, dealStages, deals, employees, interactionParticipants, interactions, questionnaireResponses, scriptRuns } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { CrmContext } from './crm-context';
import { interactionItemColumns } from './interaction-columns';
import { isCalendarItem, markPlannedDone, planContact, plannedTimelineItems } from './planned-contacts';
import { requireRecord } from './records';

const participantContact = aliasedTable(contacts, 'participant');

/** The interactions a timeline shows: the contact's own (and those they took part in), or all of a company's people. */
function subjectFilter(request: { contactId?: string | undefined; companyId?: string | undefined }): SQL | undefined {
  if (request.contactId) {
    return or(
      eq(interactions.contactId, request.contactId),
      sql`${interactions.id} IN (SELECT interaction_id FROM interaction_participants WHERE contact_id = ${request.contactId})`,
    );
  }
  if (request.companyId) {
    return or(
      eq(interactions.companyId, request.companyId),
      sql`${interactions.contactId} IN (SELECT id FROM contacts WHERE company_id = ${request.companyId})`,
    );
  }
  return undefined;
}

function timelineRows(db: ReadDb, where: SQL | undefined, limit: number): TimelineItem[] {
  const rows = db
    .select({
      ...interactionItemColumns,
      employeeId: interactions.employeeId,
      contactId: interactions.contactId,
      contactName: contacts.fullName,
      companyId: interactions.companyId,
      companyName: companies.name,
      dealId: interactions.dealId,
      dealTitle: deals.title,
      complaintId: interactions.complaintId,
      complaintNumber: complaints.number,
      durationSeconds: interactions.durationSeconds,
      completedAt: interactions.completedAt,
      callDisposition: calls.disposition,
      callNumber: calls.remoteNumber,
      callRecording: calls.recordingFile,
      // Both lookups go through the call_id indexes of their tables.
      callScripted: sql<number>`EXISTS (SELECT 1 FROM ${scriptRuns} WHERE ${scriptRuns.callId} = ${interactions.id}) OR EXISTS (SELECT 1 FROM ${questionnaireResponses} WHERE ${questionnaireResponses.callId} = ${interactions.id})`,
    })
    .from(interactions)
    .leftJoin(calls, eq(calls.interactionId, interactions.id))
    .leftJoin(employees, eq(employees.id, interactions.employeeId))
    .leftJoin(contacts, eq(contacts.id, interactions.contactId))
    .leftJoin(companies, eq(companies.id, interactions.companyId))
    .leftJoin(deals, eq(deals.id, interactions.dealId))
    .leftJoin(complaints, eq(complaints.id, interactions.complaintId))
    .where(where)
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(limit)
    .all();
  const participants = new Map<string, { id: string; name: string }[]>();
  if (rows.length > 0) {
    for (const p of db
      .select({ interactionId: interactionParticipants.interactionId, id: participantContact.id, name: participantContact.fullName })
      .from(interactionParticipants)
      .innerJoin(participantContact, eq(participantContact.id, interactionParticipants.contactId))
      .where(inArray(interactionParticipants.interactionId, rows.map((r) => r.id)))
      .all()) {
      participants.set(p.interactionId, [...(participants.get(p.interactionId) ?? []), { id: p.id, name: p.name }]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.direction,
    occurredAt: r.occurredAt,
    employeeId: r.employeeId,
    employeeName: r.employeeName,
    subject: r.subject,
    outcome: r.outcome,
    contact: r.contactId && r.contactName ? { id: r.contactId, name: r.contactName } : null,
    company: r.companyId && r.companyName ? { id: r.companyId, name: r.companyName } : null,
    deal: r.dealId && r.dealTitle ? { id: r.dealId, name: r.dealTitle } : null,
    complaint: r.complaintId && r.complaintNumber !== null ? { id: r.complaintId, number: r.complaintNumber } : null,
    participants: participants.get(r.id) ?? [],
    durationSeconds: r.durationSeconds,
    completedAt: r.completedAt,
    call: r.callDisposition && r.callNumber !== null ? { disposition: r.callDisposition, remoteNumber: r.callNumber, hasRecording: r.callRecording !== null, scripted: r.callScripted === 1 } : null,
  }));
}

/** A page of a contact's or company's history, newest first, with who on our side works with them. */
export function timeline(db: ReadDb, request: MethodParams<'timeline.list'>): MethodOutput<'timeline.list'> {
  const subject = subjectFilter(request);
  const where = and(
    subject,
    request.kinds && request.kinds.length > 0 ? inArray(interactions.kind, request.kinds) : undefined,
    request.employeeId ? eq(interactions.employeeId, request.employeeId) : undefined,
    request.before !== undefined ? lt(interactions.occurredAt, request.before) : undefined,
  );
  const items = timelineRows(db, where, request.limit + 1);
  const hasMore = items.length > request.limit;
  const recorded = items.slice(0, request.limit);
  const nextBefore = hasMore ? (recorded.at(-1)?.occurredAt ?? null) : null;
  // The calendar's planned contacts and meetings in the same stretch of time (the first page: also all still to come).
  const planned = plannedTimelineItems(db, request, { from: nextBefore ?? 0, to: request.before ?? Number.MAX_SAFE_INTEGER });
  const page = [...recorded, ...planned].sort((a, b) => b.occurredAt - a.occurredAt || b.id.localeCompare(a.id));
  const showMilestones = !request.employeeId && (!request.kinds || request.kinds.length === 0);
  return {
    items: page,
    milestones: showMilestones ? milestones(db, request, nextBefore ?? 0, request.before ?? Number.MAX_SAFE_INTEGER) : [],
    nextBefore,
    colleagues: colleagueActivity(db, request, subject),
  };
}

/** Deal stage moves and complaint state changes of the contact or company, in [from, to). */
function milestones(db: ReadDb, request: { contactId?: string | undefined; companyId?: string | undefined }, from: number, to: number): Milestone[] {
  const dealOf = request.contactId ? eq(deals.contactId, request.contactId) : eq(deals.companyId, request.companyId ?? '');
  const complaintOf = request.contactId ? eq(complaints.contactId, request.contactId) : eq(complaints.companyId, request.companyId ?? '');
  const dealSteps = db
    .select({ at: dealStageHistory.changedAt, id: deals.id, title: deals.title, to: dealStages.name, toKey: dealStages.key, employeeName: employees.name })
    .from(dealStageHistory)
    .innerJoin(deals, eq(deals.id, dealStageHistory.dealId))
    .innerJoin(dealStages, eq(dealStages.id, dealStageHistory.toStageId))
    .leftJoin(employees, eq(employees.id, dealStageHistory.employeeId))
    .where(and(dealOf, gte(dealStageHistory.changedAt, from), lt(dealStageHistory.changedAt, to)))
    .all()
    .map((m) => ({ ...m, kind: 'deal' as const, number: null }));
  const complaintSteps = db
    .select({ at: complaintEvents.at, id: complaints.id, title: complaints.subject, number: complaints.number, to: complaintEvents.toState, employeeName: employees.name })
    .from(complaintEvents)
    .innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId))
    .leftJoin(employees, eq(employees.id, complaintEvents.employeeId))
    .where(and(complaintOf, eq(complaintEvents.kind, 'state'), gte(complaintEvents.at, from), lt(complaintEvents.at, to)))
    .all()
    .map((m) => ({ ...m, kind: 'complaint' as const, to: m.to ?? '', toKey: null }));
  return [...dealSteps, ...complaintSteps].sort((a, b) => b.at - a.at);
}

function colleagueActivity(db: ReadDb, request: { contactId?: string | undefined; companyId?: string | undefined }, subject: SQL | undefined) {
  const activity = db
    .select({ id: employees.id, name: employees.name, count: sql<number>`count(*)`, lastAt: sql<number>`max(${interactions.occurredAt})` })
    .from(interactions)
    .innerJoin(employees, eq(employees.id, interactions.employeeId))
    .where(subject)
    .groupBy(employees.id)
    .all();
  const dealOwner = request.contactId ? eq(deals.contactId, request.contactId) : eq(deals.companyId, request.companyId ?? '');
  const openDeals = new Map(
    db
      .select({ ownerId: deals.ownerId, n: sql<number>`count(*)` })
      .from(deals)
      .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
      .where(and(dealOwner, eq(dealStages.outcome, 'open')))
      .groupBy(deals.ownerId)
      .all()
      .map((r) => [r.ownerId, r.n]),
  );
  const complaintOwner = request.contactId ? eq(complaints.contactId, request.contactId) : eq(complaints.companyId, request.companyId ?? '');
  const openComplaints = new Map(
    db
      .select({ responsibleId: complaints.responsibleId, n: sql<number>`count(*)` })
      .from(complaints)
      .where(and(complaintOwner, ne(complaints.state, 'closed')))
      .groupBy(complaints.responsibleId)
      .all()
      .map((r) => [r.responsibleId, r.n]),
  );
  return activity
    .map((a) => ({
      employee: { id: a.id, name: a.name },
      interactions: a.count,
      lastAt: a.lastAt,
      openDeals: openDeals.get(a.id) ?? 0,
      openComplaints: openComplaints.get(a.id) ?? 0,
    }))
    .sort((x, y) => y.lastAt - x.lastAt);
}

export function getTimelineItem(db: ReadDb, id: string): TimelineItem {
  const [item] = isCalendarItem(db, id) ? plannedTimelineItems(db, {}, { id }) : timelineRows(db, eq(interactions.id, id), 1);
  if (!item) throw notFound('Interaction', id);
  return item;
}

/** Records an interaction; the author is the operator at this workstation unless another employee is named. */
export function createInteraction(ctx: CrmContext, tx: WriteDb, input: Required<Omit<InteractionInput, 'employeeId'>> & { employeeId?: string | null }): string {
  requireRecord(tx, 'contact', input.contactId, 'contactId');
  requireRecord(tx, 'company', input.companyId, 'companyId');
  requireRecord(tx, 'deal', input.dealId, 'dealId');
  requireRecord(tx, 'complaint', input.complaintId, 'complaintId');
  const employeeId = input.employeeId === undefined ? ctx.settings().currentEmployeeId : input.employeeId;
  requireRecord(tx, 'employee', employeeId, 'employeeId');
  if (input.kind === 'planned' || (input.kind === 'meeting' && input.occurredAt > ctx.clock.now())) {
    return planContact(ctx, tx, { ...input, kind: input.kind, employeeId });
  }
  input.participantIds.forEach((id, i) => requireRecord(tx, 'contact', id, `participantIds.${i}`));
  // A person's interactions also belong on their company's timeline.
  const companyId =
    input.companyId ??
    (input.contactId ? (tx.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, input.contactId)).get()?.companyId ?? null) : null);
  const id = ctx.ids.next();
  tx.insert(interactions)
    .values({
      id,
      kind: input.kind,
      direction: input.direction,
      occurredAt: input.occurredAt,
      employeeId,
      contactId: input.contactId,
      companyId,
      dealId: input.dealId,
      complaintId: input.complaintId,
      subject: input.subject,
      outcome: input.outcome,
      durationSeconds: input.durationSeconds,
      createdAt: ctx.clock.now(),
    })
    .run();
  for (const contactId of new Set(input.participantIds)) tx.insert(interactionParticipants).values({ interactionId: id, contactId }).run();
  return id;
}

/**
 * A planned contact carried out: its calendar item is marked done, and what came of it, when said, is
 * recorded as a note on the client's timeline (the plan stays in the calendar, what happened in the history).
 */
export function completePlanned(ctx: CrmContext, tx: WriteDb, id: string, outcome: string | null): void {
  if (!isCalendarItem(tx, id)) {
    const row = tx.select({ kind: interactions.kind }).from(interactions).where(eq(interactions.id, id)).get();
    if (!row) throw notFound('Interaction', id);
    throw new DomainError('conflict', 'planned_only_completes', 'Only a planned contact can be marked done');
  }
  markPlannedDone(ctx, tx, id);
  const [planned] = plannedTimelineItems(tx, {}, { id });
  if (outcome && planned) {
    createInteraction(ctx, tx, {
      kind: 'note',
      direction: null,
      occurredAt: ctx.clock.now(),
      contactId: planned.contact?.id ?? null,
      companyId: planned.company?.id ?? null,
      dealId: planned.deal?.id ?? null,
      complaintId: planned.complaint?.id ?? null,
      participantIds: [],
      subject: planned.subject,
      outcome,
      durationSeconds: null,
    });
  }
}
