import { describe, expect, it } from 'vitest';
import { weightedScore } from '#contract';

describe('the weighted score of a review', () => {
  it('is Σ(weight·points/max) / Σweight · 100, counted by hand', () => {
    // (2·1/1 + 1·2/5 + 3·3/4) / (2 + 1 + 3) · 100 = (2 + 0.4 + 2.25) / 6 · 100 = 77.5
    expect(
      weightedScore([
        { weight: 2, maxPoints: 1, points: 1 },
        { weight: 1, maxPoints: 5, points: 2 },
        { weight: 3, maxPoints: 4, points: 3 },
      ]),
    ).toBe(77.5);
  });

  it('runs from 0 to 100 and rounds to a hundredth', () => {
    expect(weightedScore([{ weight: 1, maxPoints: 3, points: 0 }])).toBe(0);
    expect(weightedScore([{ weight: 0.5, maxPoints: 3, points: 3 }])).toBe(100);
    expect(weightedScore([{ weight: 1, maxPoints: 3, points: 1 }])).toBe(33.33);
    expect(weightedScore([{ weight: 1, maxPoints: 3, points: 2 }])).toBe(66.67);
  });

  it('is 0 for nothing to weigh', () => {
    expect(weightedScore([])).toBe(0);
  });
});
