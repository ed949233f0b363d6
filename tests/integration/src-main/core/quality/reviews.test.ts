import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { qaCriteria, qaReviews, qaReviewScores } from '#core/db/schema';
import { manualClock } from '#core/shared/clock';
import { ok } from '#tests/support/crm';
import { answeredCall } from '#tests/support/quality';
import { callApi, createTestWorkstation, testNow } from '#tests/support/workstation';

/** "Оксана" (the workstation's current employee) reviews calls of her colleague "Андрій". */
async function qualityStation() {
  const clock = manualClock(testNow);
  const workstation = createTestWorkstation({ clock });
  const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
  const colleague = await ok(workstation, 'employees.save', { name: 'Андрій Мороз', extension: '102' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id });
  const station = { workstation, me, colleague, clock };
  const card = await ok(workstation, 'quality.saveScorecard', {
    name: 'Вхідні дзвінки',
    criteria: [
      { label: 'Привітався за стандартом', weight: 1, maxPoints: 1 },
      { label: 'Виявив потребу', weight: 3, maxPoints: 5 },
      { label: 'Підсумував домовленості', weight: 2, maxPoints: 4 },
    ],
  });
  const callId = answeredCall(workstation, { operatorId: station.colleague.id, startedAt: testNow - 3_600_000 });
  return { ...station, card, callId };
}

function pointsFor(card: { criteria: { id: string }[] }, points: number[]) {
  return card.criteria.map((c, i) => ({ criterionId: c.id, points: points[i] ?? 0 }));
}

describe('reviews of calls on a weighted scorecard', () => {
  it('scores Σ(weight·points/max)/Σweight·100, copying the operator and the call start from the call', async () => {
    const { workstation, card, callId, me, colleague } = await qualityStation();
    const review = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, comment: 'Добре', scores: pointsFor(card, [1, 3, 2]) });
    // (1·1/1 + 3·3/5 + 2·2/4) / (1+3+2) · 100 = (1 + 1.8 + 1) / 6 · 100 = 63.33…
    expect(review.score).toBe(63.33);
    expect(review).toMatchObject({ operatorId: colleague.id, reviewerId: me.id, callStartedAt: testNow - 3_600_000, reviewedAt: testNow, seenAt: null, comment: 'Добре' });
    expect(review.scores.map((s) => [s.label, s.points])).toEqual([
      ['Привітався за стандартом', 1],
      ['Виявив потребу', 3],
      ['Підсумував домовленості', 2],
    ]);
    const full = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 5, 4]) });
    expect(full.score).toBe(100);
    const none = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [0, 0, 0]) });
    expect(none.score).toBe(0);
    expect((await ok(workstation, 'quality.call', { callId })).reviews.map((r) => r.score).sort()).toEqual([0, 100, 63.33].sort());
  });

  it('keeps a saved score when the weights change later; an edit recomputes it and updates the rows in place', async () => {
    const { workstation, card, callId } = await qualityStation();
    const review = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [0, 5, 4]) });
    // (0 + 3 + 2) / 6 · 100
    expect(review.score).toBe(83.33);
    await ok(workstation, 'quality.saveScorecard', { id: card.id, name: card.name, criteria: card.criteria.map((c) => ({ ...c, weight: c.maxPoints === 1 ? 10 : c.weight })) });
    expect((await ok(workstation, 'quality.call', { callId })).reviews[0]?.score).toBe(83.33);

    const rowIds = workstation.database.read.select({ id: qaReviewScores.id }).from(qaReviewScores).where(eq(qaReviewScores.reviewId, review.id)).all();
    const edited = await ok(workstation, 'quality.saveReview', { id: review.id, callId, scorecardId: card.id, comment: 'Переглянуто', scores: pointsFor(card, [0, 5, 4]) });
    // Now with weight 10 on the greeting: (0 + 3 + 2) / 15 · 100
    expect(edited).toMatchObject({ id: review.id, score: 33.33, comment: 'Переглянуто' });
    expect(workstation.database.read.select({ id: qaReviewScores.id }).from(qaReviewScores).where(eq(qaReviewScores.reviewId, review.id)).all()).toEqual(rowIds);
  });

  it('shows the points of a criterion removed after the review, but not once the review is saved again without it', async () => {
    const { workstation, card, callId, clock } = await qualityStation();
    const review = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 5, 0]) });
    clock.advance(60_000);
    const [greeting, needs] = card.criteria;
    const trimmed = await ok(workstation, 'quality.saveScorecard', { id: card.id, name: card.name, criteria: [greeting!, needs!] });
    expect((await ok(workstation, 'quality.call', { callId })).reviews[0]?.scores).toHaveLength(3);
    clock.advance(60_000);
    const edited = await ok(workstation, 'quality.saveReview', { id: review.id, callId, scorecardId: card.id, scores: pointsFor(trimmed, [1, 5]) });
    // (1 + 3) / 4 · 100, over the criteria in use.
    expect(edited.score).toBe(100);
    expect(edited.scores.map((s) => s.label)).toEqual(['Привітався за стандартом', 'Виявив потребу']);
  });

  it('refuses points out of range, unknown or missing criteria with typed reasons, writing nothing', async () => {
    const { workstation, card, callId } = await qualityStation();
    const tooMany = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 6, 2]) });
    expect(tooMany.ok || tooMany.error.issues).toEqual([expect.objectContaining({ path: 'scores.1.points', code: 'qa_points_out_of_range', params: { minimum: 0, maximum: 5 } })]);
    const negative = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [-1, 1, 2]) });
    expect(negative.ok || negative.error.issues).toEqual([expect.objectContaining({ path: 'scores.0.points', code: 'qa_points_out_of_range' })]);
    const missing = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 1]).slice(0, 2) });
    expect(missing.ok || missing.error.issues).toEqual([expect.objectContaining({ path: 'scores', code: 'qa_criterion_missing', params: { id: card.criteria[2]?.id } })]);
    const unknown = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: [...pointsFor(card, [1, 1, 1]), { criterionId: 'nope', points: 1 }] });
    expect(unknown.ok || unknown.error.issues).toEqual([expect.objectContaining({ path: 'scores.3.criterionId', code: 'qa_criterion_unknown' })]);
    const notACall = await callApi(workstation, 'quality.saveReview', { callId: 'no-such-call', scorecardId: card.id, scores: pointsFor(card, [1, 1, 1]) });
    expect(notACall.ok || notACall.error).toMatchObject({ code: 'not_found', reason: 'record_gone' });
    expect(workstation.database.read.select().from(qaReviews).all()).toEqual([]);
    expect(workstation.database.read.select().from(qaReviewScores).all()).toEqual([]);
  });

  it('a deleted review is a tombstone: gone from the call and the operator, kept in the table', async () => {
    const { workstation, card, callId, colleague } = await qualityStation();
    const review = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 1, 1]) });
    await ok(workstation, 'quality.deleteReview', { id: review.id });
    expect((await ok(workstation, 'quality.call', { callId })).reviews).toEqual([]);
    expect(workstation.database.read.select({ deletedAt: qaReviews.deletedAt }).from(qaReviews).all()).toEqual([{ deletedAt: testNow }]);
    await ok(workstation, 'settings.update', { currentEmployeeId: colleague.id });
    expect(await ok(workstation, 'quality.myReviews', {})).toEqual({ unseen: 0, rows: [] });
    const again = await callApi(workstation, 'quality.deleteReview', { id: review.id });
    expect(again.ok || again.error.code).toBe('not_found');
  });
});

describe('the operator reading their own reviews', () => {
  it('lists only their reviews newest call first, counts the unseen and marks one seen; only they can', async () => {
    const { workstation, card, callId, me, colleague } = await qualityStation();
    const later = answeredCall(workstation, { operatorId: colleague.id, startedAt: testNow - 600_000 });
    const mine = answeredCall(workstation, { operatorId: me.id, startedAt: testNow - 60_000 });
    const first = await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, comment: 'Не забувайте підсумок', scores: pointsFor(card, [1, 2, 0]) });
    const second = await ok(workstation, 'quality.saveReview', { callId: later, scorecardId: card.id, comment: 'Чудово', scores: pointsFor(card, [1, 5, 4]) });
    await ok(workstation, 'quality.saveReview', { callId: mine, scorecardId: card.id, scores: pointsFor(card, [1, 5, 4]) });

    // The supervisor cannot mark the operator's review read for them.
    const notYours = await callApi(workstation, 'quality.markSeen', { id: first.id });
    expect(notYours.ok || notYours.error.reason).toBe('qa_review_not_yours');

    await ok(workstation, 'settings.update', { currentEmployeeId: colleague.id });
    const before = await ok(workstation, 'quality.myReviews', {});
    expect(before.unseen).toBe(2);
    expect(before.rows.map((r) => [r.id, r.comment, r.reviewerName])).toEqual([
      [second.id, 'Чудово', 'Оксана Литвин'],
      [first.id, 'Не забувайте підсумок', 'Оксана Литвин'],
    ]);
    await ok(workstation, 'quality.markSeen', { id: first.id });
    await ok(workstation, 'quality.markSeen', { id: first.id });
    const after = await ok(workstation, 'quality.myReviews', {});
    expect(after.unseen).toBe(1);
    expect(after.rows.find((r) => r.id === first.id)?.seenAt).toBe(testNow);
    const row = workstation.database.read.select({ updatedBy: qaReviews.updatedBy }).from(qaReviews).where(eq(qaReviews.id, first.id)).get();
    expect(row?.updatedBy).toBe(colleague.id);
  });

  it('needs a current employee to review', async () => {
    const { workstation, card, callId } = await qualityStation();
    await ok(workstation, 'settings.update', { currentEmployeeId: null });
    const refused = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: pointsFor(card, [1, 1, 1]) });
    expect(refused.ok || refused.error.reason).toBe('choose_who_you_are');
    expect(workstation.database.read.select().from(qaCriteria).all()).toHaveLength(3);
  });
});
