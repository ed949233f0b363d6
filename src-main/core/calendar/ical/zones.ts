import ICAL from 'ical.js';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { isKnownZone, wallClock } from '#core/shared/zoned-time';
import type { ZonedTime } from './calendar-item';

type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

const minuteMs = 60_000;
const offsetCacheLimit = 50_000;

/**
 * An IANA zone read through Intl, for TZIDs a resource names without a VTIMEZONE and for floating times.
 * It is an ICAL.Timezone so that ical.js compares its times (UNTIL, EXDATE) at the right instants; it never
 * enters ical.js's global TimezoneService, so no resource's definitions leak into another's.
 */
export class IntlZone extends ICAL.Timezone {
  readonly #offsets = new Map<number, number>();

  /** Use intlZone(): it checks the name. */
  constructor(tzid: string) {
    super({ tzid });
  }

  /** Offset in seconds at a UTC instant. */
  offsetAtUtc(utcMs: number): number {
    // Zones change offset on whole quarter hours: one Intl call per quarter hour seen.
    const bucket = Math.floor(utcMs / (15 * minuteMs));
    const cached = this.#offsets.get(bucket);
    if (cached !== undefined) return cached;
    const at = bucket * 15 * minuteMs;
    const clock = wallClock(at, this.tzid);
    const offset = Math.round((Date.parse(`${clock.date}T00:00:00Z`) + clock.secondOfDay * 1000 - at) / 1000);
    if (this.#offsets.size > offsetCacheLimit) this.#offsets.clear();
    this.#offsets.set(bucket, offset);
    return offset;
  }

  /**
   * Offset in seconds for a wall-clock time. In the hour repeated when clocks go back, the first (earlier)
   * instant; in the hour skipped when they go forward, the offset before the change (the time moves later).
   */
  override utcOffset(tt: Time): number {
    const wall = wallMs(tt);
    const before = this.offsetAtUtc(wall - 14 * 3_600_000);
    const after = this.offsetAtUtc(wall + 14 * 3_600_000);
    if (before === after) return before;
    const candidates = [before, after].filter((offset) => this.offsetAtUtc(wall - offset * 1000) === offset);
    if (candidates.length === 0) return before;
    return Math.max(...candidates);
  }
}

const intlZones = new Map<string, IntlZone | null>();

/** The IANA zone of that name, or null when Intl does not know it. */
export function intlZone(tzid: string): IntlZone | null {
  let zone = intlZones.get(tzid);
  if (zone === undefined) {
    zone = isKnownZone(tzid) ? new IntlZone(tzid) : null;
    intlZones.set(tzid, zone);
  }
  return zone;
}

/** Wall-clock fields of a time as if they were UTC, in ms. */
export function wallMs(time: Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
}

export function isUtc(time: Time): boolean {
  return time.zone === ICAL.Timezone.utcTimezone;
}

export function isFloating(time: Time): boolean {
  return time.isDate || !time.zone || time.zone === ICAL.Timezone.localTimezone;
}

/** The UTC instant of a time; floating times and dates are read in the floating zone. */
export function utcOf(time: Time, floating: IntlZone): number {
  if (isUtc(time)) return wallMs(time);
  const zone = isFloating(time) ? floating : (time.zone);
  return wallMs(time) - zone.utcOffset(time) * 1000;
}

/** The wall-clock time of a UTC instant in a zone, as an ICAL.Time carrying that zone. */
export function timeAt(utcMs: number, zone: Timezone): Time {
  const offsetSeconds = zone instanceof IntlZone ? zone.offsetAtUtc(utcMs) : ICAL.Timezone.utcTimezone === zone ? 0 : undefined;
  if (offsetSeconds !== undefined) {
    const time = ICAL.Time.fromJSDate(new Date(utcMs + offsetSeconds * 1000), true);
    time.zone = zone;
    return time;
  }
  const time = ICAL.Time.fromJSDate(new Date(utcMs), true);
  return time.convertToZone(zone);
}

const sharedZones = new Map<string, Timezone>();
const sharedZonesLimit = 1_000;

/**
 * The zone a resource's own VTIMEZONE defines for a TZID, or null. ical.js expands a zone's rules from their
 * first DTSTART (often 1970) on first use, about 2 ms: resources carrying the very same definition share one
 * expanded zone. The key is the whole definition, so two different definitions under one TZID never mix.
 */
export function resourceZone(calendar: InstanceType<typeof ICAL.Component>, tzid: string): Timezone | null {
  // DTSTART, DTEND and every EXDATE name the zone: it is looked up once per resource.
  let resolved = resolvedZones.get(calendar);
  if (!resolved) {
    resolved = new Map();
    resolvedZones.set(calendar, resolved);
  }
  let zone = resolved.get(tzid);
  if (zone === undefined) {
    zone = sharedZone(calendar, tzid);
    resolved.set(tzid, zone);
  }
  return zone;
}

const resolvedZones = new WeakMap<InstanceType<typeof ICAL.Component>, Map<string, Timezone | null>>();

function sharedZone(calendar: InstanceType<typeof ICAL.Component>, tzid: string): Timezone | null {
  const definition = calendar.getAllSubcomponents('vtimezone').find((zone) => zone.getFirstPropertyValue('tzid') === tzid);
  if (!definition) return null;
  const key = JSON.stringify(definition.jCal);
  let zone = sharedZones.get(key);
  if (!zone) {
    // A copy: the cached zone must not keep the resource it came from alive.
    zone = new ICAL.Timezone({ component: new ICAL.Component(JSON.parse(key) as unknown[]), tzid });
    if (sharedZones.size >= sharedZonesLimit) sharedZones.clear();
    sharedZones.set(key, zone);
  }
  return zone;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localString(time: Time): string {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  return time.isDate ? date : `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

/** A time as written: its TZID parameter, 'UTC' for Z times, null for floating times and dates. */
export function zonedTimeOf(time: Time, tzidParam: string | null): ZonedTime {
  if (time.isDate) return { local: localString(time), tzid: null };
  if (isUtc(time)) return { local: localString(time), tzid: 'UTC' };
  return { local: localString(time), tzid: tzidParam };
}

const zonedPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/** An ICAL.Time for a ZonedTime, zone not yet attached; null when `local` is not in the documented form. */
export function timeOfLocal(local: string): Time | null {
  const match = zonedPattern.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (hour === undefined) return ICAL.Time.fromData({ year, month, day, isDate: true });
  return ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false });
}

/** The VTIMEZONE block of an IANA zone, for resources we write; null for zones the library does not have. */
export function vtimezoneFor(tzid: string): InstanceType<typeof ICAL.Component> | null {
  let jcal = vtimezoneCache.get(tzid);
  if (jcal === undefined) {
    jcal = libraryVtimezone(tzid);
    vtimezoneCache.set(tzid, jcal);
  }
  // Each resource gets its own copy: a component belongs to one parent.
  return jcal === null ? null : new ICAL.Component(structuredClone(jcal));
}

/** The library reads and parses its zone file on every call (most of a new item's cost): once per zone is enough. */
const vtimezoneCache = new Map<string, unknown[] | null>();

function libraryVtimezone(tzid: string): unknown[] | null {
  // Asked for a zone it lacks, the library prints to the console: ask only for zones on its list.
  libraryZones ??= new Set(tzlib_get_timezones(false) as string[]);
  if (!libraryZones.has(tzid)) return null;
  const block = tzlib_get_ical_block(tzid);
  const text = Array.isArray(block) ? block[0] : null;
  if (!text?.startsWith('BEGIN:VTIMEZONE')) return null;
  const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
  // The library may answer under the zone's canonical name (UTC → Etc/UTC); the events name it as asked.
  component.updatePropertyWithValue('tzid', tzid);
  return component.toJSON() as unknown[];
}

let libraryZones: Set<string> | undefined;
