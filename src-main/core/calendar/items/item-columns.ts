import type { calendarEvents } from '#core/db/schema';
import type { ItemFields, ParsedResource } from '#core/calendar/ical/calendar-item';

type EventColumns = Omit<typeof calendarEvents.$inferInsert, 'id' | 'calendarId' | 'href' | 'etag' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'localRevision' | 'deletedAt'>;

/** The item whose fields stand for the resource in lists: the master, or the first override when the resource has none. */
export function leadingItem(resource: ParsedResource): ItemFields {
  const lead = resource.master ?? resource.overrides[0];
  if (!lead) throw new RangeError(`Resource ${resource.uid} holds no item`);
  return lead;
}

/** The columns queries use, read from a parsed resource (the text itself stays the truth). */
export function columnsOf(resource: ParsedResource, ics: string): EventColumns {
  const item = leadingItem(resource);
  const firstEnd = resource.firstStartUtc + item.durationMinutes * 60_000;
  return {
    uid: resource.uid,
    ics,
    component: item.component,
    kind: item.kind,
    title: item.summary,
    startsAt: resource.firstStartUtc,
    endsAt: resource.recurring ? firstEnd : (resource.lastEndUtc ?? firstEnd),
    rangeEndsAt: resource.lastEndUtc,
    recurring: resource.recurring,
    allDay: item.allDay,
    tzid: item.allDay ? null : item.start.tzid,
    status: item.status,
    busy: item.busy,
    location: item.location,
    contactId: item.links.contactId,
    companyId: item.links.companyId,
    dealId: item.links.dealId,
    complaintId: item.links.complaintId,
    callId: item.links.callId,
    ownerId: item.ownerEmployeeId,
    assigneeId: item.assignment?.assigneeId ?? null,
    assignedById: item.assignment?.assignedById ?? null,
    assignmentStatus: item.assignment?.status ?? null,
    reminderMinutes: item.reminderMinutes,
    doneAt: item.doneAt ?? null,
  };
}
