import type { AttemptOutcome, RetryOutcome } from './vocabulary';

/** One earlier attempt to the callee, as the dialer stored it. */
export interface AttemptRecord {
  at: number;
  outcome: AttemptOutcome;
}

/** A conversation took place (or may be taking place): what 230-FZ's contact caps count. */
export function isContact(attempt: AttemptRecord): boolean {
  return attempt.outcome === 'reached' || attempt.outcome === 'pending';
}

/** Attempts that count at instant `at` in a rolling period ending then. */
export function countInPeriod(times: readonly number[], at: number, periodMs: number): number {
  return times.filter((time) => time > at - periodMs).length;
}

/**
 * The earliest instant at or after `at` when fewer than `limit` of `times` fall in the rolling period:
 * the oldest ones have to age out first.
 */
export function capFreesAt(times: readonly number[], at: number, periodMs: number, limit: number): number {
  const inPeriod = times.filter((time) => time > at - periodMs).sort((a, b) => a - b);
  if (inPeriod.length < limit) return at;
  return inPeriod[inPeriod.length - limit]! + periodMs;
}

/** The latest attempt with that outcome, or null. */
export function lastWith(attempts: readonly AttemptRecord[], outcome: RetryOutcome): number | null {
  let last: number | null = null;
  for (const attempt of attempts) if (attempt.outcome === outcome && (last === null || attempt.at > last)) last = attempt.at;
  return last;
}
