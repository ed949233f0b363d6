import { and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { weightedScore, type MethodParams, type QaReview } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calls, employees, interactions, qaCriteria, qaReviews, qaReviewScores, qaScorecards } from '#core/db/schema';
import { DomainError, InvalidInputError, issue, notFound } from '#core/shared/errors';

const reviewer = alias(employees, 'reviewer');

/** Reviews in use matching `where`, newest call first, with the points per criterion. */
export function listReviews(db: ReadDb, where: SQL | undefined, limit = 500): QaReview[] {
  const rows = db
    .select({
      id: qaReviews.id,
      callId: qaReviews.callId,
      scorecardId: qaReviews.scorecardId,
      scorecardName: qaScorecards.name,
      operatorId: qaReviews.operatorId,
      operatorName: employees.name,
      reviewerId: qaReviews.reviewerId,
      reviewerName: reviewer.name,
      callStartedAt: qaReviews.callStartedAt,
      score: qaReviews.score,
      comment: qaReviews.comment,
      reviewedAt: qaReviews.reviewedAt,
      seenAt: qaReviews.seenAt,
    })
    .from(qaReviews)
    .innerJoin(qaScorecards, eq(qaScorecards.id, qaReviews.scorecardId))
    .leftJoin(employees, eq(employees.id, qaReviews.operatorId))
    .leftJoin(reviewer, eq(reviewer.id, qaReviews.reviewerId))
    .where(and(isNull(qaReviews.deletedAt), where))
    .orderBy(desc(qaReviews.callStartedAt), desc(qaReviews.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const scores = db
    .select({ reviewId: qaReviewScores.reviewId, criterionId: qaReviewScores.criterionId, label: qaCriteria.label, maxPoints: qaCriteria.maxPoints, points: qaReviewScores.points, comment: qaReviewScores.comment })
    .from(qaReviewScores)
    .innerJoin(qaCriteria, eq(qaCriteria.id, qaReviewScores.criterionId))
    .innerJoin(qaReviews, eq(qaReviews.id, qaReviewScores.reviewId))
    .where(
      and(
        inArray(
          qaReviewScores.reviewId,
          rows.map((r) => r.id),
        ),
        // Points for a criterion removed before the review was last saved are left from an earlier save: not part of it.
        or(isNull(qaCriteria.deletedAt), gt(qaCriteria.deletedAt, qaReviews.reviewedAt)),
      ),
    )
    .orderBy(qaCriteria.position, qaCriteria.id)
    .all();
  return rows.map((row) => ({ ...row, scores: scores.filter((s) => s.reviewId === row.id).map(({ reviewId: _, ...s }) => s) }));
}

export function getReview(db: ReadDb, id: string): QaReview {
  const review = listReviews(db, eq(qaReviews.id, id), 1)[0];
  if (!review) throw notFound('Review', id);
  return review;
}

/** The call's operator and start, copied into the review so KPIs read scores by operator and period from qa_reviews alone. */
function callOf(db: ReadDb, callId: string): { operatorId: string | null; startedAt: number } {
  const row = db
    .select({ startedAt: sql<number>`coalesce(${calls.startedAt}, ${interactions.occurredAt})`, operatorId: sql<string | null>`coalesce(${calls.employeeId}, ${interactions.employeeId})` })
    .from(interactions)
    .leftJoin(calls, eq(calls.interactionId, interactions.id))
    .where(and(eq(interactions.id, callId), eq(interactions.kind, 'call')))
    .get();
  if (!row) throw notFound('Call', callId);
  return row;
}

/**
 * Saves a review: points for every criterion in use on the scorecard, each within 0…its maximum, checked before
 * anything is written. The score is computed now and kept: later changes to the scorecard leave it as it is.
 * Editing a review updates its rows in place.
 */
export function saveReview(ctx: CrmContext, tx: WriteDb, input: MethodParams<'quality.saveReview'>): string {
  const me = ctx.settings().currentEmployeeId;
  if (!me) throw new DomainError('conflict', 'choose_who_you_are', 'Choose who you are in Settings first: a review records who made it');
  const call = callOf(tx, input.callId);
  const previous = input.id === undefined ? undefined : tx.select({ callId: qaReviews.callId, scorecardId: qaReviews.scorecardId }).from(qaReviews).where(and(eq(qaReviews.id, input.id), isNull(qaReviews.deletedAt))).get();
  if (input.id !== undefined && !previous) throw notFound('Review', input.id);
  if (previous && (previous.callId !== input.callId || previous.scorecardId !== input.scorecardId)) {
    throw new InvalidInputError([issue('scorecardId', 'qa_review_fixed', 'A review keeps its call and its scorecard', { id: input.id ?? '' })]);
  }
  const card = tx.select({ deletedAt: qaScorecards.deletedAt }).from(qaScorecards).where(eq(qaScorecards.id, input.scorecardId)).get();
  // A removed scorecard still serves the reviews made with it, but no new ones.
  if (!card || (card.deletedAt !== null && !previous)) throw notFound('Scorecard', input.scorecardId);
  const criteria = tx
    .select({ id: qaCriteria.id, weight: qaCriteria.weight, maxPoints: qaCriteria.maxPoints })
    .from(qaCriteria)
    .where(and(eq(qaCriteria.scorecardId, input.scorecardId), isNull(qaCriteria.deletedAt)))
    .all();
  const given = new Map(input.scores.map((s) => [s.criterionId, s]));
  const issues = [
    ...input.scores.flatMap((s, i) => {
      const criterion = criteria.find((c) => c.id === s.criterionId);
      if (!criterion) return [issue(`scores.${i}.criterionId`, 'qa_criterion_unknown', `Criterion ${s.criterionId} is not on this scorecard`, { id: s.criterionId })];
      if (s.points < 0 || s.points > criterion.maxPoints) return [issue(`scores.${i}.points`, 'qa_points_out_of_range', `Points go from 0 to ${criterion.maxPoints}`, { minimum: 0, maximum: criterion.maxPoints })];
      return [];
    }),
    ...criteria.flatMap((c) => (given.has(c.id) ? [] : [issue('scores', 'qa_criterion_missing', `Criterion ${c.id} has no points`, { id: c.id })])),
  ];
  if (issues.length > 0) throw new InvalidInputError(issues);

  const now = ctx.clock.now();
  const changed = { updatedAt: now, updatedBy: me };
  const score = weightedScore(criteria.map((c) => ({ ...c, points: given.get(c.id)?.points ?? 0 })));
  const values = { score, comment: input.comment, reviewerId: me, operatorId: call.operatorId, callStartedAt: call.startedAt, reviewedAt: now, ...changed };
  const id = input.id ?? ctx.ids.next();
  if (previous) {
    // An edited review is news to the operator again.
    tx.update(qaReviews).set({ ...values, seenAt: null }).where(eq(qaReviews.id, id)).run();
  } else {
    tx.insert(qaReviews).values({ id, callId: input.callId, scorecardId: input.scorecardId, ...values }).run();
  }
  const stored = new Map(
    tx
      .select({ id: qaReviewScores.id, criterionId: qaReviewScores.criterionId })
      .from(qaReviewScores)
      .where(eq(qaReviewScores.reviewId, id))
      .all()
      .map((r) => [r.criterionId, r.id]),
  );
  for (const s of input.scores) {
    const rowId = stored.get(s.criterionId);
    if (rowId) tx.update(qaReviewScores).set({ points: s.points, comment: s.comment, ...changed }).where(eq(qaReviewScores.id, rowId)).run();
    else tx.insert(qaReviewScores).values({ id: ctx.ids.next(), reviewId: id, criterionId: s.criterionId, points: s.points, comment: s.comment, ...changed }).run();
  }
  return id;
}

/** A tombstone: the review leaves the KPIs and the operator's list. */
export function deleteReview(ctx: CrmContext, tx: WriteDb, id: string): void {
  const now = ctx.clock.now();
  const changes = tx
    .update(qaReviews)
    .set({ deletedAt: now, updatedAt: now, updatedBy: ctx.settings().currentEmployeeId })
    .where(and(eq(qaReviews.id, id), isNull(qaReviews.deletedAt)))
    .run().changes;
  if (changes === 0) throw notFound('Review', id);
}

/** The operator's own reviews, newest call first, and how many they have not opened yet. */
export function myReviews(db: ReadDb, operatorId: string | null, limit: number): { unseen: number; rows: QaReview[] } {
  if (!operatorId) return { unseen: 0, rows: [] };
  const mine = eq(qaReviews.operatorId, operatorId);
  const unseen = db.select({ n: sql<number>`count(*)` }).from(qaReviews).where(and(mine, isNull(qaReviews.deletedAt), isNull(qaReviews.seenAt))).get()?.n ?? 0;
  return { unseen, rows: listReviews(db, mine, limit) };
}

/** The operator opened their review: only they can mark it seen (a supervisor looking at it does not). */
export function markSeen(ctx: CrmContext, tx: WriteDb, id: string): void {
  const me = ctx.settings().currentEmployeeId;
  const row = tx.select({ operatorId: qaReviews.operatorId, seenAt: qaReviews.seenAt }).from(qaReviews).where(and(eq(qaReviews.id, id), isNull(qaReviews.deletedAt))).get();
  if (!row) throw notFound('Review', id);
  if (!me || row.operatorId !== me) throw new DomainError('conflict', 'qa_review_not_yours', 'Only the operator whose call it was marks a review seen');
  if (row.seenAt !== null) return;
  const now = ctx.clock.now();
  tx.update(qaReviews).set({ seenAt: now, updatedAt: now, updatedBy: me }).where(eq(qaReviews.id, id)).run();
}
