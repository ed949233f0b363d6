import type { ZonedTime } from '#contract';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      return null;
    }
    formats.set(zone, format);
  }
  return format;
}

/** True when Intl knows the zone (an IANA name). */
export function isKnownZone(zone: string): boolean {
  return zone === 'UTC' || formatFor(zone) !== null;
}

/** The wall-clock time `YYYY-MM-DDTHH:mm:ss` at a UTC instant in an IANA zone. */
export function localAt(utcMs: number, zone: string): string {
  const format = formatFor(zone);
  if (!format) throw new RangeError(`Unknown time zone ${zone}`);
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(utcMs)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
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
  if (isKnownZone(zone)) return { local: localAt(newUtc, zone === 'UTC' ? 'UTC' : zone), tzid: previous.time.tzid };
  return { local: addMinutes(previous.time.local, Math.round((newUtc - previous.utc) / 60_000)), tzid: previous.time.tzid };
}

/** The UTC instant of a wall-clock time in an IANA zone (in a skipped hour, the instant after the jump). */
export function utcOfLocal(local: string, zone: string): number {
  const asUtc = Date.parse(`${local.length === 10 ? `${local}T00:00:00` : local}Z`);
  const offsetAt = (utc: number) => Date.parse(`${localAt(utc, zone)}Z`) - utc;
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}
