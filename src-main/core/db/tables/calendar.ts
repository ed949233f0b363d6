import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { companies, contacts, employees } from './crm';

/**
 * The calendar, two-way with the company's CalDAV server. A server resource (one UID: the item, its
 * recurrence overrides, its time zones) is one `calendar_events` row keeping the server's exact text, so
 * what nobody edited goes back byte for byte; the other columns are read from that text for queries.
 * Local changes wait in `calendar_outbox` until the server takes them with the ETag they were based on.
 */
const changeColumns = {
  updatedAt: integer('updated_at').notNull(),
  /** The employee who made the last change (null when nobody was chosen on this workstation). */
  updatedBy: text('updated_by'),
};

/** An employee's CalDAV account on this workstation. Its password is in the secret store (`caldav:<id>`), never here. */
export const calendarAccounts = sqliteTable('calendar_accounts', {
  id: text('id').primaryKey(),
  employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
  serverUrl: text('server_url').notNull(),
  username: text('username').notNull(),
  principalUrl: text('principal_url'),
  homeUrl: text('home_url'),
  /** Colleagues' calendars added by URL (JSON array), for servers that do not list them. */
  extraCalendarUrls: text('extra_calendar_urls').notNull().default('[]'),
  lastSyncAt: integer('last_sync_at'),
  lastError: text('last_error'),
  createdAt: integer('created_at').notNull(),
  ...changeColumns,
  deletedAt: integer('deleted_at'),
});

/** Calendars: one on this workstation per employee until an account is connected, then the server's (own, department, colleagues'). */
export const calendars = sqliteTable(
  'calendars',
  {
    id: text('id').primaryKey(),
    /** Null for a calendar kept on this workstation only. */
    accountId: text('account_id').references(() => calendarAccounts.id, { onDelete: 'cascade' }),
    /** The server's collection URL (path); null for a local calendar. */
    url: text('url'),
    displayName: text('display_name').notNull(),
    color: text('color'),
    /** Whose calendar it is: the team view shows it in that employee's column. */
    ownerEmployeeId: text('owner_employee_id').references(() => employees.id, { onDelete: 'set null' }),
    ownerUsername: text('owner_username'),
    readOnly: integer('read_only', { mode: 'boolean' }).notNull().default(false),
    /** Components the server accepts here, comma-separated ("VEVENT,VTODO"). */
    components: text('components').notNull().default('VEVENT,VTODO'),
    /** New items of the owner go here. */
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    /** Shown in the views (a local preference). */
    visible: integer('visible', { mode: 'boolean' }).notNull().default(true),
    ctag: text('ctag'),
    syncToken: text('sync_token'),
    createdAt: integer('created_at').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [uniqueIndex('calendars_account_url_idx').on(t.accountId, t.url), index('calendars_owner_idx').on(t.ownerEmployeeId)],
);

export const calendarEvents = sqliteTable(
  'calendar_events',
  {
    id: text('id').primaryKey(),
    calendarId: text('calendar_id').references(() => calendars.id, { onDelete: 'cascade' }),
    uid: text('uid'),
    /** The resource's path on the server; null until the server has it. */
    href: text('href'),
    etag: text('etag'),
    /** The resource's iCalendar text: the server's own bytes until edited here. */
    ics: text('ics'),
    component: text('component', { enum: ['VEVENT', 'VTODO'] }).notNull().default('VEVENT'),
    kind: text('kind', { enum: ['meeting', 'call', 'callback', 'interaction', 'assignment', 'event'] })
      .notNull()
      .default('event'),
    title: text('title').notNull(),
    /** UTC ms of the first occurrence's start and end (floating and all-day times read in the workstation's zone). */
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** For range queries: UTC ms at or after the last occurrence's end; null for a rule without end. Equals ends_at for a single item. */
    rangeEndsAt: integer('range_ends_at'),
    recurring: integer('recurring', { mode: 'boolean' }).notNull().default(false),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    /** The item's own zone (TZID); null for floating and all-day items. */
    tzid: text('tzid'),
    status: text('status'),
    busy: integer('busy', { mode: 'boolean' }).notNull().default(true),
    location: text('location'),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    dealId: text('deal_id'),
    complaintId: text('complaint_id'),
    callId: text('call_id'),
    /** The employee the item is for (the calendar's owner, or a callback's operator). */
    ownerId: text('owner_id').references(() => employees.id, { onDelete: 'set null' }),
    assigneeId: text('assignee_id').references(() => employees.id, { onDelete: 'set null' }),
    assignedById: text('assigned_by_id').references(() => employees.id, { onDelete: 'set null' }),
    assignmentStatus: text('assignment_status', { enum: ['open', 'in_progress', 'done', 'checked', 'cancelled'] }),
    /** Minutes before the start to remind; null for no reminder (the VALARM in the text). */
    reminderMinutes: integer('reminder_minutes'),
    /** Bumped by every local change; the outbox row names the revision it sends. */
    /** A planned contact, call or callback carried out (X-CRM-DONE); null while still to do. */
    doneAt: integer('done_at'),
    localRevision: integer('local_revision').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('calendar_events_starts_idx').on(t.startsAt),
    index('calendar_events_contact_idx').on(t.contactId, t.startsAt),
    index('calendar_events_owner_idx').on(t.ownerId, t.startsAt),
    index('calendar_events_series_idx').on(t.recurring, t.rangeEndsAt),
    uniqueIndex('calendar_events_calendar_uid_idx').on(t.calendarId, t.uid),
    index('calendar_events_href_idx').on(t.href),
  ],
);

/** Local changes bound for the server: one row per item, updated in place until the server takes the change. */
export const calendarOutbox = sqliteTable(
  'calendar_outbox',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => calendarEvents.id, { onDelete: 'cascade' }),
    operation: text('operation', { enum: ['put', 'delete'] }).notNull(),
    /** The item's local revision this row sends; a newer edit updates the row. */
    revision: integer('revision').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    ...changeColumns,
  },
  (t) => [uniqueIndex('calendar_outbox_event_idx').on(t.eventId), index('calendar_outbox_due_idx').on(t.nextAttemptAt)],
);

/** An item changed both here and on the server (or deleted on one side, edited on the other): both versions kept until someone chooses. */
export const calendarConflicts = sqliteTable(
  'calendar_conflicts',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => calendarEvents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['edited_on_both', 'deleted_on_server', 'edited_on_server_deleted_here'] }).notNull(),
    /** Our version when the conflict was found (the row keeps showing it until resolved). */
    localIcs: text('local_ics'),
    /** The server's version and its ETag; null when the server deleted the item. */
    serverIcs: text('server_ics'),
    serverEtag: text('server_etag'),
    detectedAt: integer('detected_at').notNull(),
    resolvedAt: integer('resolved_at'),
    resolution: text('resolution', { enum: ['mine', 'theirs', 'merged'] }),
    ...changeColumns,
  },
  (t) => [index('calendar_conflicts_event_idx').on(t.eventId, t.resolvedAt)],
);

/** What a sync could not take from the server (malformed iCalendar): shown, and tried again at the next change. */
export const calendarSyncProblems = sqliteTable(
  'calendar_sync_problems',
  {
    id: text('id').primaryKey(),
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendars.id, { onDelete: 'cascade' }),
    href: text('href').notNull(),
    etag: text('etag'),
    reason: text('reason').notNull(),
    detail: text('detail').notNull(),
    seenAt: integer('seen_at').notNull(),
  },
  (t) => [uniqueIndex('calendar_sync_problems_href_idx').on(t.calendarId, t.href)],
);

/**
 * Reminder state per occurrence: shown, snoozed, dismissed. Local to this workstation, never written into
 * the synced item (a colleague's alarm is not ours to silence).
 */
export const reminderStates = sqliteTable(
  'reminder_states',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => calendarEvents.id, { onDelete: 'cascade' }),
    /** UTC ms of the occurrence's start. */
    occurrenceStart: integer('occurrence_start').notNull(),
    shownAt: integer('shown_at'),
    snoozedUntil: integer('snoozed_until'),
    dismissedAt: integer('dismissed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('reminder_states_occurrence_idx').on(t.eventId, t.occurrenceStart)],
);
