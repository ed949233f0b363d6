import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#core/demo/seed';
import { openScratchDatabase, testNow } from '#tests/support/workstation';

describe('the demo scorecard and reviews', () => {
  let scratch: ReturnType<typeof openScratchDatabase>;
  let written: number;

  beforeAll(() => {
    scratch = openScratchDatabase();
    // The demo seeds the scorecard and its reviews itself (seedQualityDemo, once).
    seedDemo(scratch.database, { contacts: 300, now: testNow, language: 'en' });
    written = (scratch.database.sqlite.prepare('SELECT count(*) AS n FROM qa_reviews').get() as { n: number }).n;
  });

  afterAll(() => scratch?.close());

  const all = <T>(sql: string) => scratch.database.sqlite.prepare(sql).all() as T[];

  it('reviews one answered call in twenty, each by someone other than its operator', () => {
    const answered = all<{ answered: number }>("SELECT count(*) AS answered FROM calls WHERE disposition = 'answered' AND employee_id IS NOT NULL")[0]?.answered ?? 0;
    expect(answered).toBeGreaterThan(40);
    expect(written).toBe(Math.floor(answered / 20));
    const reviews = all<{ operator: string; reviewer: string; started: number; callStarted: number }>(
      'SELECT r.operator_id AS operator, r.reviewer_id AS reviewer, r.call_started_at AS callStarted, c.started_at AS started FROM qa_reviews r JOIN calls c ON c.interaction_id = r.call_id',
    );
    expect(reviews).toHaveLength(written);
    for (const r of reviews) {
      expect(r.reviewer).not.toBe(r.operator);
      expect(r.callStarted).toBe(r.started);
    }
    expect(all<{ name: string }>('SELECT label AS name FROM qa_criteria ORDER BY position').map((c) => c.name)).toHaveLength(5);
  });

  it('keeps each score equal to the weighted share of its points, counted again in SQL', () => {
    const rows = all<{ score: number; recount: number }>(
      `SELECT r.score AS score,
              round(sum(c.weight * s.points * 1.0 / c.max_points) / sum(c.weight) * 100, 2) AS recount
         FROM qa_reviews r JOIN qa_review_scores s ON s.review_id = r.id JOIN qa_criteria c ON c.id = s.criterion_id
        GROUP BY r.id`,
    );
    expect(rows).toHaveLength(written);
    for (const row of rows) expect(row.score).toBeCloseTo(row.recount, 2);
  });
});
