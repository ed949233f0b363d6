import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { QaScorecard } from '#contract';
import type { MethodParams } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { qaCriteria, qaScorecards } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';

/** Scorecards in use, by name, each with its criteria in use in their order. */
export function listScorecards(db: ReadDb, ids?: readonly string[]): QaScorecard[] {
  const cards = db
    .select({ id: qaScorecards.id, name: qaScorecards.name, description: qaScorecards.description, updatedAt: qaScorecards.updatedAt })
    .from(qaScorecards)
    .where(ids ? inArray(qaScorecards.id, [...ids]) : isNull(qaScorecards.deletedAt))
    .orderBy(asc(qaScorecards.name), asc(qaScorecards.id))
    .all();
  if (cards.length === 0) return [];
  const criteria = db
    .select({ id: qaCriteria.id, scorecardId: qaCriteria.scorecardId, label: qaCriteria.label, description: qaCriteria.description, weight: qaCriteria.weight, maxPoints: qaCriteria.maxPoints })
    .from(qaCriteria)
    .where(
      and(
        inArray(
          qaCriteria.scorecardId,
          cards.map((c) => c.id),
        ),
        isNull(qaCriteria.deletedAt),
      ),
    )
    .orderBy(asc(qaCriteria.position), asc(qaCriteria.id))
    .all();
  return cards.map((card) => ({ ...card, criteria: criteria.filter((c) => c.scorecardId === card.id).map(({ scorecardId: _, ...c }) => c) }));
}

export function getScorecard(db: ReadDb, id: string): QaScorecard {
  const card = listScorecards(db, [id])[0];
  if (!card) throw notFound('Scorecard', id);
  return card;
}

function liveScorecardId(db: ReadDb, id: string): string {
  const row = db.select({ id: qaScorecards.id }).from(qaScorecards).where(and(eq(qaScorecards.id, id), isNull(qaScorecards.deletedAt))).get();
  if (!row) throw notFound('Scorecard', id);
  return row.id;
}

/**
 * Creates or saves a scorecard. Criteria keep their ids: one given with an id is updated in place, one without is
 * added, one in use but left out is tombstoned (reviews that scored it keep their points and their fixed score).
 */
export function saveScorecard(ctx: CrmContext, tx: WriteDb, input: MethodParams<'quality.saveScorecard'>): string {
  const now = ctx.clock.now();
  const changed = { updatedAt: now, updatedBy: ctx.settings().currentEmployeeId };
  let id = input.id;
  if (id === undefined) {
    id = ctx.ids.next();
    tx.insert(qaScorecards).values({ id, name: input.name, description: input.description, createdAt: now, ...changed }).run();
  } else {
    liveScorecardId(tx, id);
    tx.update(qaScorecards).set({ name: input.name, description: input.description, ...changed }).where(eq(qaScorecards.id, id)).run();
  }
  const existing = new Set(
    tx
      .select({ id: qaCriteria.id })
      .from(qaCriteria)
      .where(and(eq(qaCriteria.scorecardId, id), isNull(qaCriteria.deletedAt)))
      .all()
      .map((r) => r.id),
  );
  const issues = input.criteria.flatMap((c, i) => (c.id !== undefined && !existing.has(c.id) ? [issue(`criteria.${i}.id`, 'qa_criterion_unknown', `Criterion ${c.id} is not on this scorecard`, { id: c.id })] : []));
  if (issues.length > 0) throw new InvalidInputError(issues);
  const kept = new Set<string>();
  input.criteria.forEach((c, position) => {
    const values = { label: c.label, description: c.description, weight: c.weight, maxPoints: c.maxPoints, position, ...changed };
    if (c.id === undefined) {
      tx.insert(qaCriteria).values({ id: ctx.ids.next(), scorecardId: id, ...values }).run();
    } else {
      kept.add(c.id);
      tx.update(qaCriteria).set(values).where(eq(qaCriteria.id, c.id)).run();
    }
  });
  const removed = [...existing].filter((c) => !kept.has(c));
  if (removed.length > 0) tx.update(qaCriteria).set({ deletedAt: now, ...changed }).where(inArray(qaCriteria.id, removed)).run();
  return id;
}

/** A tombstone: reviews made with the scorecard keep it, its criteria and their scores. */
export function deleteScorecard(ctx: CrmContext, tx: WriteDb, id: string): void {
  const now = ctx.clock.now();
  const changes = tx
    .update(qaScorecards)
    .set({ deletedAt: now, updatedAt: now, updatedBy: ctx.settings().currentEmployeeId })
    .where(and(eq(qaScorecards.id, id), isNull(qaScorecards.deletedAt)))
    .run().changes;
  if (changes === 0) throw notFound('Scorecard', id);
}
