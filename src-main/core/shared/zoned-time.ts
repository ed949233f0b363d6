/**
 * Wall-clock arithmetic in IANA zones on the platform's own tz data (Intl), DST included: the wall
 * clock a callee sees at an instant, and the instants at which a wall time happens on a given date.
 */

/** A callee's wall clock at one instant. */
export interface WallClock {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  /** Seconds since local midnight (0..86399). */
  secondOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the platform knows this IANA zone name. */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    // Intl throws RangeError for a name it does not know; that is the answer, not a failure.
    return false;
  }
}

const EN_US_NUMERIC = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The wall clock in `zone` at `epochMs`, as epoch-like milliseconds (the local fields read as if UTC). */
function wallMs(epochMs: number, zone: string): number {
  const formatter = formatterFor(zone);
  // format() is several times faster than formatToParts(), and this runs for every zone of every decision.
  const match = EN_US_NUMERIC.exec(formatter.format(epochMs));
  if (match !== null) {
    const [month = 0, day = 0, year = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number);
    return Date.UTC(year, month - 1, day, hour, minute, second);
  }
  // A platform whose en-US pattern differs is still read correctly, only slower.
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(epochMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

function dateText(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

export function wallClock(epochMs: number, zone: string): WallClock {
  const wall = wallMs(epochMs, zone);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: dateText(midnight), secondOfDay: (wall - midnight) / 1000, weekday: new Date(midnight).getUTCDay() };
}

/** "YYYY-MM-DD" plus `days`. */
export function addDays(date: string, days: number): string {
  return dateText(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
export function offsetAt(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallMs(whole, zone) - whole;
}

/** A stretch of time over which a zone keeps one offset: from the previous stretch's `until` to this one's. */
export interface OffsetStretch {
  /** The first instant past this stretch (the transition), or null for the last. */
  until: number | null;
  offsetMs: number;
}

/**
 * The zone's offsets over [from, to), transition by transition (DST, a zone changing its standard time). Zones
 * change at most a few times a year and never twice within 6 hours, so the period is sampled every 6 hours and
 * each change found to the second.
 */
export function offsetStretches(from: number, to: number, zone: string): OffsetStretch[] {
  const step = 6 * 3_600_000;
  const stretches: OffsetStretch[] = [];
  let offset = offsetAt(from, zone);
  for (let low = from; low < to; low += step) {
    const high = Math.min(low + step, to);
    const next = offsetAt(high, zone);
    if (next === offset) continue;
    let a = low;
    let b = high;
    while (b - a > 1000) {
      const mid = a + Math.floor((b - a) / 2000) * 1000;
      if (offsetAt(mid, zone) === offset) a = mid;
      else b = mid;
    }
    stretches.push({ until: b, offsetMs: offset });
    offset = next;
  }
  stretches.push({ until: null, offsetMs: offset });
  return stretches;
}

/**
 * The instants at which the wall clock in `zone` reads `secondOfDay` on `date`: one on an ordinary
 * day, two when DST falls back through it, and — when it springs forward over it, so the wall time never
 * happens — the first instant after the gap (the moment the clocks jump past it).
 */
export function instantsOfWallTime(date: string, secondOfDay: number, zone: string): number[] {
  const wall = Date.parse(`${date}T00:00:00Z`) + secondOfDay * 1000;
  // Offsets either side of any transition near this wall time: zones move by at most a day's worth.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const candidates = [...new Set([wall - before, wall - after, wall - offsetAt(wall, zone)])].sort((a, b) => a - b);
  const exact = candidates.filter((t) => wallMs(t, zone) === wall);
  if (exact.length > 0) return exact;
  // A gap: the wall clock jumps from below `wall` to above it. Find the jump to the second.
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  if (!(wallMs(low, zone) < wall && wallMs(high, zone) > wall)) return [];
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (wallMs(mid, zone) >= wall) high = mid;
    else low = mid;
  }
  return [high];
}
