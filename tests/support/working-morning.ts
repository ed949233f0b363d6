import Holidays from 'date-holidays';
import type { Clock } from '#core/shared/clock';

const ukraine = new Holidays('UA');

/** 08:00 UTC (10:00 or 11:00 in Kyiv) of the first working day in Ukraine after `after`. */
export function nextWorkingMorning(after: number): number {
  const day = new Date(after);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    const holiday = ukraine.isHoliday(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12)));
    if (weekday !== 0 && weekday !== 6 && !holiday) return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
  }
}

/**
 * A clock that runs at real speed from `start` (the next Ukrainian working morning by default) counted from
 * `realStart`, so calling windows are open whatever the hour a test runs while SIP timers keep their real
 * pace; a child process given the same two reads the same time.
 */
export function workingMorningClock(start = nextWorkingMorning(Date.now()), realStart = Date.now()): Clock & { start: number; realStart: number } {
  return { start, realStart, now: () => start + (Date.now() - realStart) };
}
