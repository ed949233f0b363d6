import type { ZonedTime } from '#contract';
import { instantsOfWallTime, isKnownZone, wallClock } from '#core/shared/zoned-time';

export { isKnownZone };

/** The wall-clock time `YYYY-MM-DDTHH:mm:ss` at a UTC instant in an IANA zone. */
export function localAt(utcMs: number, zone: string): string {
  if (!isKnownZone(zone)) throw new RangeError(`Unknown time zone ${zone}`);
  const { date, secondOfDay } = wallClock(utcMs, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}`;
}

/** Minutes added to a wall-clock time, on the clock face (10:00 + 90 min = 11:30 whatever the zone does). */
export function addMinutes(local: string, minutes: number): string {
  const dateOnly = local.length === 10;
  const [datePart, timePart = '00:00:00'] = local.split('T') as [string, string?];
  const [y, m, d] = datePart.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = timePart.split(':').map(Number) as [number, number, number?];
  const iso = new Date(Date.UTC(y, m - 1, d, hh, mm, ss) + minutes * 60_000).toISOString();
  return dateOnly ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Minutes between two wall-clock times on the clock face. */
export function minutesBetween(from: string, to: string): number {
  const ms = (local: string) => Date.parse(`${local.length === 10 ? `${local}T00:00:00` : local}Z`);
  return Math.round((ms(to) - ms(from)) / 60_000);
}

/** Seconds written out: the contract accepts `HH:mm`, the iCalendar layer wants `HH:mm:ss`. */
export function normalizedTime(time: ZonedTime): ZonedTime {
  return time.local.length === 16 ? { local: `${time.local}:00`, tzid: time.tzid } : time;
}

/**
 * A new instant (a drag on the grid) as a wall-clock time in the item's own zone, so the item stays in its
 * zone. Floating items read in the workstation's zone; a zone Intl does not know (a server's own VTIMEZONE
 * name) moves the old wall-clock time by the same number of minutes.
 */
export function movedTo(newUtc: number, previous: { utc: number; time: ZonedTime }, workstationZone: string): ZonedTime {
  const zone = previous.time.tzid ?? workstationZone;
  if (previous.time.local.length === 10) return { local: localAt(newUtc, workstationZone).slice(0, 10), tzid: null };
  if (isKnownZone(zone)) return { local: localAt(newUtc, zone), tzid: previous.time.tzid };
  return { local: addMinutes(previous.time.local, Math.round((newUtc - previous.utc) / 60_000)), tzid: previous.time.tzid };
}

/** The UTC instant of a wall-clock time in an IANA zone (twice in the hour clocks go back: the first; skipped: the instant after the jump). */
export function utcOfLocal(local: string, zone: string): number {
  const [date, time = '00:00:00'] = local.split('T') as [string, string?];
  const [h = 0, m = 0, sec = 0] = time.split(':').map(Number);
  return instantsOfWallTime(date, h * 3600 + m * 60 + sec, zone)[0] ?? Date.parse(`${date}T${time}Z`);
}
