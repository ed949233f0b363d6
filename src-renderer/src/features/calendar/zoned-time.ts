/**
 * Wall-clock times in IANA zones, for the item editor: an item keeps the zone it was written in, the grid shows
 * instants in the workstation's zone. Intl knows the zones' rules, so no zone database travels with the window.
 */

/** The workstation's own zone (the system's). */
export function workstationZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every zone the window knows, for the zone picker; the workstation's zone is always among them. */
export function knownZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const own = workstationZone();
  return zones.includes(own) ? zones : [own, ...zones];
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at instant `ms`: `{ date: 'YYYY-MM-DD', time: 'HH:mm' }`. */
export function wallClockAt(ms: number, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(partsFormat(zone).formatToParts(ms).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** How far `zone`'s wall clock is ahead of UTC at instant `ms`. */
function offsetAt(ms: number, zone: string): number {
  const parts = Object.fromEntries(partsFormat(zone).formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) names in `zone`. A time the clocks skip (spring
 * forward) lands after the gap, as calendars place it; a repeated hour takes its first pass.
 */
export function instantOf(local: string, zone: string): number {
  const [date = '', time = '00:00'] = local.split('T');
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const day = 24 * 3600 * 1000;
  const before = offsetAt(asUtc - day, zone);
  const after = offsetAt(asUtc + day, zone);
  const valid = [asUtc - before, asUtc - after].filter((instant, i) => offsetAt(instant, zone) === (i === 0 ? before : after));
  return valid.length > 0 ? Math.min(...valid) : asUtc - before;
}

/** `2026-12-02` + `09:30` → `2026-12-02T09:30`. */
export function joinLocal(date: string, time: string): string {
  return `${date}T${time}`;
}

/** The date `days` after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
