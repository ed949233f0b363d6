import type { DayType } from './decision';
import type { EffectivePolicy, Span } from './effective-policy';
import { isPublicHoliday } from './public-holidays';
import { addDays, instantsOfWallTime, wallClock, type WallClock } from '#core/shared/zoned-time';

/** Where the callee may be: every zone their number could be in (or their own zone), and their country's holidays. */
export interface CalleePlace {
  zones: readonly string[];
  country: string | null;
  holidayRegion: string | null;
}

export type WindowRules = Omit<EffectivePolicy['window'], 'refs'>;

/** The window that applies in one zone at one instant. */
export interface ZoneReading {
  zone: string;
  clock: WallClock;
  day: DayType;
  span: Span | null;
  open: boolean;
}

/** How far ahead the next opening is looked for: past Russia's eight-day New Year holidays with room to spare. */
export const OPENING_HORIZON_DAYS = 14;

function dayTypeOf(date: string, weekday: number, rules: WindowRules, place: CalleePlace): DayType {
  if (rules.holidaysAsWeekend && place.country !== null && isPublicHoliday(date, place.country, place.holidayRegion)) return 'holiday';
  return rules.weekendDays.includes(weekday) ? 'weekend' : 'weekday';
}

function spanOn(day: DayType, rules: WindowRules): Span | null {
  return day === 'weekday' ? rules.weekdays : rules.weekends;
}

export function readZone(at: number, zone: string, rules: WindowRules, place: CalleePlace): ZoneReading {
  const clock = wallClock(at, zone);
  const day = dayTypeOf(clock.date, clock.weekday, rules, place);
  const span = spanOn(day, rules);
  return { zone, clock, day, span, open: span !== null && clock.secondOfDay >= span.from && clock.secondOfDay < span.to };
}

/** Open only when it is open in every zone the callee could be in: the most conservative reading. */
export function isWindowOpen(at: number, rules: WindowRules, place: CalleePlace): boolean {
  return place.zones.every((zone) => readZone(at, zone, rules, place).open);
}

/** The largest offset east of UTC (Kiritimati, UTC+14): no local date starts earlier than its midnight read as UTC minus this. */
const MAX_OFFSET_MS = 14 * 3_600_000;

/**
 * The earliest instant at or after `from` at which the window is open in every zone, or null when
 * there is none within the horizon (zones too far apart to share an hour, or no calling days at all).
 * The open set is an intersection of per-zone intervals, so its first instant is `from` itself or one
 * of the zones' openings (DST gaps included); candidates are made a day at a time and each is checked
 * against the window itself, so the common case — open later today or tomorrow — stops early.
 */
export function nextOpening(from: number, rules: WindowRules, place: CalleePlace, horizonDays = OPENING_HORIZON_DAYS): number | null {
  if (isWindowOpen(from, rules, place)) return from;
  const todays = place.zones.map((zone) => ({ zone, today: wallClock(from, zone).date }));
  let pending: number[] = [];
  for (let offset = 0; offset <= horizonDays; offset++) {
    for (const { zone, today } of todays) {
      const date = addDays(today, offset);
      const span = spanOn(dayTypeOf(date, new Date(`${date}T00:00:00Z`).getUTCDay(), rules, place), rules);
      if (span === null) continue;
      for (const instant of instantsOfWallTime(date, span.from, zone)) if (instant > from) pending.push(instant);
    }
    pending.sort((a, b) => a - b);
    // Openings not made yet fall on a later local date in some zone, so none comes before this bound.
    const bound = Math.min(...todays.map(({ today }) => Date.parse(`${addDays(today, offset + 1)}T00:00:00Z`))) - MAX_OFFSET_MS;
    const settled = pending.filter((instant) => instant < bound);
    pending = pending.filter((instant) => instant >= bound);
    const open = settled.find((instant) => isWindowOpen(instant, rules, place));
    if (open !== undefined) return open;
  }
  return pending.find((instant) => isWindowOpen(instant, rules, place)) ?? null;
}
