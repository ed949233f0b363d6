import ICAL from 'ical.js';
import type { EditTarget, ItemFields } from './calendar-item';
import { occurrencesIn, recurrenceIdString } from './expand-occurrences';
import type { Component, ReadItem, ReadResource, Time } from './read-resource';
import { readResource } from './read-resource';
import { serialize } from './serialize';
import { setTime, stamp, writeFields } from './write-fields';
import type { IntlZone } from './zones';
import { isFloating, isUtc, timeAt, utcOf } from './zones';

/**
 * Applies changes to a stored resource, touching only the changed properties of the targeted component; an
 * occurrence without an override gets one. Throws on text that does not read as a calendar item (stored texts
 * were read before) and on a recurrence id that names no occurrence.
 */
export function editResource(text: string, target: EditTarget, changes: Partial<ItemFields>, nowUtc: number): string {
  const read = mustRead(text);
  const context = { calendar: read.calendar, floating: read.floating, nowUtc };
  if (target.scope === 'series') {
    if (!read.master) throw new Error(`resource ${read.uid} has overrides only: no series to edit`);
    writeFields(read.master.component, read.master.fields, changes, context);
    return serialize(read.calendar);
  }
  const { rrule: _ignoredForOneOccurrence, ...occurrenceChanges } = changes;
  const instant = recurrenceInstant(read, target.recurrenceId);
  const override = read.overrides.find((candidate) => recurrenceIdString(read, candidate) === target.recurrenceId || candidate.recurrenceId!.utc === instant);
  if (override) {
    writeFields(override.component, override.fields, occurrenceChanges, context);
    return serialize(read.calendar);
  }
  const occurrence = occurrencesIn(read, instant, instant + 1, Number.MAX_SAFE_INTEGER).find((candidate) => !candidate.override && candidate.startUtc === instant);
  if (!occurrence || !read.master) throw new Error(`resource ${read.uid} has no occurrence ${target.recurrenceId}`);
  const created = overrideFor(read.master, occurrence.fields, context);
  read.calendar.addSubcomponent(created);
  writeFields(created, { ...occurrence.fields, rrule: null }, occurrenceChanges, context);
  return serialize(read.calendar);
}

/** Deletes one occurrence: an EXDATE in the master's zone, and its override dropped if there is one. */
export function removeOccurrence(text: string, recurrenceId: string, nowUtc: number): string {
  const read = mustRead(text);
  const instant = recurrenceInstant(read, recurrenceId);
  for (const override of read.overrides) {
    if (override.recurrenceId!.utc === instant) read.calendar.removeSubcomponent(override.component);
  }
  const master = read.master;
  if (!master) return serialize(read.calendar);
  const excluded = master.startTime.isDate ? dateOf(recurrenceId) : timeAt(instant, masterZone(master, read.floating));
  const property = new ICAL.Property('exdate', master.component);
  property.resetType(excluded.isDate ? 'date' : 'date-time');
  property.setValue(excluded);
  const tzid = master.component.getFirstProperty('dtstart')!.getParameter('tzid');
  if (!excluded.isDate && typeof tzid === 'string') property.setParameter('tzid', tzid);
  master.component.addProperty(property);
  master.component.updatePropertyWithValue('sequence', master.fields.sequence + 1);
  stamp(master.component, nowUtc);
  return serialize(read.calendar);
}

function mustRead(text: string): ReadResource {
  const result = readResource(text, 'UTC');
  if (!result.ok) throw new Error(`not an editable calendar item (${result.reason}): ${result.detail}`);
  return result.read;
}

/** A new override: the master's properties without its rule, at the occurrence's own start and end. */
function overrideFor(master: ReadItem, fields: ItemFields, context: { calendar: Component; floating: IntlZone; nowUtc: number }): Component {
  const override = new ICAL.Component(structuredClone(master.component.toJSON()) as unknown[]);
  for (const name of ['rrule', 'rdate', 'exdate']) override.removeAllProperties(name);
  setTime(override, 'recurrence-id', fields.start, context);
  setTime(override, master.component.hasProperty('dtstart') ? 'dtstart' : 'due', fields.start, context);
  if (fields.end) setTime(override, master.component.name === 'vtodo' ? 'due' : 'dtend', fields.end, context);
  return override;
}

function masterZone(master: ReadItem, floating: IntlZone) {
  if (isUtc(master.startTime)) return ICAL.Timezone.utcTimezone;
  return isFloating(master.startTime) ? floating : master.startTime.zone;
}

const recurrencePattern = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** The instant a recurrence id names: UTC when it ends in Z, else a wall-clock time in the master's zone. */
function recurrenceInstant(read: ReadResource, recurrenceId: string): number {
  const match = recurrencePattern.exec(recurrenceId);
  if (!match) throw new Error(`"${recurrenceId}" is not an iCalendar DATE or DATE-TIME value`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  if (hour === undefined) return utcOf(dateOf(recurrenceId), read.floating);
  const time = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false });
  if (match[7]) time.zone = ICAL.Timezone.utcTimezone;
  else if (read.master) time.zone = masterZone(read.master, read.floating);
  return utcOf(time, read.floating);
}

function dateOf(recurrenceId: string): Time {
  return ICAL.Time.fromData({ year: Number(recurrenceId.slice(0, 4)), month: Number(recurrenceId.slice(4, 6)), day: Number(recurrenceId.slice(6, 8)), isDate: true });
}
