import ICAL from 'ical.js';
import type { ItemFields, ParseResult, RejectReason, ZonedTime } from './calendar-item';
import { assignmentStatusOf, crmProperty, kindOf, linkProperties } from './crm-properties';
import type { IntlZone } from './zones';
import { intlZone, isUtc, resourceZone, utcOf, wallMs, zonedTimeOf } from './zones';

export type Component = InstanceType<typeof ICAL.Component>;
export type Property = InstanceType<typeof ICAL.Property>;
export type Time = InstanceType<typeof ICAL.Time>;

/** One VEVENT/VTODO of a resource with what the layer needs besides its fields. */
export interface ReadItem {
  component: Component;
  fields: ItemFields;
  startTime: Time;
  startUtc: number;
  /** DTEND, or DUE of a VTODO that has a DTSTART. */
  endTime: Time | null;
  /** Set on overrides. */
  recurrenceId: { zoned: ZonedTime; utc: number } | null;
}

export interface ReadResource {
  calendar: Component;
  uid: string;
  floating: IntlZone;
  master: ReadItem | null;
  overrides: ReadItem[];
}

type Rejection = Extract<ParseResult, { ok: false }>;
export type ReadResult = { ok: true; read: ReadResource } | Rejection;

const reject = (reason: RejectReason, detail: string): Rejection => ({ ok: false, reason, detail });

/** Thrown inside reading to leave with a rejection; never escapes this module. */
class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.detail);
  }
}

const zonedProperties = ['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate'];

/** Reads one CalDAV resource, scoping its VTIMEZONEs to itself; rejects what cannot be an item, with a reason. */
export function readResource(text: string, floatingZone: string): ReadResult {
  const floating = intlZone(floatingZone);
  if (!floating) return reject('unknown_timezone', `the floating zone "${floatingZone}" is not an IANA zone`);
  const calendar = parseCalendar(text);
  if (!(calendar instanceof ICAL.Component)) return calendar;
  try {
    return { ok: true, read: readItems(calendar, floating) };
  } catch (error) {
    if (error instanceof Rejected) return error.rejection;
    return reject('bad_value', error instanceof Error ? error.message : String(error));
  }
}

function parseCalendar(text: string): Component | Rejection {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    return badRule(text) ?? reject('not_icalendar', error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(jcal) || jcal.length === 0) return reject('not_icalendar', 'no iCalendar component in the text');
  if (Array.isArray(jcal[0])) return reject('not_icalendar', `${jcal.length} top-level components; one VCALENDAR expected`);
  const calendar = new ICAL.Component(jcal as unknown[]);
  if (calendar.name !== 'vcalendar') return reject('not_icalendar', `top-level component is ${calendar.name.toUpperCase()}, not VCALENDAR`);
  return calendar;
}

/** ical.js reads RRULE while parsing: when parsing fails, say so if an RRULE line is the cause. */
function badRule(text: string): Rejection | null {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  const lines = unfolded.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = /^RRULE(?:;[^:]*)?:(.*)$/i.exec(line);
    if (!match) continue;
    try {
      ICAL.Recur.fromString(match[1]!);
    } catch (error) {
      return reject('bad_rrule', `line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return null;
}

function readItems(calendar: Component, floating: IntlZone): ReadResource {
  const events = calendar.getAllSubcomponents('vevent');
  const todos = calendar.getAllSubcomponents('vtodo');
  if (events.length === 0 && todos.length === 0) throw new Rejected(reject('no_item', 'no VEVENT or VTODO in the VCALENDAR'));
  if (events.length > 0 && todos.length > 0) {
    throw new Rejected(reject('mixed_components', `${events.length} VEVENT and ${todos.length} VTODO in one resource`));
  }
  const components = events.length > 0 ? events : todos;
  const uids = new Set<string>();
  for (const [index, component] of components.entries()) {
    const uid = component.getFirstPropertyValue('uid');
    if (typeof uid !== 'string' || uid.trim() === '') {
      throw new Rejected(reject('no_uid', `${component.name.toUpperCase()} #${index + 1} has no UID`));
    }
    uids.add(uid);
  }
  if (uids.size > 1) throw new Rejected(reject('several_uids', `UIDs ${[...uids].join(', ')} in one resource`));
  const masters = components.filter((component) => !component.hasProperty('recurrence-id'));
  if (masters.length > 1) throw new Rejected(reject('several_uids', `${masters.length} components without RECURRENCE-ID share one UID`));
  const master = masters[0] ? readItem(calendar, masters[0], floating) : null;
  const overrides = components.filter((component) => component.hasProperty('recurrence-id')).map((component) => readItem(calendar, component, floating));
  return { calendar, uid: [...uids][0]!, floating, master, overrides };
}

function readItem(calendar: Component, component: Component, floating: IntlZone): ReadItem {
  attachZones(calendar, component);
  const kindName = component.name === 'vtodo' ? 'VTODO' : 'VEVENT';
  const startProperty = component.getFirstProperty('dtstart') ?? (kindName === 'VTODO' ? component.getFirstProperty('due') : null);
  if (!startProperty) {
    throw new Rejected(reject('no_start', `${kindName} ${String(component.getFirstPropertyValue('uid'))} has no ${kindName === 'VTODO' ? 'DTSTART or DUE' : 'DTSTART'}`));
  }
  const startTime = timeValue(startProperty);
  const startUtc = utcOf(startTime, floating);
  const endProperty = kindName === 'VEVENT' ? component.getFirstProperty('dtend') : startProperty.name === 'dtstart' ? component.getFirstProperty('due') : null;
  const endTime = endProperty ? timeValue(endProperty) : null;
  const durationMinutes = endTime ? durationBetween(startTime, startUtc, endTime, floating, endProperty!) : declaredDuration(component, startTime);
  const recurrenceProperty = component.getFirstProperty('recurrence-id');
  const recurrenceTime = recurrenceProperty ? timeValue(recurrenceProperty) : null;
  const fields: ItemFields = {
    component: kindName,
    kind: kindOf(textOf(component, crmProperty.kind), kindName),
    summary: textOf(component, 'summary') ?? '',
    description: textOf(component, 'description'),
    location: textOf(component, 'location'),
    start: zonedTimeOf(startTime, tzidOf(startProperty)),
    end: endTime ? zonedTimeOf(endTime, tzidOf(endProperty!)) : null,
    durationMinutes,
    allDay: startTime.isDate,
    status: textOf(component, 'status'),
    busy: textOf(component, 'transp')?.toUpperCase() !== 'TRANSPARENT',
    reminderMinutes: reminderOf(component),
    links: {
      contactId: textOf(component, linkProperties.contactId),
      companyId: textOf(component, linkProperties.companyId),
      dealId: textOf(component, linkProperties.dealId),
      complaintId: textOf(component, linkProperties.complaintId),
      callId: textOf(component, linkProperties.callId),
    },
    ownerEmployeeId: textOf(component, crmProperty.owner),
    assignment: kindName === 'VTODO' ? assignmentOf(component) : null,
    rrule: ruleOf(component, startTime),
    sequence: sequenceOf(component),
    doneAt: doneAtOf(component, kindName),
  };
  return {
    component,
    fields,
    startTime,
    startUtc,
    endTime,
    recurrenceId: recurrenceTime
      ? { zoned: zonedTimeOf(recurrenceTime, tzidOf(recurrenceProperty!)), utc: utcOf(recurrenceTime, floating) }
      : null,
  };
}

/**
 * Gives each zoned time its zone: the resource's own VTIMEZONE, else the IANA zone of that name through Intl; a
 * TZID that is neither rejects the item. (ical.js already looks in the resource, but builds a new zone each time.)
 */
function attachZones(calendar: Component, component: Component): void {
  for (const property of component.getAllProperties()) {
    const tzid = tzidOf(property);
    if (tzid === null) continue;
    const zone = resourceZone(calendar, tzid) ?? intlZone(tzid);
    if (!zone) {
      throw new Rejected(reject('unknown_timezone', `${property.name.toUpperCase()} names TZID "${tzid}": no VTIMEZONE in the resource and no such IANA zone`));
    }
    if (!zonedProperties.includes(property.name)) continue;
    for (const time of timesOf(property)) if (!time.isDate && !isUtc(time)) time.zone = zone;
  }
}

/** The dates and date-times of a property (an RDATE period counts by its start). */
export function timesOf(property: Property): Time[] {
  const values: unknown[] = property.getValues();
  return values.map((value) => (value instanceof ICAL.Period ? value.start : value)).filter((value): value is Time => value instanceof ICAL.Time);
}

export function tzidOf(property: Property): string | null {
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : null;
}

function timeValue(property: Property): Time {
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Rejected(reject('bad_value', `${property.name.toUpperCase()} is not a date or date-time`));
  return value;
}

function durationBetween(start: Time, startUtc: number, end: Time, floating: IntlZone, endProperty: Property): number {
  // All-day spans count calendar days; a DST change inside them does not make a day 23 or 25 hours.
  const minutes = start.isDate && end.isDate ? (wallMs(end) - wallMs(start)) / 60_000 : (utcOf(end, floating) - startUtc) / 60_000;
  if (minutes < 0) {
    throw new Rejected(reject('end_before_start', `${endProperty.name.toUpperCase()} ${end.toString()} is before the start ${start.toString()}`));
  }
  return Math.round(minutes);
}

function declaredDuration(component: Component, start: Time): number {
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) {
    const minutes = duration.toSeconds() / 60;
    if (minutes < 0) throw new Rejected(reject('end_before_start', `DURATION ${duration.toString()} is negative`));
    return Math.round(minutes);
  }
  return start.isDate ? 24 * 60 : 0;
}

export function textOf(component: Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text === '' ? null : text;
}

function reminderOf(component: Component): number | null {
  for (const alarm of component.getAllSubcomponents('valarm')) {
    const trigger = alarm.getFirstProperty('trigger');
    const value = trigger?.getFirstValue();
    if (!(value instanceof ICAL.Duration)) continue;
    const related = trigger!.getParameter('related');
    if (typeof related === 'string' && related.toUpperCase() === 'END') continue;
    return Math.round(-value.toSeconds() / 60);
  }
  return null;
}

function assignmentOf(component: Component) {
  const checkedById = textOf(component, crmProperty.checkedBy);
  return {
    assigneeId: textOf(component, crmProperty.assignee),
    assignedById: textOf(component, crmProperty.assignedBy),
    status: assignmentStatusOf(textOf(component, 'status'), checkedById),
    checkedById,
  };
}

function ruleOf(component: Component, start: Time): string | null {
  const property = component.getFirstProperty('rrule');
  if (!property) return null;
  const rule = property.getFirstValue();
  if (!(rule instanceof ICAL.Recur) || !rule.freq) throw new Rejected(reject('bad_rrule', 'RRULE has no FREQ'));
  if (!Number.isInteger(rule.interval) || rule.interval < 1) throw new Rejected(reject('bad_rrule', `RRULE INTERVAL ${rule.interval} is not a positive whole number`));
  try {
    rule.iterator(start).next();
  } catch (error) {
    throw new Rejected(reject('bad_rrule', `RRULE ${rule.toString()}: ${error instanceof Error ? error.message : String(error)}`));
  }
  return rule.toString();
}

/** COMPLETED in a VTODO; in a VEVENT, where RFC 5545 has no such property, X-CRM-DONE with a UTC date-time. */
function doneAtOf(component: Component, kindName: 'VEVENT' | 'VTODO'): number | null {
  if (kindName === 'VTODO') {
    const completed = component.getFirstPropertyValue('completed');
    return completed instanceof ICAL.Time ? utcOf(completed, intlZone('UTC')!) : null;
  }
  const done = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(textOf(component, crmProperty.done) ?? '');
  if (!done) return null;
  const [year, month, day, hour, minute, second] = done.slice(1).map(Number);
  return Date.UTC(year!, month! - 1, day, hour, minute, second);
}

function sequenceOf(component: Component): number {
  const value = Number(component.getFirstPropertyValue('sequence') ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}
