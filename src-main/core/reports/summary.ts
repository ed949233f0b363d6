import { asc, sql } from 'drizzle-orm';
import { interactionKinds, type ReportSummary } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, contacts, dealStages, deals, interactions } from '#core/db/schema';

/** The management overview: how many clients, what kinds of contact, and the pipeline by stage. */
export function reportSummary(db: ReadDb): ReportSummary {
  const count = (table: typeof companies | typeof contacts) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;

  const byKind = new Map(
    db
      .select({ kind: interactions.kind, count: sql<number>`count(*)` })
      .from(interactions)
      .groupBy(interactions.kind)
      .all()
      .map((r) => [r.kind, r.count]),
  );
  const stages = db.select({ id: dealStages.id, name: dealStages.name, key: dealStages.key }).from(dealStages).orderBy(asc(dealStages.position)).all();
  const totals = db
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      deals: sql<number>`count(*)`,
      amount: sql<number>`sum(${deals.amount})`,
    })
    .from(deals)
    .groupBy(deals.stageId, deals.currency)
    .orderBy(deals.currency)
    .all();
  const pipeline = stages.map((stage) => {
    const rows = totals.filter((row) => row.stageId === stage.id);
    return {
      stageId: stage.id,
      stageName: stage.name,
      stageKey: stage.key,
      deals: rows.reduce((sum, row) => sum + row.deals, 0),
      amounts: rows.map((row) => ({ currency: row.currency, amount: row.amount })),
    };
  });

  return {
    companies: count(companies),
    contacts: count(contacts),
    interactionsByKind: interactionKinds.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    pipeline,
  };
}
