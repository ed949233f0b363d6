import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptsToPlace, pacedRatio } from '#core/dialer/session/power-pacing';

describe('power pacing', () => {
  it('dials the full ratio well under the cap, backs off as the rate nears it, one line at or over it', () => {
    const base = { maxRatio: 3, abandonCap: 0.03 };
    expect(pacedRatio({ ...base, abandoned: 0, liveAnswered: 200 })).toBe(3);
    expect(pacedRatio({ ...base, abandoned: 3, liveAnswered: 200 })).toBe(3); // 1.5 %: half the cap
    expect(pacedRatio({ ...base, abandoned: 4, liveAnswered: 200 })).toBeCloseTo(1 + 2 * (1 / 1.5), 5); // 2 %
    expect(pacedRatio({ ...base, abandoned: 6, liveAnswered: 200 })).toBe(1); // 3 %: at the cap
    expect(pacedRatio({ ...base, abandoned: 9, liveAnswered: 200 })).toBe(1);
    // Too few live answers to know the rate: one line per operator.
    expect(pacedRatio({ ...base, abandoned: 0, liveAnswered: 20 })).toBe(1);
  });

  it('never lowers the ratio below one nor raises it above the campaign’s, and never asks for negative attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 60 }), (abandoned, liveAnswered, maxRatio, abandonCap, readyOperators, attemptsOut) => {
        const ratio = pacedRatio({ maxRatio, abandoned, liveAnswered, abandonCap });
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(maxRatio);
        // Nearer the cap never dials more.
        expect(pacedRatio({ maxRatio, abandoned: abandoned + 1, liveAnswered, abandonCap })).toBeLessThanOrEqual(ratio);
        expect(attemptsToPlace({ readyOperators, attemptsOut, maxRatio, abandoned, liveAnswered, abandonCap })).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never has more lines beyond the ready operators out than abandons the cap has room for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (abandoned, liveAnswered, maxRatio, readyOperators, attemptsOut) => {
        const state = { readyOperators, attemptsOut, maxRatio, abandoned, liveAnswered, abandonCap: 0.03 };
        const placed = attemptsToPlace(state);
        const budgetLeft = Math.floor(0.03 * liveAnswered + 1e-9) - abandoned;
        if (placed > 0) expect(attemptsOut + placed - readyOperators).toBeLessThanOrEqual(Math.max(0, budgetLeft));
      }),
    );
    // 40 live, none abandoned: the full ratio (3) by the rate, but room for one abandon only, so one extra line.
    expect(attemptsToPlace({ readyOperators: 1, attemptsOut: 0, maxRatio: 3, abandoned: 0, liveAnswered: 40, abandonCap: 0.03 })).toBe(2);
    // 200 live, 2 abandoned: room for four, the full ratio.
    expect(attemptsToPlace({ readyOperators: 1, attemptsOut: 0, maxRatio: 3, abandoned: 2, liveAnswered: 200, abandonCap: 0.03 })).toBe(3);
  });
});
