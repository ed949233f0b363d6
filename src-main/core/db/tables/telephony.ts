import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { interactions } from './crm';

/** SIP accounts of this workstation. Passwords are in the secret store, never here. */
export const sipAccounts = sqliteTable('sip_accounts', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  wsUrl: text('ws_url').notNull(),
  sipUri: text('sip_uri').notNull(),
  authUser: text('auth_user').notNull().default(''),
  displayName: text('display_name').notNull().default(''),
  /** JSON list of STUN/TURN servers (TURN credentials included: they are per-PBX, not personal). */
  iceServers: text('ice_servers').notNull().default('[]'),
  record: integer('record', { mode: 'boolean' }).notNull().default(false),
  consentAnnouncement: integer('consent_announcement', { mode: 'boolean' }).notNull().default(false),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** The call script run beside calls that come in on this account (a script's id; none when null). */
  scriptId: text('script_id'),
  createdAt: integer('created_at').notNull(),
});

/**
 * The telephony facts of a call, beside the interaction that puts it on the client's timeline:
 * numbers, when it rang, was answered and ended, who hung up and why, quality, recording.
 */
export const calls = sqliteTable(
  'calls',
  {
    interactionId: text('interaction_id')
      .primaryKey()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    accountId: text('account_id'),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** The other party's number, canonical: E.164 when it reads as one (whatever form the PBX sent), else as sent. */
    remoteNumber: text('remote_number').notNull(),
    /** The identity exactly as it arrived (the header text) or as the operator dialled it. */
    remoteRaw: text('remote_raw'),
    remoteName: text('remote_name'),
    /** The number in E.164 when it reads as one, else as sent: matches a missed call to its call back. */
    remoteKey: text('remote_key').notNull().default(''),
    sipCallId: text('sip_call_id'),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    endedAt: integer('ended_at'),
    endedBy: text('ended_by', { enum: ['local', 'remote', 'system'] }),
    endReason: text('end_reason'),
    disposition: text('disposition', { enum: ['ringing', 'active', 'answered', 'missed', 'busy', 'no_answer', 'rejected', 'cancelled', 'failed', 'transferred'] }).notNull(),
    jitterMs: real('jitter_ms'),
    packetLossPercent: real('packet_loss_percent'),
    roundTripMs: real('round_trip_ms'),
    mos: real('mos'),
    recordingFile: text('recording_file'),
    /** The operator who had the call (the interaction's employee, kept here so reports read one table). */
    employeeId: text('employee_id'),
    /** The campaign the call was dialed for (null: a call of the operator's own). */
    campaignId: text('campaign_id'),
    /** Answered time on the line, hold excluded (seconds; 0 for an unanswered call). */
    talkSeconds: integer('talk_seconds').notNull().default(0),
    /** Time the other party waited on hold (seconds). */
    holdSeconds: integer('hold_seconds').notNull().default(0),
    /** From the call's end to the operator's wrap-up (seconds); null until the wrap-up is saved. */
    wrapUpSeconds: integer('wrap_up_seconds'),
  },
  (t) => [
    // Operator KPIs for a period read this index alone (a month of a 10M-call history without touching the table).
    index('calls_kpi_idx').on(t.startedAt, t.employeeId, t.direction, t.disposition, t.campaignId, t.talkSeconds, t.holdSeconds, t.wrapUpSeconds, t.answeredAt),
    // …and an operator's (or every operator's, grouped) from this one, in operator order without a sort.
    index('calls_employee_idx').on(t.employeeId, t.startedAt, t.direction, t.disposition, t.campaignId, t.talkSeconds, t.holdSeconds, t.wrapUpSeconds, t.answeredAt),
    index('calls_disposition_idx').on(t.disposition, t.startedAt),
    index('calls_remote_idx').on(t.remoteKey, t.startedAt),
  ],
);
