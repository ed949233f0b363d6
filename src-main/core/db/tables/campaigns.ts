import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts, employees, interactions } from './crm';
import { scripts } from './scripts';

/**
 * Outbound campaigns: what is called, by whom, under which rules, and every attempt with the reason it
 * was allowed. Ready to be synchronised between workstations: stable text ids on every row (child rows
 * too), `updated_at` and `updated_by`, tombstones for deletions of shared records, no local counters
 * shown to people.
 */
const changeColumns = {
  updatedAt: integer('updated_at').notNull(),
  /** The employee who made the last change (null when nobody was chosen on this workstation). */
  updatedBy: text('updated_by'),
};

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    /** Why the campaign calls: the calling rules apply by purpose (see core/dialer/rules). */
    purpose: text('purpose', { enum: ['sales', 'survey', 'debt_collection', 'informational', 'service'] }).notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at'),
    /** The number the callee sees (sent as P-Preferred-Identity). */
    callerNumber: text('caller_number'),
    /** The SIP account the campaign's calls go through; null: the operator's first registered one. */
    accountId: text('account_id'),
    scriptId: text('script_id').references(() => scripts.id, { onDelete: 'set null' }),
    questionnaireId: text('questionnaire_id').references(() => scripts.id, { onDelete: 'set null' }),
    mode: text('mode', { enum: ['preview', 'progressive', 'power'] }).notNull(),
    /** Power mode: at most this many lines per ready operator (pacing lowers it near the abandon cap). */
    powerRatio: real('power_ratio').notNull().default(2),
    /** Preview mode: dial by itself after this many seconds; null: only on the operator's click. */
    previewCountdownSeconds: integer('preview_countdown_seconds'),
    ringTimeoutSeconds: integer('ring_timeout_seconds').notNull().default(25),
    wrapUpSeconds: integer('wrap_up_seconds').notNull().default(30),
    /** A jurisdiction profile id ("ru", "ua", "uk", "us") or "by_number": the callee's country decides. */
    profile: text('profile').notNull(),
    /** The supervisor's stricter settings (CampaignRuleSettings as JSON): never looser than the profile. */
    rules: text('rules').notNull().default('{}'),
    amdAction: text('amd_action', { enum: ['off', 'hang_up', 'leave_message', 'pass_to_operator'] }).notNull().default('off'),
    state: text('state', { enum: ['draft', 'running', 'paused', 'finished'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('campaigns_state_idx').on(t.state, t.startsAt)],
);

/** How an attempt can end, as the campaign's operators choose it; each with its hotkey. */
export const campaignDispositions = sqliteTable(
  'campaign_dispositions',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    /** final: the number is done; retry: it is called again after `retry_minutes`; callback: at the time the client chose. */
    kind: text('kind', { enum: ['final', 'retry', 'callback'] }).notNull(),
    success: integer('success', { mode: 'boolean' }).notNull().default(false),
    /** The client asked not to be called again: the contact's do-not-call flag is set with it. */
    optOut: integer('opt_out', { mode: 'boolean' }).notNull().default(false),
    hotkey: text('hotkey'),
    retryMinutes: integer('retry_minutes'),
    position: integer('position').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('campaign_dispositions_campaign_idx').on(t.campaignId, t.position)],
);

/** The employees working a campaign. */
export const campaignOperators = sqliteTable(
  'campaign_operators',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    employeeId: text('employee_id')
      .notNull()
      .references(() => employees.id, { onDelete: 'cascade' }),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [uniqueIndex('campaign_operators_unique').on(t.campaignId, t.employeeId)],
);

/**
 * One number of a campaign's list, assigned to one operator. `next_at` is the earliest time it may be tried
 * (a retry delay, a callback, a window closed in the callee's zone): the next number is the waiting entry
 * of the operator's part with the lowest (priority, next_at) that has come due, checked against every
 * rule at that moment.
 */
export const campaignEntries = sqliteTable(
  'campaign_entries',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** E.164. */
    phone: text('phone').notNull(),
    operatorId: text('operator_id').references(() => employees.id, { onDelete: 'set null' }),
    /**
     * waiting: to be called (again); dialing: an attempt is out; done: a final disposition; excluded: taken off the
     * list (with a reason); away: in an operator's part worked on another workstation, not dialed here until its
     * results come back (or the part is taken back).
     */
    state: text('state', { enum: ['waiting', 'dialing', 'done', 'excluded', 'away'] }).notNull(),
    /** 0: a callback the client asked for; 1: everything else. Callbacks due come before new numbers. */
    priority: integer('priority').notNull().default(1),
    nextAt: integer('next_at').notNull(),
    /** The time the client chose for a callback (their local time, stored as an instant). */
    callbackAt: integer('callback_at'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: integer('last_attempt_at'),
    lastOutcome: text('last_outcome'),
    dispositionId: text('disposition_id'),
    /** The last refusal by the calling rules (JSON: rule, reason, params), shown to the supervisor. */
    lastRefusal: text('last_refusal'),
    excludedReason: text('excluded_reason'),
    ...changeColumns,
  },
  (t) => [
    index('campaign_entries_next_idx').on(t.campaignId, t.operatorId, t.state, t.priority, t.nextAt),
    index('campaign_entries_contact_idx').on(t.contactId),
    uniqueIndex('campaign_entries_unique').on(t.campaignId, t.contactId, t.phone),
  ],
);

/**
 * Every attempt: written (state "placing", the rules' "allowed because" record with it) in the same
 * transaction that marks its entry dialing, before the INVITE leaves; a restart finds an attempt that
 * never ended and closes it as interrupted instead of dialing the number again.
 */
export const campaignAttempts = sqliteTable(
  'campaign_attempts',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    entryId: text('entry_id')
      .notNull()
      .references(() => campaignEntries.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    operatorId: text('operator_id').references(() => employees.id, { onDelete: 'set null' }),
    /** The call's interaction once the INVITE is out. */
    callId: text('call_id').references(() => interactions.id, { onDelete: 'set null' }),
    mode: text('mode', { enum: ['preview', 'progressive', 'power'] }).notNull(),
    state: text('state', { enum: ['placing', 'ringing', 'answered', 'ended'] }).notNull(),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    endedAt: integer('ended_at'),
    /** busy, no_answer, failed, machine, abandoned, reached, reached_late (a person connected after the law's delay: abandoned for the rate), interrupted (the workstation stopped). */
    outcome: text('outcome'),
    dispositionId: text('disposition_id'),
    amdVerdict: text('amd_verdict', { enum: ['human', 'machine', 'silence'] }),
    /** The rules' "allowed because" record (JSON), for the audit log. */
    allowedBecause: text('allowed_because').notNull(),
    ...changeColumns,
  },
  (t) => [
    index('campaign_attempts_phone_idx').on(t.phone, t.startedAt),
    index('campaign_attempts_contact_idx').on(t.contactId, t.startedAt),
    index('campaign_attempts_campaign_idx').on(t.campaignId, t.startedAt),
    index('campaign_attempts_entry_idx').on(t.entryId, t.startedAt),
    // Operator KPIs (attempts and conversions per operator) read this index alone.
    index('campaign_attempts_operator_idx').on(t.operatorId, t.startedAt, t.dispositionId, t.campaignId),
    // The part-hour at the start of an abandon period is counted from answered attempts only: these alone, covered.
    index('campaign_attempts_answered_idx').on(t.campaignId, t.startedAt, t.outcome, t.amdVerdict, t.answeredAt).where(sql`${t.answeredAt} IS NOT NULL`),
  ],
);

/**
 * A campaign's live-answered and abandoned calls per hour of their start, kept with every attempt's answer,
 * machine verdict and abandon (same transaction): the abandon rate over a period (24 h, 30 days) is checked
 * at every dial, and summing hours costs the same whatever the campaign's volume.
 */
export const campaignAbandonHours = sqliteTable(
  'campaign_abandon_hours',
  {
    /** `<campaign id>:<hour>`: the same row on every workstation that counts the same hour. */
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The hour's start, epoch ms. */
    hour: integer('hour').notNull(),
    live: integer('live').notNull().default(0),
    abandoned: integer('abandoned').notNull().default(0),
    ...changeColumns,
  },
  (t) => [index('campaign_abandon_hours_idx').on(t.campaignId, t.hour, t.live, t.abandoned)],
);

/** Do-not-call numbers: the workstation's global list (campaign null) and each campaign's own. */
export const doNotCallNumbers = sqliteTable(
  'do_not_call_numbers',
  {
    id: text('id').primaryKey(),
    /** E.164. */
    phone: text('phone').notNull(),
    campaignId: text('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    /** Where the entry came from: "opt-out during a call", an imported registry file… */
    source: text('source').notNull(),
    addedAt: integer('added_at').notNull(),
    ...changeColumns,
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('do_not_call_numbers_phone_idx').on(t.phone, t.campaignId)],
);

/** A person's recorded prior consent to calls of one purpose, with its source; revoked, not deleted. */
export const callConsents = sqliteTable(
  'call_consents',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['sales', 'survey', 'debt_collection', 'informational', 'service'] }).notNull(),
    source: text('source').notNull(),
    givenAt: integer('given_at').notNull(),
    revokedAt: integer('revoked_at'),
    ...changeColumns,
  },
  (t) => [index('call_consents_contact_idx').on(t.contactId, t.purpose)],
);

/**
 * Recorded messages a campaign plays into a call: `abandon` to a person answered when no operator is free
 * (the regulator's information message), `machine` left on an answering machine. The audio is kept here so
 * that it travels with the campaign to other workstations.
 */
export const campaignMessages = sqliteTable(
  'campaign_messages',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['abandon', 'machine'] }).notNull(),
    fileName: text('file_name').notNull(),
    audio: blob('audio', { mode: 'buffer' }).notNull(),
    ...changeColumns,
  },
  (t) => [uniqueIndex('campaign_messages_kind_idx').on(t.campaignId, t.kind)],
);

/**
 * Each stretch of time an operator spent in one state of a campaign session (ready, dialing, on call, wrap-up,
 * paused with its reason): the live board reads the open ones, reports sum them. A stretch left open by a stopped
 * workstation is closed at the next start.
 */
export const operatorStates = sqliteTable(
  'operator_states',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['ready', 'previewing', 'dialing', 'on_call', 'wrap_up', 'paused'] }).notNull(),
    /** Paused: why (the operator's reason, or the system's: the phone unregistered, the campaign paused…). */
    reason: text('reason'),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
    ...changeColumns,
  },
  (t) => [index('operator_states_employee_idx').on(t.employeeId, t.startedAt), index('operator_states_campaign_idx').on(t.campaignId, t.startedAt)],
);
