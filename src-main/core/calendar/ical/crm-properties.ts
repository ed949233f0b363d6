import type { Assignment, AssignmentStatus, ItemKind, ItemLinks } from './calendar-item';
import { itemKinds } from './calendar-item';

/** The X- properties that carry the CRM's side of an item (lower case, as ical.js names properties). */
export const crmProperty = {
  kind: 'x-crm-kind',
  owner: 'x-crm-owner',
  assignee: 'x-crm-assignee',
  assignedBy: 'x-crm-assigned-by',
  checkedBy: 'x-crm-checked-by',
  done: 'x-crm-done',
} as const;

export const linkProperties: Record<keyof ItemLinks, string> = {
  contactId: 'x-crm-contact',
  companyId: 'x-crm-company',
  dealId: 'x-crm-deal',
  complaintId: 'x-crm-complaint',
  callId: 'x-crm-call',
};

export function defaultKind(component: 'VEVENT' | 'VTODO'): ItemKind {
  return component === 'VTODO' ? 'assignment' : 'event';
}

/** X-CRM-KIND as written; a value this version does not know reads as the component's default kind. */
export function kindOf(value: string | null, component: 'VEVENT' | 'VTODO'): ItemKind {
  const known = itemKinds.find((kind) => kind === value?.toLowerCase());
  return known ?? defaultKind(component);
}

/**
 * An assignment's state from the VTODO's STATUS: COMPLETED is 'done', or 'checked' once someone is named in
 * X-CRM-CHECKED-BY, so other CalDAV clients see checked work as completed too.
 */
export function assignmentStatusOf(status: string | null, checkedById: string | null): AssignmentStatus {
  switch (status?.toUpperCase()) {
    case 'IN-PROCESS':
      return 'in_progress';
    case 'COMPLETED':
      return checkedById ? 'checked' : 'done';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'open';
  }
}

const todoStatus: Record<AssignmentStatus, string> = {
  open: 'NEEDS-ACTION',
  in_progress: 'IN-PROCESS',
  done: 'COMPLETED',
  checked: 'COMPLETED',
  cancelled: 'CANCELLED',
};

export function todoStatusOf(assignment: Assignment): string {
  return todoStatus[assignment.status];
}

export function isCompleted(status: AssignmentStatus): boolean {
  return status === 'done' || status === 'checked';
}
