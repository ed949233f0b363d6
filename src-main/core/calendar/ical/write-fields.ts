import ICAL from 'ical.js';
import type { ItemFields, ItemLinks, ZonedTime } from './calendar-item';
import { crmProperty, isCompleted, linkProperties, todoStatusOf } from './crm-properties';
import type { Component, Time } from './read-resource';
import type { IntlZone } from './zones';
import { intlZone, localString, timeAt, timeOfLocal, utcOf, vtimezoneFor } from './zones';

type Timezone = InstanceType<typeof ICAL.Timezone>;

const dayMinutes = 24 * 60;

export interface WriteContext {
  calendar: Component;
  floating: IntlZone;
  nowUtc: number;
}

/**
 * Writes the changed fields into one VEVENT/VTODO, leaving every other property as it is. `current` is what the
 * component says now (null for a new one): a field equal to it is not written. Returns whether the item's time or
 * rule changed (the caller bumps SEQUENCE then).
 */
export function writeFields(component: Component, current: ItemFields | null, changes: Partial<ItemFields>, context: WriteContext): boolean {
  const changed = <K extends keyof ItemFields>(key: K): boolean =>
    changes[key] !== undefined && (current === null || JSON.stringify(changes[key]) !== JSON.stringify(current[key]));
  const todo = component.name === 'vtodo';
  if (changed('kind')) setText(component, crmProperty.kind, changes.kind!);
  if (changed('summary')) setText(component, 'summary', changes.summary!);
  if (changed('description')) setText(component, 'description', changes.description!);
  if (changed('location')) setText(component, 'location', changes.location!);
  const timingChanged = changed('start') || changed('end') || changed('durationMinutes');
  if (timingChanged) writeTiming(component, current, changes, context);
  if (changed('status') && !(todo && changes.assignment)) setText(component, 'status', changes.status!);
  if (changed('busy')) {
    if (!changes.busy) setText(component, 'transp', 'TRANSPARENT');
    else if (component.hasProperty('transp')) setText(component, 'transp', 'OPAQUE');
  }
  if (changed('reminderMinutes')) writeReminder(component, changes.reminderMinutes!, changes.summary ?? current?.summary ?? '');
  if (changes.links) writeLinks(component, current?.links ?? null, changes.links);
  if (changed('ownerEmployeeId')) setText(component, crmProperty.owner, changes.ownerEmployeeId!);
  if (todo && changed('assignment') && changes.assignment) writeAssignment(component, changes.assignment, context.nowUtc);
  if (changed('doneAt')) writeDoneAt(component, changes.doneAt!);
  const ruleChanged = changed('rrule');
  if (ruleChanged) {
    if (changes.rrule) component.updatePropertyWithValue('rrule', ICAL.Recur.fromString(changes.rrule));
    else component.removeAllProperties('rrule');
  }
  if (changes.sequence !== undefined) component.updatePropertyWithValue('sequence', changes.sequence);
  else if (current && (timingChanged || ruleChanged)) component.updatePropertyWithValue('sequence', current.sequence + 1);
  stamp(component, context.nowUtc);
  return timingChanged || ruleChanged;
}

/** DTSTAMP and LAST-MODIFIED: this copy of the item was written now. */
export function stamp(component: Component, nowUtc: number): void {
  const now = utcTime(nowUtc);
  component.updatePropertyWithValue('dtstamp', now);
  component.updatePropertyWithValue('last-modified', now.clone());
}

function setText(component: Component, name: string, value: string | null): void {
  if (value === null || value === '') component.removeAllProperties(name);
  else component.updatePropertyWithValue(name, value);
}

function writeTiming(component: Component, current: ItemFields | null, changes: Partial<ItemFields>, context: WriteContext): void {
  const start = changes.start ?? current!.start;
  const durationMinutes = changes.durationMinutes ?? current?.durationMinutes ?? 0;
  // Moving an item keeps its length: a DTEND follows the new start unless the change gives the end.
  const end = changes.end !== undefined ? changes.end : current?.end ? zonedAfter(start, durationMinutes, context) : null;
  const todo = component.name === 'vtodo';
  const allDay = start.local.length === 10;
  const defaultMinutes = allDay ? dayMinutes : 0;
  if (todo && end === null && durationMinutes === 0) {
    // A task with only a due time: DUE alone, as task lists write it.
    component.removeAllProperties('dtstart');
    component.removeAllProperties('duration');
    setTime(component, 'due', start, context);
    return;
  }
  setTime(component, 'dtstart', start, context);
  const endName = todo ? 'due' : 'dtend';
  if (end) {
    setTime(component, endName, end, context);
    component.removeAllProperties('duration');
    return;
  }
  component.removeAllProperties(endName);
  if (durationMinutes === defaultMinutes) component.removeAllProperties('duration');
  else component.updatePropertyWithValue('duration', durationOf(durationMinutes, allDay));
}

function durationOf(minutes: number, allDay: boolean) {
  if (allDay && minutes % dayMinutes === 0) return ICAL.Duration.fromData({ days: minutes / dayMinutes });
  return ICAL.Duration.fromSeconds(minutes * 60);
}

/** Sets a DATE or DATE-TIME property with its TZID, adding a VTIMEZONE for an IANA zone the resource lacks. */
export function setTime(component: Component, name: string, zoned: ZonedTime, context: WriteContext): void {
  const time = zonedToTime(zoned, context);
  const property = component.getFirstProperty(name) ?? component.addPropertyWithValue(name, time);
  property.resetType(time.isDate ? 'date' : 'date-time');
  property.setValue(time);
  if (!time.isDate && zoned.tzid !== null && zoned.tzid !== 'UTC') property.setParameter('tzid', zoned.tzid);
  else property.removeParameter('tzid');
}

export function zonedToTime(zoned: ZonedTime, context: WriteContext): Time {
  const time = timeOfLocal(zoned.local);
  if (!time) throw new Error(`"${zoned.local}" is not YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss`);
  if (time.isDate || zoned.tzid === null) return time;
  time.zone = zoneFor(zoned.tzid, context);
  return time;
}

/** The zone a TZID means in this resource; an IANA zone new to it brings its VTIMEZONE along. */
export function zoneFor(tzid: string, context: WriteContext): Timezone {
  if (tzid === 'UTC') return ICAL.Timezone.utcTimezone;
  const own = context.calendar.getTimeZoneByID(tzid);
  if (own) return own;
  const block = vtimezoneFor(tzid);
  if (block) {
    context.calendar.addSubcomponent(block);
    return context.calendar.getTimeZoneByID(tzid) ?? new ICAL.Timezone({ component: block, tzid });
  }
  const zone = intlZone(tzid);
  if (!zone) throw new Error(`unknown time zone "${tzid}"`);
  return zone;
}

/** The time `minutes` after a start, in the start's own zone (whole days for all-day starts). */
export function zonedAfter(start: ZonedTime, minutes: number, context: WriteContext): ZonedTime {
  const time = zonedToTime(start, context);
  if (time.isDate) {
    time.adjust(Math.ceil(minutes / dayMinutes), 0, 0, 0);
    return { local: localString(time), tzid: null };
  }
  const zone = start.tzid === null ? context.floating : (time.zone);
  const end = timeAt(utcOf(time, context.floating) + minutes * 60_000, zone);
  return { local: localString(end), tzid: start.tzid };
}

function writeReminder(component: Component, minutes: number | null, summary: string): void {
  const alarm = component.getAllSubcomponents('valarm').find((candidate) => {
    const trigger = candidate.getFirstProperty('trigger');
    const related = trigger?.getParameter('related');
    return trigger?.getFirstValue() instanceof ICAL.Duration && !(typeof related === 'string' && related.toUpperCase() === 'END');
  });
  if (minutes === null) {
    if (alarm) component.removeSubcomponent(alarm);
    return;
  }
  const trigger = ICAL.Duration.fromSeconds(-minutes * 60);
  if (alarm) {
    alarm.updatePropertyWithValue('trigger', trigger);
    return;
  }
  const added = new ICAL.Component('valarm');
  added.addPropertyWithValue('action', 'DISPLAY');
  added.addPropertyWithValue('description', summary || 'Reminder');
  added.addPropertyWithValue('trigger', trigger);
  component.addSubcomponent(added);
}

function writeLinks(component: Component, current: ItemLinks | null, links: ItemLinks): void {
  for (const key of Object.keys(linkProperties) as Array<keyof ItemLinks>) {
    if (current && current[key] === links[key]) continue;
    setText(component, linkProperties[key], links[key]);
  }
}

function writeDoneAt(component: Component, doneAt: number | null): void {
  const name = component.name === 'vtodo' ? 'completed' : crmProperty.done;
  if (doneAt === null) {
    component.removeAllProperties(name);
    return;
  }
  const at = utcTime(doneAt);
  component.updatePropertyWithValue(name, name === 'completed' ? at : at.toICALString());
}

function utcTime(utcMs: number): Time {
  return timeAt(Math.floor(utcMs / 1000) * 1000, ICAL.Timezone.utcTimezone);
}

function writeAssignment(component: Component, assignment: NonNullable<ItemFields['assignment']>, nowUtc: number): void {
  setText(component, crmProperty.assignee, assignment.assigneeId);
  setText(component, crmProperty.assignedBy, assignment.assignedById);
  setText(component, crmProperty.checkedBy, assignment.checkedById);
  setText(component, 'status', todoStatusOf(assignment));
  if (isCompleted(assignment.status)) {
    component.updatePropertyWithValue('percent-complete', 100);
    if (!component.hasProperty('completed')) component.updatePropertyWithValue('completed', utcTime(nowUtc));
  } else {
    component.removeAllProperties('completed');
    if (Number(component.getFirstPropertyValue('percent-complete')) === 100) component.removeAllProperties('percent-complete');
  }
}
