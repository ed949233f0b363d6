import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CallDispositionSchema, DirectionSchema } from './interactions';

/** Quality control of calls: scorecards of weighted criteria, supervisors' reviews, the operator's view of them. */

/** One thing a call is judged on: its weight in the score and its scale (1: yes/no, N: 0…N points). */
export const QaCriterionSchema = z.object({
  id: IdSchema,
  label: z.string(),
  description: z.string(),
  weight: z.number(),
  maxPoints: z.number().int(),
});
export type QaCriterion = z.infer<typeof QaCriterionSchema>;

export const QaScorecardSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  /** The criteria in use, in order (removed ones are not listed; reviews that scored them keep their points). */
  criteria: z.array(QaCriterionSchema),
  updatedAt: TimestampSchema,
});
export type QaScorecard = z.infer<typeof QaScorecardSchema>;

/** A scorecard as Settings saves it: a criterion with an id is updated in place, one without is added, one left out is removed. */
export const QaScorecardInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  criteria: z
    .array(
      z.strictObject({
        id: IdSchema.optional(),
        label: z.string().trim().min(1).max(200),
        description: z.string().max(1000).default(''),
        weight: z.number().finite().positive().max(1000),
        maxPoints: z.number().int().min(1).max(100),
      }),
    )
    .min(1)
    .max(100),
});
export type QaScorecardInput = z.input<typeof QaScorecardInputSchema>;

export const QaReviewSchema = z.object({
  id: IdSchema,
  callId: IdSchema,
  scorecardId: IdSchema,
  scorecardName: z.string(),
  operatorId: IdSchema.nullable(),
  operatorName: z.string().nullable(),
  reviewerId: IdSchema.nullable(),
  reviewerName: z.string().nullable(),
  callStartedAt: TimestampSchema,
  /** 0–100, fixed when the review was saved. */
  score: z.number(),
  comment: z.string(),
  reviewedAt: TimestampSchema,
  seenAt: TimestampSchema.nullable(),
  scores: z.array(z.object({ criterionId: IdSchema, label: z.string(), maxPoints: z.number().int(), points: z.number().int(), comment: z.string() })),
});
export type QaReview = z.infer<typeof QaReviewSchema>;

export const QaReviewInputSchema = z.strictObject({
  /** Given: that review is edited in place. */
  id: IdSchema.optional(),
  callId: IdSchema,
  scorecardId: IdSchema,
  comment: z.string().max(4000).default(''),
  /** Points for every criterion of the scorecard in use, each within 0…its maximum. */
  scores: z.array(z.strictObject({ criterionId: IdSchema, points: z.number().int(), comment: z.string().max(2000).default('') })).max(100),
});
export type QaReviewInput = z.input<typeof QaReviewInputSchema>;

/** One call as its page shows it: the facts, whether it was recorded, and its reviews (script and answers: scriptRuns.get, responses.forCall). */
export const QaCallSchema = z.object({
  id: IdSchema,
  occurredAt: TimestampSchema,
  direction: DirectionSchema.nullable(),
  subject: z.string(),
  outcome: z.string().nullable(),
  remoteNumber: z.string().nullable(),
  remoteName: z.string().nullable(),
  contact: z.object({ id: IdSchema, name: z.string() }).nullable(),
  operator: z.object({ id: IdSchema, name: z.string() }).nullable(),
  campaign: z.object({ id: IdSchema, name: z.string() }).nullable(),
  disposition: CallDispositionSchema.nullable(),
  durationSeconds: z.number().int().nullable(),
  talkSeconds: z.number().int().nullable(),
  holdSeconds: z.number().int().nullable(),
  wrapUpSeconds: z.number().int().nullable(),
  mos: z.number().nullable(),
  hasRecording: z.boolean(),
  scripted: z.boolean(),
  reviews: z.array(QaReviewSchema),
});
export type QaCall = z.infer<typeof QaCallSchema>;

export const QaMyReviewsSchema = z.object({ unseen: z.number().int().nonnegative(), rows: z.array(QaReviewSchema) });

const ok = z.object({ ok: z.literal(true) });

export const qualityMethods = {
  'quality.scorecards': { input: z.strictObject({}), output: z.array(QaScorecardSchema) },
  'quality.saveScorecard': { input: QaScorecardInputSchema, output: QaScorecardSchema },
  /** A tombstone: reviews made with it keep their scores. */
  'quality.deleteScorecard': { input: z.strictObject({ id: IdSchema }), output: ok },
  'quality.call': { input: z.strictObject({ callId: IdSchema }), output: QaCallSchema },
  'quality.saveReview': { input: QaReviewInputSchema, output: QaReviewSchema },
  'quality.deleteReview': { input: z.strictObject({ id: IdSchema }), output: ok },
  /** The current employee's own reviews, newest first, with how many they have not opened. */
  'quality.myReviews': { input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }), output: QaMyReviewsSchema },
  'quality.markSeen': { input: z.strictObject({ id: IdSchema }), output: ok },
} as const;

/**
 * Σ(weight · points / max) / Σweight · 100: the weighted share of points, 0–100, rounded to a hundredth. Main fixes
 * it when a review is saved; the review form shows it live with the same arithmetic.
 */
export function weightedScore(scored: ReadonlyArray<{ weight: number; maxPoints: number; points: number }>): number {
  const totalWeight = scored.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return 0;
  const earned = scored.reduce((sum, c) => sum + (c.weight * c.points) / c.maxPoints, 0);
  return Math.round((earned / totalWeight) * 10_000) / 100;
}
