import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/**
 * The calendar: meetings, planned calls and callbacks, planned interactions and assignments, each tied to CRM
 * records, synced two-way with the company's CalDAV server. Times travel two ways: occurrences as UTC instants
 * (for placing them on a grid), items as wall-clock times in their own zone (what the person wrote, kept as it is).
 */

export const calendarItemKinds = ['meeting', 'call', 'callback', 'interaction', 'assignment', 'event'] as const;
export const CalendarItemKindSchema = z.enum(calendarItemKinds);
export type CalendarItemKind = z.infer<typeof CalendarItemKindSchema>;

export const assignmentStatuses = ['open', 'in_progress', 'done', 'checked', 'cancelled'] as const;
export const AssignmentStatusSchema = z.enum(assignmentStatuses);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/** Where the item stands with the server. */
export const syncStates = ['local', 'synced', 'pending', 'conflict'] as const;
export const SyncStateSchema = z.enum(syncStates);
export type SyncState = z.infer<typeof SyncStateSchema>;

/** A wall-clock time in a zone, as the item was written: `2026-12-02T10:00:00` (or `2026-12-02` all day). */
export const ZonedTimeSchema = z.strictObject({
  local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'Use YYYY-MM-DD or YYYY-MM-DDTHH:mm'),
  /** IANA zone; null for a floating time or an all-day date. */
  tzid: z.string().min(1).max(100).nullable(),
});
export type ZonedTime = z.infer<typeof ZonedTimeSchema>;

export const CalendarLinksSchema = z.strictObject({
  contactId: IdSchema.nullable().default(null),
  companyId: IdSchema.nullable().default(null),
  dealId: IdSchema.nullable().default(null),
  complaintId: IdSchema.nullable().default(null),
  callId: IdSchema.nullable().default(null),
});
export type CalendarLinks = z.infer<typeof CalendarLinksSchema>;

export const AssignmentSchema = z.object({
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  assignedById: IdSchema.nullable(),
  status: AssignmentStatusSchema,
  checkedById: IdSchema.nullable(),
});

const scopeSchema = z.enum(['series', 'occurrence']);

export const CalendarRangeRequestSchema = z
  .strictObject({
    from: TimestampSchema,
    to: TimestampSchema,
    /** Whose items (owners); default: the visible calendars. */
    employeeIds: z.array(IdSchema).max(50).optional(),
    kinds: z.array(CalendarItemKindSchema).optional(),
  })
  .refine((range) => range.to > range.from, { message: 'to must be after from', path: ['to'], params: { reason: 'ends_before_start' } })
  .refine((range) => range.to - range.from <= 370 * 24 * 3600 * 1000, {
    message: 'A range may span at most one year',
    path: ['to'],
    params: { reason: 'range_over_a_year' },
  });

/** One occurrence on the grid (a single item is its own only occurrence). */
export const CalendarOccurrenceSchema = z.object({
  eventId: IdSchema,
  /** The occurrence's original start as the item names it (RECURRENCE-ID); null for a single item. */
  recurrenceId: z.string().nullable(),
  calendarId: IdSchema.nullable(),
  color: z.string().nullable(),
  kind: CalendarItemKindSchema,
  title: z.string(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  allDay: z.boolean(),
  /** The item's own zone; null when floating. */
  tzid: z.string().nullable(),
  location: z.string().nullable(),
  busy: z.boolean(),
  recurring: z.boolean(),
  ownerId: IdSchema.nullable(),
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  companyId: IdSchema.nullable(),
  assignment: AssignmentSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  reminderMinutes: z.number().int().nonnegative().nullable(),
  readOnly: z.boolean(),
  syncState: SyncStateSchema,
});
export type CalendarOccurrence = z.infer<typeof CalendarOccurrenceSchema>;

/** An item as it is edited: its own wall-clock times and zone, its rule, its links. */
export const CalendarItemSchema = z.object({
  id: IdSchema,
  calendarId: IdSchema.nullable(),
  kind: CalendarItemKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  start: ZonedTimeSchema,
  end: ZonedTimeSchema,
  allDay: z.boolean(),
  /** RRULE value (`FREQ=WEEKLY;BYDAY=MO`), null for a single item. */
  rrule: z.string().nullable(),
  /** Occurrences changed one by one (RECURRENCE-ID) and dates taken out (EXDATE). */
  overrides: z.number().int().nonnegative(),
  reminderMinutes: z.number().int().nonnegative().nullable(),
  links: CalendarLinksSchema,
  contactName: z.string().nullable(),
  ownerId: IdSchema.nullable(),
  assignment: AssignmentSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
  readOnly: z.boolean(),
  syncState: SyncStateSchema,
  /** The open conflict about this item, if any. */
  conflictId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type CalendarItem = z.infer<typeof CalendarItemSchema>;

export const CalendarItemInputSchema = z
  .strictObject({
    /** Absent: a new item. */
    id: IdSchema.optional(),
    /** Absent: the owner's default calendar. */
    calendarId: IdSchema.optional(),
    kind: CalendarItemKindSchema,
    title: z.string().trim().min(1, 'Give it a title').max(500),
    description: z.string().max(20_000).nullable().default(null),
    location: z.string().max(500).nullable().default(null),
    start: ZonedTimeSchema,
    end: ZonedTimeSchema,
    allDay: z.boolean().default(false),
    rrule: z
      .string()
      .max(500)
      .regex(/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+\-:]+)*$/, 'Not a recurrence rule (FREQ=…)')
      .nullable()
      .default(null),
    reminderMinutes: z.number().int().min(0).max(40_320).nullable().default(null),
    links: CalendarLinksSchema.default({ contactId: null, companyId: null, dealId: null, complaintId: null, callId: null }),
    /** Whose item it is; absent: the current employee. */
    ownerId: IdSchema.nullable().optional(),
    assigneeId: IdSchema.nullable().optional(),
    /** Editing one occurrence of a series: which one. */
    scope: scopeSchema.default('series'),
    recurrenceId: z.string().max(40).nullable().default(null),
  })
  .refine((item) => item.start.local.length === item.end.local.length, {
    message: 'Start and end must both be dates or both be times',
    path: ['end'],
    params: { reason: 'mixed_date_and_time' },
  });
export type CalendarItemInput = z.input<typeof CalendarItemInputSchema>;

export const CalendarMoveSchema = z.strictObject({
  id: IdSchema,
  recurrenceId: z.string().max(40).nullable().default(null),
  scope: scopeSchema.default('series'),
  /** The new instants (a drag on the grid); kept in the item's own zone. */
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  allDay: z.boolean().optional(),
});

export const CalendarDeleteSchema = z.strictObject({
  id: IdSchema,
  scope: scopeSchema.default('series'),
  recurrenceId: z.string().max(40).nullable().default(null),
});

export const CalendarSchema = z.object({
  id: IdSchema,
  accountId: IdSchema.nullable(),
  displayName: z.string(),
  color: z.string().nullable(),
  ownerEmployeeId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  readOnly: z.boolean(),
  isDefault: z.boolean(),
  visible: z.boolean(),
  /** On the server (false: kept on this workstation only). */
  remote: z.boolean(),
});
export type Calendar = z.infer<typeof CalendarSchema>;

export const syncPhases = ['idle', 'connecting', 'pulling', 'pushing', 'offline', 'failed'] as const;
export const SyncPhaseSchema = z.enum(syncPhases);

export const CalendarAccountSchema = z.object({
  id: IdSchema,
  employeeId: IdSchema.nullable(),
  serverUrl: z.string(),
  username: z.string(),
  phase: SyncPhaseSchema,
  lastSyncAt: TimestampSchema.nullable(),
  lastError: z.string().nullable(),
  /** Local changes waiting for the server. */
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** Items the server sent that could not be read. */
  problems: z.number().int().nonnegative(),
});
export type CalendarAccount = z.infer<typeof CalendarAccountSchema>;

export const CalendarConnectSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/, message: 'An http(s) address' }),
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(500),
  employeeId: IdSchema.optional(),
  /** Colleagues' calendars by address, for servers that do not list them. */
  extraCalendarUrls: z.array(z.url()).max(50).default([]),
});

const conflictFields = ['title', 'start', 'end', 'allDay', 'location', 'description', 'rrule', 'reminderMinutes'] as const;
export const ConflictFieldSchema = z.enum(conflictFields);
export type ConflictField = z.infer<typeof ConflictFieldSchema>;

export const ConflictVersionSchema = z.object({
  title: z.string(),
  start: ZonedTimeSchema,
  end: ZonedTimeSchema,
  allDay: z.boolean(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  rrule: z.string().nullable(),
  reminderMinutes: z.number().nullable(),
});
export type ConflictVersion = z.infer<typeof ConflictVersionSchema>;

export const CalendarConflictSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  kind: z.enum(['edited_on_both', 'deleted_on_server', 'edited_on_server_deleted_here']),
  detectedAt: TimestampSchema,
  /** Null when deleted on that side. */
  mine: ConflictVersionSchema.nullable(),
  theirs: ConflictVersionSchema.nullable(),
  /** The fields that differ. */
  differing: z.array(ConflictFieldSchema),
});
export type CalendarConflict = z.infer<typeof CalendarConflictSchema>;

export const ResolveConflictSchema = z.strictObject({
  id: IdSchema,
  choice: z.enum(['mine', 'theirs', 'merge']),
  /** For a merge: which side each differing field comes from (the rest: theirs). */
  fields: z.partialRecord(ConflictFieldSchema, z.enum(['mine', 'theirs'])).default({}),
});

export const SyncProblemSchema = z.object({
  calendarName: z.string(),
  href: z.string(),
  reason: z.string(),
  detail: z.string(),
  seenAt: TimestampSchema,
});

export const ReminderSchema = z.object({
  eventId: IdSchema,
  occurrenceStart: TimestampSchema,
  title: z.string(),
  kind: CalendarItemKindSchema,
  startsAt: TimestampSchema,
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  /** due: now; missed: its time came while the workstation was off; snoozed: until `snoozedUntil`. */
  state: z.enum(['due', 'missed', 'snoozed']),
  snoozedUntil: TimestampSchema.nullable(),
});
export type Reminder = z.infer<typeof ReminderSchema>;
/** Pushed when a reminder's time comes. */
export const ReminderDueSchema = ReminderSchema;
export type ReminderDue = Reminder;

const occurrenceRef = z.strictObject({ eventId: IdSchema, occurrenceStart: TimestampSchema });

export const LoadRequestSchema = z
  .strictObject({ from: TimestampSchema, to: TimestampSchema, employeeIds: z.array(IdSchema).max(50).optional() })
  .refine((range) => range.to > range.from && range.to - range.from <= 93 * 24 * 3600 * 1000, {
    message: 'A period of up to three months',
    path: ['to'],
    params: { reason: 'bad_period' },
  });

const LoadFigureSchema = z.object({ bookedMinutes: z.number(), meetings: z.number().int(), callbacks: z.number().int() });
export const EmployeeLoadSchema = z.object({
  employeeId: IdSchema,
  employeeName: z.string(),
  /** Days of the workstation's zone, `YYYY-MM-DD`. */
  days: z.array(LoadFigureSchema.extend({ day: z.string() })),
  /** ISO weeks starting on Monday, `YYYY-MM-DD` of the Monday. */
  weeks: z.array(LoadFigureSchema.extend({ weekStart: z.string() })),
});

export const SyncProgressSchema = z.object({
  source: z.enum(['caldav']),
  accountId: IdSchema.optional(),
  phase: z.enum(['connecting', 'pulling', 'pushing', 'done', 'failed', 'offline']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  message: z.string().optional(),
});

const ok = z.object({ ok: z.literal(true) });
const byId = z.strictObject({ id: IdSchema });

export const calendarMethods = {
  /** Occurrences overlapping [from, to): recurring items expanded, each in its own zone. */
  'calendar.range': { input: CalendarRangeRequestSchema, output: z.array(CalendarOccurrenceSchema) },
  'calendar.get': { input: byId, output: CalendarItemSchema },
  /** Creates or changes an item (one occurrence of a series with scope `occurrence`); the change goes to the server's outbox. */
  'calendar.save': { input: CalendarItemInputSchema, output: CalendarItemSchema },
  /** A drag on the grid: new start and end, kept in the item's own zone. */
  'calendar.move': { input: CalendarMoveSchema, output: CalendarItemSchema },
  /** A tombstone here, a DELETE (with the ETag it was based on) to the server; one occurrence becomes an EXDATE. */
  'calendar.delete': { input: CalendarDeleteSchema, output: ok },
  'calendar.setDone': { input: z.strictObject({ id: IdSchema, done: z.boolean() }), output: CalendarItemSchema },
  /** The assignee moves the status; only whoever assigned it sets `checked`. */
  'calendar.setAssignmentStatus': { input: z.strictObject({ id: IdSchema, status: AssignmentStatusSchema }), output: CalendarItemSchema },
  /** Items tied to a record, for its card (the timeline reads them from here, it does not copy them). */
  'calendar.forRecord': {
    input: z.strictObject({ contactId: IdSchema.optional(), companyId: IdSchema.optional(), dealId: IdSchema.optional(), complaintId: IdSchema.optional() }),
    output: z.array(CalendarOccurrenceSchema),
  },
  'calendar.calendars': { input: z.strictObject({}), output: z.array(CalendarSchema) },
  'calendar.setVisible': { input: z.strictObject({ id: IdSchema, visible: z.boolean() }), output: ok },
  /** Where the owner's new items go (one of their writable calendars). */
  'calendar.setDefault': { input: byId, output: ok },
  'calendar.accounts': { input: z.strictObject({}), output: z.array(CalendarAccountSchema) },
  /** Finds the calendars behind a server address (well-known, principal, home) and starts the first sync. */
  'calendar.connect': { input: CalendarConnectSchema, output: CalendarAccountSchema },
  /** Forgets the account and its calendars here (the server keeps them); its password leaves the secret store. */
  'calendar.disconnect': { input: byId, output: ok },
  'calendar.syncNow': { input: z.strictObject({ accountId: IdSchema.optional() }), output: ok },
  'calendar.conflicts': { input: z.strictObject({}), output: z.array(CalendarConflictSchema) },
  'calendar.resolveConflict': { input: ResolveConflictSchema, output: ok },
  'calendar.problems': { input: z.strictObject({}), output: z.array(SyncProblemSchema) },
  /** Due, missed and snoozed reminders. */
  'calendar.reminders': { input: z.strictObject({}), output: z.array(ReminderSchema) },
  'calendar.snoozeReminder': { input: occurrenceRef.extend({ minutes: z.number().int().min(1).max(24 * 60) }), output: ok },
  'calendar.dismissReminder': { input: occurrenceRef, output: ok },
  /** Booked hours, meetings and callbacks per employee per day and week. */
  'calendar.load': { input: LoadRequestSchema, output: z.array(EmployeeLoadSchema) },
} as const;

/** Pushed to the window. */
export const calendarEvents = {
  /** A calendar item's reminder time has come. */
  'reminder.due': ReminderDueSchema,
  'sync.progress': SyncProgressSchema,
  /** Items changed (a sync brought changes, or another window saved): views reload. */
  'calendar.changed': z.object({ source: z.enum(['local', 'sync']) }),
} as const;
