import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { employees, interactions } from './crm';

/**
 * Quality control of calls: scorecards of weighted criteria (defined in Settings), a supervisor's review of one call
 * against a scorecard, and the points given per criterion. Ready to be synchronised: stable ids on every row, child
 * rows updated in place, `updated_at`/`updated_by`, tombstones.
 */
const changeColumns = {
  updatedAt: integer('updated_at').notNull(),
  /** The employee who made the last change (null when nobody was chosen on this workstation). */
  updatedBy: text('updated_by'),
};

export const qaScorecards = sqliteTable('qa_scorecards', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  ...changeColumns,
  deletedAt: integer('deleted_at'),
});

/** One thing a call is judged on ("Greeted by name"), its weight in the score and its scale (1: yes/no, 5: 0–5 points). */
export const qaCriteria = sqliteTable(
  'qa_criteria',
  {
    id: text('id').primaryKey(),
    scorecardId: text('scorecard_id')
      .notNull()
      .references(() => qaScorecards.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    weight: real('weight').notNull(),
    maxPoints: integer('max_points').notNull(),
    position: integer('position').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('qa_criteria_scorecard_idx').on(t.scorecardId, t.position)],
);

/**
 * A supervisor's review of one call. `score` (0–100) is the weighted share of points, fixed when the review is
 * saved, so later changes to the scorecard do not rewrite past judgements. The operator and the call's start are
 * copied from the call, so KPIs roll scores up by operator and period from this table alone.
 */
export const qaReviews = sqliteTable(
  'qa_reviews',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    scorecardId: text('scorecard_id')
      .notNull()
      .references(() => qaScorecards.id),
    operatorId: text('operator_id').references(() => employees.id, { onDelete: 'set null' }),
    reviewerId: text('reviewer_id').references(() => employees.id, { onDelete: 'set null' }),
    callStartedAt: integer('call_started_at').notNull(),
    score: real('score').notNull(),
    /** The supervisor's words to the operator, shown on the operator's own screen. */
    comment: text('comment').notNull().default(''),
    reviewedAt: integer('reviewed_at').notNull(),
    /** When the operator opened it (null: not seen yet). */
    seenAt: integer('seen_at'),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('qa_reviews_operator_idx').on(t.operatorId, t.callStartedAt),
    index('qa_reviews_call_idx').on(t.callId),
    index('qa_reviews_call_time_idx').on(t.callStartedAt),
  ],
);

/** The points one criterion got in one review, with an optional remark. */
export const qaReviewScores = sqliteTable(
  'qa_review_scores',
  {
    id: text('id').primaryKey(),
    reviewId: text('review_id')
      .notNull()
      .references(() => qaReviews.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id')
      .notNull()
      .references(() => qaCriteria.id),
    points: integer('points').notNull(),
    comment: text('comment').notNull().default(''),
    ...changeColumns,
  },
  (t) => [uniqueIndex('qa_review_scores_unique').on(t.reviewId, t.criterionId)],
);
