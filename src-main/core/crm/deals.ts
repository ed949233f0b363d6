import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Deal, DealStage, MethodOutput, MethodParams } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companies, contacts, dealStageHistory, dealStages, deals, employees } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { CrmContext } from './crm-context';
import { requireRecord } from './records';

const day = 24 * 60 * 60 * 1000;
const fromStage = aliasedTable(dealStages, 'from_stage');

export function listStages(db: ReadDb): DealStage[] {
  return db.select().from(dealStages).orderBy(asc(dealStages.position)).all();
}

/** Replaces the pipeline's stages. A stage that still holds deals cannot be removed. */
export function saveStages(ctx: CrmContext, tx: WriteDb, input: MethodParams<'deals.saveStages'>): DealStage[] {
  const keptIds = input.stages.flatMap((s) => (s.id ? [s.id] : []));
  const removed = tx
    .select({ id: dealStages.id, name: dealStages.name, deals: sql<number>`(SELECT count(*) FROM deals d WHERE d.stage_id = "deal_stages"."id")` })
    .from(dealStages)
    .where(keptIds.length > 0 ? notInArray(dealStages.id, keptIds) : undefined)
    .all();
  const busy = removed.filter((s) => s.deals > 0);
  if (busy.length > 0) {
    const names = busy.map((s) => `"${s.name}"`).join(', ');
    throw new DomainError('conflict', 'stage_has_deals', `Move the deals out of ${names} before removing the stage`, { stages: names, count: busy.length });
  }
  if (removed.length > 0) tx.delete(dealStages).where(inArray(dealStages.id, removed.map((s) => s.id))).run();
  input.stages.forEach((stage, position) => {
    const values = { name: stage.name, key: stage.key, probability: stage.probability, outcome: stage.outcome, position };
    if (stage.id) {
      const changed = tx.update(dealStages).set(values).where(eq(dealStages.id, stage.id)).run();
      if (changed.changes === 0) throw notFound('Stage', stage.id);
    } else {
      tx.insert(dealStages).values({ id: ctx.ids.next(), ...values }).run();
    }
  });
  return listStages(tx);
}

function dealSelect(db: ReadDb) {
  return db
    .select({
      deal: deals,
      stage: dealStages,
      contactName: contacts.fullName,
      companyName: companies.name,
      ownerName: employees.name,
    })
    .from(deals)
    .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(employees, eq(employees.id, deals.ownerId));
}

type DealRow = Awaited<ReturnType<ReturnType<typeof dealSelect>['all']>>[number];

function toDeal(row: DealRow): Deal {
  const d = row.deal;
  return {
    id: d.id,
    title: d.title,
    stage: row.stage,
    amount: d.amount,
    currency: d.currency,
    probability: d.probability,
    expectedCloseAt: d.expectedCloseAt,
    contact: d.contactId && row.contactName ? { id: d.contactId, name: row.contactName } : null,
    company: d.companyId && row.companyName ? { id: d.companyId, name: row.companyName } : null,
    owner: d.ownerId && row.ownerName ? { id: d.ownerId, name: row.ownerName } : null,
    notes: d.notes,
    closedAt: d.closedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function getDeal(db: ReadDb, id: string): Deal {
  const row = dealSelect(db).where(eq(deals.id, id)).get();
  if (!row) throw notFound('Deal', id);
  return toDeal(row);
}

export function getDealDetail(db: ReadDb, id: string): MethodOutput<'deals.get'> {
  const deal = getDeal(db, id);
  const history = db
    .select({ from: fromStage.name, fromKey: fromStage.key, to: dealStages.name, toKey: dealStages.key, at: dealStageHistory.changedAt, employee: employees.name })
    .from(dealStageHistory)
    .innerJoin(dealStages, eq(dealStages.id, dealStageHistory.toStageId))
    .leftJoin(fromStage, eq(fromStage.id, dealStageHistory.fromStageId))
    .leftJoin(employees, eq(employees.id, dealStageHistory.employeeId))
    .where(eq(dealStageHistory.dealId, id))
    .orderBy(asc(dealStageHistory.changedAt))
    .all();
  return { ...deal, history };
}

/** The kanban: each stage with its deals (won and lost columns show only recent ones) and open amounts per currency. */
export function dealBoard(db: ReadDb, request: MethodParams<'deals.board'>, now: number): MethodOutput<'deals.board'> {
  const recentSince = now - request.closedWithinDays * day;
  return {
    columns: listStages(db).map((stage) => {
      const where = and(
        eq(deals.stageId, stage.id),
        request.ownerId ? eq(deals.ownerId, request.ownerId) : undefined,
        stage.outcome === 'open' ? undefined : or(isNull(deals.closedAt), gte(deals.closedAt, recentSince)),
      );
      const totals = db
        .select({ currency: deals.currency, amount: sql<number>`sum(${deals.amount})`, n: sql<number>`count(*)` })
        .from(deals)
        .where(where)
        .groupBy(deals.currency)
        .all();
      return {
        stage,
        total: totals.reduce((n, t) => n + t.n, 0),
        amounts: totals.map((t) => ({ currency: t.currency, amount: t.amount })),
        deals: dealSelect(db).where(where).orderBy(desc(deals.updatedAt)).limit(200).all().map(toDeal),
      };
    }),
  };
}

export function listDeals(db: ReadDb, request: MethodParams<'deals.list'>): MethodOutput<'deals.list'> {
  const where = and(
    request.stageId ? eq(deals.stageId, request.stageId) : undefined,
    request.ownerId ? eq(deals.ownerId, request.ownerId) : undefined,
    request.contactId ? eq(deals.contactId, request.contactId) : undefined,
    request.companyId ? eq(deals.companyId, request.companyId) : undefined,
    request.openOnly ? eq(dealStages.outcome, 'open') : undefined,
  );
  const rows = dealSelect(db).where(where).orderBy(desc(deals.updatedAt)).limit(request.limit).offset(request.offset).all().map(toDeal);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(deals)
      .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
      .where(where)
      .get()?.n ?? 0;
  return { total, rows };
}

function stageOf(db: ReadDb, stageId: string, path: string): DealStage {
  const stage = db.select().from(dealStages).where(eq(dealStages.id, stageId)).get();
  if (!stage) throw new DomainError('invalid_payload', 'no_such_record', `${path}: no such stage`, { kind: 'stage', id: stageId });
  return stage;
}

function checkDealReferences(tx: ReadDb, input: MethodParams<'deals.create'>): void {
  requireRecord(tx, 'contact', input.contactId, 'contactId');
  requireRecord(tx, 'company', input.companyId, 'companyId');
  requireRecord(tx, 'employee', input.ownerId, 'ownerId');
}

export function createDeal(ctx: CrmContext, tx: WriteDb, input: MethodParams<'deals.create'>): string {
  checkDealReferences(tx, input);
  const stage = stageOf(tx, input.stageId, 'stageId');
  const now = ctx.clock.now();
  const id = ctx.ids.next();
  const companyId =
    input.companyId ??
    (input.contactId ? (tx.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, input.contactId)).get()?.companyId ?? null) : null);
  tx.insert(deals)
    .values({
      id,
      title: input.title,
      stageId: stage.id,
      amount: input.amount,
      currency: input.currency,
      probability: input.probability ?? stage.probability,
      expectedCloseAt: input.expectedCloseAt,
      contactId: input.contactId,
      companyId,
      ownerId: input.ownerId === undefined ? ctx.settings().currentEmployeeId : input.ownerId,
      notes: input.notes,
      closedAt: stage.outcome === 'open' ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  tx.insert(dealStageHistory).values({ id: ctx.ids.next(), dealId: id, fromStageId: null, toStageId: stage.id, changedAt: now, employeeId: ctx.settings().currentEmployeeId }).run();
  return id;
}

export function updateDeal(ctx: CrmContext, tx: WriteDb, id: string, input: MethodParams<'deals.update'>['deal']): void {
  const current = tx.select({ stageId: deals.stageId }).from(deals).where(eq(deals.id, id)).get();
  if (!current) throw notFound('Deal', id);
  checkDealReferences(tx, input);
  tx.update(deals)
    .set({
      title: input.title,
      amount: input.amount,
      currency: input.currency,
      expectedCloseAt: input.expectedCloseAt,
      contactId: input.contactId,
      companyId: input.companyId,
      notes: input.notes,
      ...(input.probability !== undefined ? { probability: input.probability } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      updatedAt: ctx.clock.now(),
    })
    .where(eq(deals.id, id))
    .run();
  if (input.stageId !== current.stageId) moveDeal(ctx, tx, id, input.stageId);
}

/** Moves a deal to another stage: probability follows the stage, won/lost close it, and the move is recorded. */
export function moveDeal(ctx: CrmContext, tx: WriteDb, id: string, stageId: string): void {
  const current = tx.select({ stageId: deals.stageId }).from(deals).where(eq(deals.id, id)).get();
  if (!current) throw notFound('Deal', id);
  const stage = stageOf(tx, stageId, 'stageId');
  if (current.stageId === stage.id) return;
  const now = ctx.clock.now();
  tx.update(deals)
    .set({ stageId: stage.id, probability: stage.probability, closedAt: stage.outcome === 'open' ? null : now, updatedAt: now })
    .where(and(eq(deals.id, id), ne(deals.stageId, stage.id)))
    .run();
  tx.insert(dealStageHistory)
    .values({ id: ctx.ids.next(), dealId: id, fromStageId: current.stageId, toStageId: stage.id, changedAt: now, employeeId: ctx.settings().currentEmployeeId })
    .run();
}

