/** The calendar items the CRM keeps on the CalDAV server, as read from and written to iCalendar text. */
export type ItemKind = 'meeting' | 'call' | 'callback' | 'interaction' | 'assignment' | 'event';
export const itemKinds: readonly ItemKind[] = ['meeting', 'call', 'callback', 'interaction', 'assignment', 'event'];

/** Wall-clock time as written in the resource. */
export interface ZonedTime {
  /** 'YYYY-MM-DDTHH:mm:ss' for date-times, 'YYYY-MM-DD' for all-day dates. */
  local: string;
  /** IANA/VTIMEZONE TZID; 'UTC' for ...Z times; null = floating (and for all-day dates). */
  tzid: string | null;
}

export interface ItemLinks {
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  complaintId: string | null;
  callId: string | null;
}

export type AssignmentStatus = 'open' | 'in_progress' | 'done' | 'checked' | 'cancelled';
export interface Assignment {
  assigneeId: string | null;
  assignedById: string | null;
  status: AssignmentStatus;
  checkedById: string | null;
}

export interface ItemFields {
  /** Assignments are VTODO (DUE, STATUS, PERCENT-COMPLETE/COMPLETED); everything else VEVENT. */
  component: 'VEVENT' | 'VTODO';
  /** X-CRM-KIND; absent → 'event' (VEVENT) or 'assignment' (VTODO). */
  kind: ItemKind;
  summary: string;
  description: string | null;
  location: string | null;
  /** DTSTART (VTODO without DTSTART: DUE). */
  start: ZonedTime;
  /** DTEND / DUE; null when the resource gives DURATION or nothing (then durationMinutes says). */
  end: ZonedTime | null;
  /** Always filled: from DTEND-DTSTART, DURATION, or RFC 5545 defaults (all-day 1 day, else 0). */
  durationMinutes: number;
  allDay: boolean;
  /** Raw STATUS. */
  status: string | null;
  /** TRANSP != TRANSPARENT. */
  busy: boolean;
  /** First VALARM whose TRIGGER is relative to the start, minutes before. */
  reminderMinutes: number | null;
  links: ItemLinks;
  /** X-CRM-OWNER: the employee the item is for (callbacks: the operator). */
  ownerEmployeeId: string | null;
  /** VTODO only: X-CRM-ASSIGNEE, X-CRM-ASSIGNED-BY, X-CRM-CHECKED-BY and STATUS. */
  assignment: Assignment | null;
  /** The RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=MO;COUNT=10'. */
  rrule: string | null;
  sequence: number;
  /** UTC ms the item was done: COMPLETED of a VTODO, X-CRM-DONE of a VEVENT (a planned call made); null = not done. */
  doneAt: number | null;
}

export interface ParsedResource {
  uid: string;
  /** Null when the resource holds overrides only. */
  master: ItemFields | null;
  overrides: Array<ItemFields & { recurrenceId: ZonedTime }>;
  /** RRULE or RDATE on the master. */
  recurring: boolean;
  /** UTC ms of the first occurrence's start. */
  firstStartUtc: number;
  /** For indexing: UTC ms at or after the last occurrence's end (exact for single items; null when a rule never ends). */
  lastEndUtc: number | null;
}

export type RejectReason =
  | 'not_icalendar'
  | 'no_item'
  | 'mixed_components'
  | 'no_uid'
  | 'several_uids'
  | 'no_start'
  | 'end_before_start'
  | 'unknown_timezone'
  | 'bad_rrule'
  | 'bad_value';

export type ParseResult = { ok: true; resource: ParsedResource } | { ok: false; reason: RejectReason; detail: string };

export interface Occurrence {
  startUtc: number;
  endUtc: number;
  /** The occurrence's original start as an iCalendar value string in the master's zone; null for non-recurring. */
  recurrenceId: string | null;
  override: boolean;
  fields: ItemFields;
}

export type EditTarget = { scope: 'series' } | { scope: 'occurrence'; recurrenceId: string };
