import type { CalendarItem, CalendarItemInput, CalendarItemKind, CalendarOccurrence } from '#contract';
import { noRecurrence, recurrenceOf, rruleOf, type Recurrence } from './recurrence';
import { addDays, joinLocal, wallClockAt } from './zoned-time';

/** What another screen may fill in before the editor opens (the contact card, a call's wrap-up). */
export interface ItemPrefill {
  kind?: CalendarItemKind;
  title?: string;
  /** Instants; the end defaults to the kind's usual length. */
  start?: number;
  end?: number;
  allDay?: boolean;
  contactId?: string | null;
  contactName?: string | null;
  companyId?: string | null;
  companyName?: string | null;
  dealId?: string | null;
  complaintId?: string | null;
  callId?: string | null;
  /** Whose calendar (the team view's column); absent: the current employee. */
  ownerId?: string | null;
}

/** The editor's fields. Dates and times are the item's own wall clock in `zone`. */
export interface ItemDraft {
  kind: CalendarItemKind;
  title: string;
  description: string;
  location: string;
  startDate: string;
  startTime: string;
  /** For all-day items the last day (inclusive), as people say it. */
  endDate: string;
  endTime: string;
  zone: string;
  /** A floating item (no zone of its own) is shown in this zone; saved unchanged it stays floating. */
  floatingIn: string | null;
  allDay: boolean;
  recurrence: Recurrence;
  /** A rule written elsewhere that the fields cannot show; kept unless the recurrence is changed. */
  customRule: string | null;
  reminderMinutes: number | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  dealId: string | null;
  complaintId: string | null;
  callId: string | null;
  assigneeId: string | null;
  ownerId: string | null;
  calendarId: string | null;
}

const minute = 60_000;
/** How long an item of each kind usually takes, for the end a new one starts with. */
export const usualMinutes: Record<CalendarItemKind, number> = { meeting: 60, call: 15, callback: 15, interaction: 30, assignment: 60, event: 60 };

/** The next whole half hour after `now`. */
function nextHalfHour(now: number): number {
  const step = 30 * minute;
  return Math.ceil((now + 1) / step) * step;
}

export function newDraft(prefill: ItemPrefill, now: number, zone: string): ItemDraft {
  const kind = prefill.kind ?? 'meeting';
  const start = prefill.start ?? nextHalfHour(now);
  const allDay = prefill.allDay ?? false;
  const end = prefill.end ?? (allDay ? start : start + usualMinutes[kind] * minute);
  const from = wallClockAt(start, zone);
  // A selection of whole days ends at the midnight after its last day.
  const to = wallClockAt(allDay && prefill.end ? end - 1 : end, zone);
  return {
    kind,
    title: prefill.title ?? '',
    description: '',
    location: '',
    startDate: from.date,
    startTime: allDay ? '09:00' : from.time,
    endDate: to.date,
    endTime: allDay ? '10:00' : to.time,
    zone,
    floatingIn: null,
    allDay,
    recurrence: noRecurrence,
    customRule: null,
    reminderMinutes: kind === 'event' ? null : 15,
    contactId: prefill.contactId ?? null,
    contactName: prefill.contactName ?? null,
    companyId: prefill.companyId ?? null,
    companyName: prefill.companyName ?? null,
    dealId: prefill.dealId ?? null,
    complaintId: prefill.complaintId ?? null,
    callId: prefill.callId ?? null,
    assigneeId: null,
    ownerId: prefill.ownerId ?? null,
    calendarId: null,
  };
}

type Times = Pick<ItemDraft, 'startDate' | 'startTime' | 'endDate' | 'endTime'>;

/**
 * An item's times for the editor: the series' own, or one occurrence's (shown in the item's zone, or the
 * workstation's for a floating item). All-day items show their last day, not the day after.
 */
export function timesOf(item: CalendarItem, occurrence: Pick<CalendarOccurrence, 'startsAt' | 'endsAt'> | null, zone: string): Times {
  let [startDate = '', startTime = '09:00'] = item.start.local.split('T');
  let [endDate = '', endTime = '10:00'] = item.end.local.split('T');
  if (occurrence && !item.allDay) {
    ({ date: startDate, time: startTime } = wallClockAt(occurrence.startsAt, zone));
    ({ date: endDate, time: endTime } = wallClockAt(occurrence.endsAt, zone));
  } else if (occurrence) {
    const length = Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000);
    startDate = wallClockAt(occurrence.startsAt, zone).date;
    endDate = addDays(startDate, length);
  }
  if (item.allDay) endDate = addDays(endDate, -1) < startDate ? startDate : addDays(endDate, -1);
  return { startDate, startTime: startTime.slice(0, 5), endDate, endTime: endTime.slice(0, 5) };
}

/** The editor's fields for an item, at the series' times or one occurrence's. */
export function draftOfItem(item: CalendarItem, occurrence: CalendarOccurrence | null, workstationZone: string): ItemDraft {
  const zone = item.start.tzid ?? workstationZone;
  const { recurrence, custom } = recurrenceOf(item.rrule);
  return {
    kind: item.kind,
    title: item.title,
    description: item.description ?? '',
    location: item.location ?? '',
    ...timesOf(item, occurrence, zone),
    zone,
    floatingIn: item.start.tzid === null && !item.allDay ? zone : null,
    allDay: item.allDay,
    recurrence,
    customRule: custom ? item.rrule : null,
    reminderMinutes: item.reminderMinutes,
    contactId: item.links.contactId,
    contactName: item.contactName,
    companyId: item.links.companyId,
    companyName: null,
    dealId: item.links.dealId,
    complaintId: item.links.complaintId,
    callId: item.links.callId,
    assigneeId: item.assignment?.assigneeId ?? null,
    ownerId: item.ownerId,
    calendarId: item.calendarId,
  };
}

export interface SaveTarget {
  id?: string;
  scope: 'series' | 'occurrence';
  recurrenceId: string | null;
}

/** What `calendar.save` takes for the fields; all-day items end at the start of the day after their last. */
export function inputOfDraft(draft: ItemDraft, target: SaveTarget): CalendarItemInput {
  const tzid = draft.floatingIn !== null && draft.zone === draft.floatingIn ? null : draft.zone;
  const start = draft.allDay ? { local: draft.startDate, tzid: null } : { local: joinLocal(draft.startDate, draft.startTime), tzid };
  const end = draft.allDay ? { local: addDays(draft.endDate, 1), tzid: null } : { local: joinLocal(draft.endDate, draft.endTime), tzid };
  const rrule = target.scope === 'occurrence' ? null : (draft.customRule ?? rruleOf(draft.recurrence, { allDay: draft.allDay, zone: draft.zone }));
  return {
    ...(target.id ? { id: target.id } : {}),
    ...(draft.calendarId ? { calendarId: draft.calendarId } : {}),
    kind: draft.kind,
    title: draft.title,
    description: draft.description.trim() || null,
    location: draft.location.trim() || null,
    start,
    end,
    allDay: draft.allDay,
    rrule,
    reminderMinutes: draft.reminderMinutes,
    links: { contactId: draft.contactId, companyId: draft.companyId, dealId: draft.dealId, complaintId: draft.complaintId, callId: draft.callId },
    ...(draft.ownerId ? { ownerId: draft.ownerId } : {}),
    ...(draft.kind === 'assignment' ? { assigneeId: draft.assigneeId } : {}),
    scope: target.scope,
    recurrenceId: target.recurrenceId,
  };
}
