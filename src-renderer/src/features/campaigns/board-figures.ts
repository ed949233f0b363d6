/** Share of the cap at which the abandon gauge warns, and at which it turns red. */
const warnAt = 0.5;
const alarmAt = 0.8;

export interface AbandonGauge {
  /** How much of the cap is used, 0–100. */
  percentOfCap: number;
  color: 'teal' | 'yellow' | 'red';
}

/** The abandon rate against the campaign's cap, for a progress bar that turns red near the cap. */
export function abandonGauge(rate: number, cap: number): AbandonGauge {
  const used = cap > 0 ? rate / cap : rate > 0 ? 1 : 0;
  return { percentOfCap: Math.min(100, used * 100), color: used >= alarmAt ? 'red' : used >= warnAt ? 'yellow' : 'teal' };
}

/** Whole minutes from `since` to `now` (the board's "for 3 min"). */
export function minutesSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}
