import { aliasedTable, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ComplaintCard, ComplaintSummary, MethodOutput, MethodParams } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companies, complaintCauses, complaintEvents, complaints, complaintSteps, contacts, employees, interactions } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { CrmContext } from '#core/crm/crm-context';
import { getTimelineItem } from '#core/crm/interactions';
import { requireRecord } from '#core/crm/records';
import { checkTransition, openComplaintStates } from './complaint-state';

const assignee = aliasedTable(employees, 'assignee');

export function listCauses(db: ReadDb): MethodOutput<'complaints.causes'> {
  return db.select().from(complaintCauses).orderBy(asc(complaintCauses.position)).all();
}

/** Replaces the cause categories; a removed cause leaves its complaints without a cause (they keep their history). */
export function saveCauses(ctx: CrmContext, tx: WriteDb, input: MethodParams<'complaints.saveCauses'>): MethodOutput<'complaints.causes'> {
  const kept = input.causes.flatMap((c) => (c.id ? [c.id] : []));
  const existing = tx.select({ id: complaintCauses.id }).from(complaintCauses).all();
  const removed = existing.filter((c) => !kept.includes(c.id)).map((c) => c.id);
  if (removed.length > 0) tx.delete(complaintCauses).where(inArray(complaintCauses.id, removed)).run();
  input.causes.forEach((cause, position) => {
    if (cause.id) {
      const changed = tx.update(complaintCauses).set({ name: cause.name, position }).where(eq(complaintCauses.id, cause.id)).run();
      if (changed.changes === 0) throw notFound('Cause', cause.id);
    } else {
      tx.insert(complaintCauses).values({ id: ctx.ids.next(), name: cause.name, position }).run();
    }
  });
  return listCauses(tx);
}

/** Adds one cause at the end of the list (from the complaint form); a cause of the same name is reused. */
export function addCause(ctx: CrmContext, tx: WriteDb, name: string): MethodOutput<'complaints.addCause'> {
  const causes = listCauses(tx);
  const same = causes.find((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (same) return same;
  const cause = { id: ctx.ids.next(), name, position: causes.length === 0 ? 0 : Math.max(...causes.map((c) => c.position)) + 1 };
  tx.insert(complaintCauses).values(cause).run();
  return cause;
}

function summarySelect(db: ReadDb) {
  return db
    .select({
      complaint: complaints,
      causeName: complaintCauses.name,
      contactName: contacts.fullName,
      companyName: companies.name,
      responsibleName: employees.name,
    })
    .from(complaints)
    .leftJoin(complaintCauses, eq(complaintCauses.id, complaints.causeId))
    .leftJoin(contacts, eq(contacts.id, complaints.contactId))
    .leftJoin(companies, eq(companies.id, complaints.companyId))
    .leftJoin(employees, eq(employees.id, complaints.responsibleId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summarySelect>['all']>>[number];

function toSummary(row: SummaryRow): ComplaintSummary {
  const c = row.complaint;
  const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    state: c.state,
    cause: ref(c.causeId, row.causeName),
    contact: ref(c.contactId, row.contactName),
    company: ref(c.companyId, row.companyName),
    responsible: ref(c.responsibleId, row.responsibleName),
    registeredAt: c.registeredAt,
    resolvedAt: c.resolvedAt,
  };
}

export function listComplaints(db: ReadDb, request: MethodParams<'complaints.list'>): MethodOutput<'complaints.list'> {
  const where = and(
    request.state ? eq(complaints.state, request.state) : undefined,
    request.causeId ? eq(complaints.causeId, request.causeId) : undefined,
    request.contactId ? eq(complaints.contactId, request.contactId) : undefined,
    request.companyId ? eq(complaints.companyId, request.companyId) : undefined,
    request.openOnly ? inArray(complaints.state, [...openComplaintStates]) : undefined,
  );
  const rows = summarySelect(db).where(where).orderBy(desc(complaints.number)).limit(request.limit).offset(request.offset).all().map(toSummary);
  const total = db.select({ n: sql<number>`count(*)` }).from(complaints).where(where).get()?.n ?? 0;
  return { total, rows };
}

export function getComplaint(db: ReadDb, id: string): ComplaintCard {
  const row = summarySelect(db).where(eq(complaints.id, id)).get();
  if (!row) throw notFound('Complaint', id);
  const steps = db
    .select({ step: complaintSteps, assigneeName: assignee.name })
    .from(complaintSteps)
    .leftJoin(assignee, eq(assignee.id, complaintSteps.assigneeId))
    .where(eq(complaintSteps.complaintId, id))
    .orderBy(asc(complaintSteps.position))
    .all()
    .map(({ step, assigneeName }) => ({
      id: step.id,
      title: step.title,
      assignee: step.assigneeId && assigneeName ? { id: step.assigneeId, name: assigneeName } : null,
      dueAt: step.dueAt,
      doneAt: step.doneAt,
    }));
  const events = db
    .select({ event: complaintEvents, employeeName: employees.name })
    .from(complaintEvents)
    .leftJoin(employees, eq(employees.id, complaintEvents.employeeId))
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id))
    .all()
    .map(({ event, employeeName }) => ({
      id: event.id,
      at: event.at,
      employee: employeeName,
      kind: event.kind,
      text: event.text,
      fromState: event.fromState as ComplaintCard['state'] | null,
      toState: event.toState as ComplaintCard['state'] | null,
    }));
  const linked = db.select({ id: interactions.id }).from(interactions).where(eq(interactions.complaintId, id)).orderBy(desc(interactions.occurredAt)).all();
  const c = row.complaint;
  return {
    ...toSummary(row),
    description: c.description,
    resolution: c.resolution,
    result: c.result,
    closedAt: c.closedAt,
    steps,
    events,
    interactions: linked.map((i) => getTimelineItem(db, i.id)),
  };
}

function recordEvent(ctx: CrmContext, tx: WriteDb, complaintId: string, event: { kind: ComplaintCard['events'][number]['kind']; text: string; fromState?: string; toState?: string }): void {
  tx.insert(complaintEvents)
    .values({
      id: ctx.ids.next(),
      complaintId,
      at: ctx.clock.now(),
      employeeId: ctx.settings().currentEmployeeId,
      kind: event.kind,
      text: event.text,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
    })
    .run();
}

export function createComplaint(ctx: CrmContext, tx: WriteDb, input: MethodParams<'complaints.create'>): string {
  requireRecord(tx, 'contact', input.contactId, 'contactId');
  requireRecord(tx, 'company', input.companyId, 'companyId');
  requireRecord(tx, 'cause', input.causeId, 'causeId');
  const responsibleId = input.responsibleId === undefined ? ctx.settings().currentEmployeeId : input.responsibleId;
  requireRecord(tx, 'employee', responsibleId, 'responsibleId');
  const now = ctx.clock.now();
  const id = ctx.ids.next();
  const number = (tx.select({ n: sql<number>`coalesce(max(${complaints.number}), 0)` }).from(complaints).get()?.n ?? 0) + 1;
  const companyId =
    input.companyId ??
    (input.contactId ? (tx.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, input.contactId)).get()?.companyId ?? null) : null);
  tx.insert(complaints)
    .values({
      id,
      number,
      contactId: input.contactId,
      companyId,
      causeId: input.causeId,
      subject: input.subject,
      description: input.description,
      state: 'new',
      responsibleId,
      registeredAt: now,
      updatedAt: now,
    })
    .run();
  input.interactionIds.forEach((interactionId, i) => {
    const linked = tx.update(interactions).set({ complaintId: id }).where(eq(interactions.id, interactionId)).run();
    if (linked.changes === 0) throw new DomainError('invalid_payload', 'no_such_record', `interactionIds.${i}: no such interaction`, { kind: 'interaction', id: interactionId });
  });
  // Registration is the move from no state to new; the renderer words it.
  recordEvent(ctx, tx, id, { kind: 'state', text: '', toState: 'new' });
  return id;
}

/** Moves a complaint through its life, as the state machine allows, recording who did it and why. */
export function transitionComplaint(ctx: CrmContext, tx: WriteDb, input: MethodParams<'complaints.transition'>): void {
  const current = tx.select({ state: complaints.state }).from(complaints).where(eq(complaints.id, input.id)).get();
  if (!current) throw notFound('Complaint', input.id);
  const check = checkTransition(current.state, input.to, input);
  if (!check.ok) throw new DomainError('conflict', check.code, check.reason, { from: current.state, to: input.to });
  const now = ctx.clock.now();
  const changes =
    input.to === 'resolved'
      ? { resolution: input.resolution ?? null, result: input.result ?? null, resolvedAt: now }
      : input.to === 'closed'
        ? { closedAt: now }
        : check.reopening
          ? { resolvedAt: null, closedAt: null }
          : {};
  tx.update(complaints)
    .set({ state: input.to, ...changes, updatedAt: now })
    .where(and(eq(complaints.id, input.id), eq(complaints.state, current.state)))
    .run();
  recordEvent(ctx, tx, input.id, {
    kind: 'state',
    text: input.note ?? input.resolution ?? '',
    fromState: current.state,
    toState: input.to,
  });
}

function requireOpen(tx: ReadDb, complaintId: string): void {
  const current = tx.select({ state: complaints.state }).from(complaints).where(eq(complaints.id, complaintId)).get();
  if (!current) throw notFound('Complaint', complaintId);
  if (current.state === 'closed') throw new DomainError('conflict', 'complaint_closed', 'The complaint is closed; reopen it to work on it');
}

export function addStep(ctx: CrmContext, tx: WriteDb, input: MethodParams<'complaints.addStep'>): void {
  requireOpen(tx, input.complaintId);
  requireRecord(tx, 'employee', input.assigneeId, 'assigneeId');
  const position = tx.select({ n: sql<number>`count(*)` }).from(complaintSteps).where(eq(complaintSteps.complaintId, input.complaintId)).get()?.n ?? 0;
  tx.insert(complaintSteps)
    .values({ id: ctx.ids.next(), complaintId: input.complaintId, title: input.title, assigneeId: input.assigneeId, dueAt: input.dueAt, position })
    .run();
  recordEvent(ctx, tx, input.complaintId, { kind: 'step_planned', text: input.title });
}

export function completeStep(ctx: CrmContext, tx: WriteDb, complaintId: string, stepId: string): void {
  requireOpen(tx, complaintId);
  const step = tx.select().from(complaintSteps).where(and(eq(complaintSteps.id, stepId), eq(complaintSteps.complaintId, complaintId))).get();
  if (!step) throw notFound('Step', stepId);
  if (step.doneAt !== null) throw new DomainError('conflict', 'step_already_done', 'This step is already done');
  tx.update(complaintSteps).set({ doneAt: ctx.clock.now() }).where(eq(complaintSteps.id, stepId)).run();
  recordEvent(ctx, tx, complaintId, { kind: 'step_done', text: step.title });
}

export function addAction(ctx: CrmContext, tx: WriteDb, complaintId: string, text: string): void {
  requireOpen(tx, complaintId);
  recordEvent(ctx, tx, complaintId, { kind: 'action', text });
  tx.update(complaints).set({ updatedAt: ctx.clock.now() }).where(eq(complaints.id, complaintId)).run();
}
