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

/** Bounds of a resource for indexing: its first start and last end (null when a rule never ends). */
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
    let firstStart: number | null = null;
    let steps = 0;
    for (const occurrence of masterOccurrences(master, read.floating)) {
      if (++steps >= maxSteps) unbounded = true;
      if (overridden.has(occurrence.startUtc)) continue;
      firstStart ??= occurrence.startUtc;
      if (unbounded) break;
      ends.push(occurrence.endUtc);
    }
    // Every occurrence removed: the master's own start still places the resource.
    starts.push(firstStart ?? master.startUtc);
  }
  return { firstStartUtc: Math.min(...starts), lastEndUtc: unbounded || ends.length === 0 ? null : Math.max(...ends) };
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
