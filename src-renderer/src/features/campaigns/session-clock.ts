import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/** Whole seconds left until `at` (negative once it has passed), as a countdown shows them. */
export function secondsUntil(at: number, now: number): number {
  return Math.ceil((at - now) / 1000);
}

/** The wrap-up's timer: seconds left, or seconds over once the campaign's time for it has run out. */
export function wrapUpTimer(endsAt: number, now: number): { seconds: number; overdue: boolean } {
  const left = secondsUntil(endsAt, now);
  return left >= 0 ? { seconds: left, overdue: false } : { seconds: -left, overdue: true };
}

/**
 * The callee's wall clock now ("Tue 14:05"), in their zone as the rules read it. Null without a zone, or
 * with one this browser's time-zone data does not know (Intl refuses it with a RangeError).
 */
export function calleeLocalTime(zone: string | null, now: number, locale: string): string | null {
  if (zone === null) return null;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(now);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * A date-time field's wall-clock text ("2026-03-02 15:00:00") read in the callee's zone (the time the client
 * named), else in this computer's.
 */
export function wallClockToEpoch(text: string, zone: string | null): number {
  if (zone === null) return dayjs(text).valueOf();
  dayjs.extend(utc);
  dayjs.extend(timezone);
  return dayjs.tz(text, zone).valueOf();
}

