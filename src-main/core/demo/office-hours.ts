import type { SeededRandom } from './random';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const opens = 9 * hour;
const workday = 9 * hour;

/**
 * Moments in the office's working hours (9:00–18:00, Monday to Friday, on its own clock), counted in
 * working days back from "now" or ahead of it, so the demo's history looks like a working week (and
 * the ones before it) and its plans fall in the coming days. Plain arithmetic, no Date: it runs for
 * every row of a million-contact dataset.
 */
export class OfficeHours {
  /** Working days, newest first: today's start (if today is one and the office has opened) and back. */
  private readonly past: number[] = [];
  /** Working days after today, soonest first. */
  private readonly ahead: number[] = [];
  private readonly localNow: number;

  constructor(
    readonly now: number,
    private readonly utcOffsetMs: number,
    span = 800,
  ) {
    this.localNow = now + utcOffsetMs;
    const today = Math.floor(this.localNow / day);
    for (let d = today; this.past.length < span; d--) {
      if (!isWorkingDay(d)) continue;
      if (d === today && this.localNow - d * day <= opens + minute) continue;
      this.past.push(d * day);
    }
    for (let d = today + 1; this.ahead.length < 30; d++) if (isWorkingDay(d)) this.ahead.push(d * day);
  }

  /** A moment `daysBack` working days ago (0 is today so far, if the office is open), to the second. */
  before(random: SeededRandom, daysBack: number): number {
    const start = this.past[Math.min(daysBack, this.past.length - 1)] as number;
    const open = Math.min(workday, this.localNow - start - opens);
    return start + opens + random.int(0, Math.floor(open / 1000) - 1) * 1000 - this.utcOffsetMs;
  }

  /** A moment in the `daysAhead`-th working day to come (0 is the next), on a quarter hour: plans are made so. */
  after(random: SeededRandom, daysAhead: number): number {
    const start = this.ahead[Math.min(daysAhead, this.ahead.length - 1)] as number;
    return start + opens + random.int(0, workday / (15 * minute) - 1) * 15 * minute - this.utcOffsetMs;
  }

  /** A moment within the same working day, `minutes` later at most but never past now or closing time. */
  laterThe(at: number, random: SeededRandom, minutes: number): number | null {
    const closes = Math.floor((at + this.utcOffsetMs) / day) * day + opens + workday - this.utcOffsetMs;
    const latest = Math.min(at + minutes * minute, closes, this.now - 1000);
    if (latest <= at + minute) return null;
    return at + minute + random.int(0, Math.floor((latest - at - minute) / 1000)) * 1000;
  }
}

/** Day 0 of the epoch (1 January 1970) was a Thursday. */
function isWorkingDay(dayNumber: number): boolean {
  const weekday = (dayNumber + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}
