import ICAL from 'ical.js';
import type { ItemFields, Occurrence } from './calendar-item';
import type { ReadItem, ReadResource, Time } from './read-resource';
import { readResource, timesOf } from './read-resource';
import type { IntlZone } from './zones';
import { isFloating, isUtc, timeAt, utcOf, zonedTimeOf } from './zones';

/** Guards against rules that would run for ever (a secondly rule from 1970): no resource needs more steps. */
const maxSteps = 100_000;
const dayMinutes = 24 * 60;

interface MasterOccurrence {
  time: Time;
  startUtc: number;
  endUtc: number;
}

/** Occurrences overlapping [fromUtc, toUtc), in start order, each with the fields in force for it (override's if any). */
export function expandOccurrences(text: string, fromUtc: number, toUtc: number, floatingZone: string, limit = 10_000): Occurrence[] {
  const result = readResource(text, floatingZone);
  return result.ok ? occurrencesIn(result.read, fromUtc, toUtc, limit) : [];
}

export function occurrencesIn(read: ReadResource, fromUtc: number, toUtc: number, limit: number): Occurrence[] {
  const found: Occurrence[] = [];
  const overridden = overridesByInstant(read);
  const overlaps = (start: number, end: number) => start < toUtc && (end > fromUtc || (end === start && start >= fromUtc));
  const master = read.master;
  if (master) {
    const recurring = isRecurring(master);
    for (const occurrence of masterOccurrences(master, read.floating)) {
      if (occurrence.startUtc >= toUtc) break;
      if (overridden.has(occurrence.startUtc) || !overlaps(occurrence.startUtc, occurrence.endUtc)) continue;
      found.push({
        startUtc: occurrence.startUtc,
        endUtc: occurrence.endUtc,
        recurrenceId: recurring ? occurrence.time.toICALString() : null,
        override: false,
        fields: recurring ? shiftedFields(master, occurrence, read.floating) : master.fields,
      });
    }
  }
  for (const override of overridden.values()) {
    const endUtc = endOf(override, override.startTime, override.startUtc, read.floating);
    if (!overlaps(override.startUtc, endUtc)) continue;
    found.push({ startUtc: override.startUtc, endUtc, recurrenceId: recurrenceIdString(read, override), override: true, fields: override.fields });
  }
  return found.sort((a, b) => a.startUtc - b.startUtc).slice(0, limit);
}

/**
 * Bounds of a resource for indexing: its first start, and an instant at or after its last end (null when a rule
 * never ends). Exact for single items and irregular rules; for plain daily or weekly rules and any rule with
 * UNTIL, read from the rule itself — a series of a year of weekly meetings is not expanded to be stored.
 */
export function resourceBounds(read: ReadResource): { firstStartUtc: number; lastEndUtc: number | null } {
  const overridden = overridesByInstant(read);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const override of overridden.values()) {
    starts.push(override.startUtc);
    ends.push(endOf(override, override.startTime, override.startUtc, read.floating));
  }
  let unbounded = false;
  const master = read.master;
  if (master) {
    unbounded = master.component.getAllProperties('rrule').some((rule) => !(rule.getFirstValue() as InstanceType<typeof ICAL.Recur>).isFinite());
    const ruleEnd = unbounded ? null : lastEndByRule(master, read.floating);
    let firstStart: number | null = null;
    let steps = 0;
    for (const occurrence of masterOccurrences(master, read.floating)) {
      if (++steps >= maxSteps) unbounded = true;
      if (overridden.has(occurrence.startUtc)) continue;
      firstStart ??= occurrence.startUtc;
      if (unbounded) break;
      if (ruleEnd !== null) {
        ends.push(ruleEnd);
        break;
      }
      ends.push(occurrence.endUtc);
    }
    // Every occurrence removed: the master's own start still places the resource.
    starts.push(firstStart ?? master.startUtc);
  }
  return { firstStartUtc: Math.min(...starts), lastEndUtc: unbounded || ends.length === 0 ? null : Math.max(...ends) };
}

const periodMs: Partial<Record<string, number>> = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000 };
/** Zone offsets and DST moves cannot push an occurrence further than this past the rule's own reckoning. */
const slackMs = 2 * 86_400_000;

/**
 * When the rule alone says where the series ends: UNTIL is a hard limit; COUNT of a daily or weekly rule with
 * nothing but BYDAY has at least one occurrence per period. Null when only expansion can tell (RDATE, monthly
 * COUNT rules that may skip months, several rules of different kinds).
 */
function lastEndByRule(master: ReadItem, floating: IntlZone): number | null {
  if (master.component.hasProperty('rdate')) return null;
  const rules = master.component.getAllProperties('rrule').map((p) => p.getFirstValue() as InstanceType<typeof ICAL.Recur>);
  if (rules.length === 0) return null;
  const duration = endOf(master, master.startTime, master.startUtc, floating) - master.startUtc;
  let last = 0;
  for (const rule of rules) {
    if (rule.until) {
      last = Math.max(last, utcOf(rule.until, floating));
      continue;
    }
    const period = periodMs[rule.freq];
    const byParts = Object.keys(rule.parts ?? {}).filter((part) => part !== 'BYDAY');
    if (!rule.count || period === undefined || byParts.length > 0 || (rule.freq === 'DAILY' && rule.parts?.BYDAY)) return null;
    // A weekly rule on several weekdays has that many occurrences a week.
    const perPeriod = rule.freq === 'WEEKLY' ? Math.max(1, rule.parts?.BYDAY?.length ?? 1) : 1;
    last = Math.max(last, master.startUtc + Math.ceil(rule.count / perPeriod) * (rule.interval || 1) * period);
  }
  return last + duration + slackMs;
}

export function isRecurring(master: ReadItem): boolean {
  return master.component.hasProperty('rrule') || master.component.hasProperty('rdate');
}

function* masterOccurrences(master: ReadItem, floating: IntlZone): Generator<MasterOccurrence> {
  if (!isRecurring(master)) {
    yield { time: master.startTime, startUtc: master.startUtc, endUtc: endOf(master, master.startTime, master.startUtc, floating) };
    return;
  }
  const expansion = new ICAL.RecurExpansion({ component: master.component, dtstart: master.startTime });
  for (let steps = 0; steps < maxSteps; steps++) {
    const time = expansion.next();
    if (!time) return;
    const startUtc = utcOf(time, floating);
    yield { time, startUtc, endUtc: endOf(master, time, startUtc, floating) };
  }
}

/** Overrides by the instant they replace, less those an EXDATE removes. */
function overridesByInstant(read: ReadResource): Map<number, ReadItem> {
  const excluded = new Set<number>();
  for (const property of read.master?.component.getAllProperties('exdate') ?? []) {
    for (const time of timesOf(property)) excluded.add(utcOf(time, read.floating));
  }
  const byInstant = new Map<number, ReadItem>();
  for (const override of read.overrides) {
    const instant = override.recurrenceId!.utc;
    if (!excluded.has(instant)) byInstant.set(instant, override);
  }
  return byInstant;
}

function endOf(item: ReadItem, start: Time, startUtc: number, floating: IntlZone): number {
  const minutes = item.fields.durationMinutes;
  // All-day: whole days in the floating zone, each midnight read there (a DST day is 23 or 25 hours long).
  if (start.isDate && minutes % dayMinutes === 0) return utcOf(datePlusMinutes(start, minutes), floating);
  return startUtc + minutes * 60_000;
}

/** The master's fields for one of its occurrences: start and end moved to it. */
function shiftedFields(master: ReadItem, occurrence: MasterOccurrence, floating: IntlZone): ItemFields {
  const fields = master.fields;
  const start = zonedTimeOf(occurrence.time, fields.start.tzid);
  if (!fields.end || !master.endTime) return { ...fields, start };
  const endZone = isUtc(master.endTime) || isFloating(master.endTime) ? (isUtc(master.endTime) ? ICAL.Timezone.utcTimezone : floating) : master.endTime.zone;
  const endTime = master.endTime.isDate ? datePlusMinutes(occurrence.time, fields.durationMinutes) : timeAt(occurrence.endUtc, endZone);
  return { ...fields, start, end: zonedTimeOf(endTime, fields.end.tzid) };
}

function datePlusMinutes(date: Time, minutes: number): Time {
  const end = date.clone();
  end.adjust(Math.round(minutes / dayMinutes), 0, 0, 0);
  return end;
}

/** An override's RECURRENCE-ID as the value its master's occurrence has (in the master's zone), for matching. */
export function recurrenceIdString(read: ReadResource, override: ReadItem): string {
  const own = override.component.getFirstPropertyValue('recurrence-id') as Time;
  const master = read.master;
  if (!master || master.startTime.isDate || own.isDate) return own.toICALString();
  const zone = isUtc(master.startTime) ? ICAL.Timezone.utcTimezone : isFloating(master.startTime) ? read.floating : master.startTime.zone;
  return timeAt(override.recurrenceId!.utc, zone).toICALString();
}
