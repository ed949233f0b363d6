import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { DialingModeSchema } from './campaigns';

/**
 * The operator's side of a campaign on this workstation: join it, be ready, pause with a reason, dial or
 * skip the previewed card, and dispose of each conversation. Main runs the dialing mode; the window only
 * shows the session and sends the operator's choices.
 */

export const operatorSessionStates = ['off', 'ready', 'previewing', 'dialing', 'on_call', 'wrap_up', 'paused'] as const;
export const OperatorSessionStateSchema = z.enum(operatorSessionStates);
export type OperatorSessionState = z.infer<typeof OperatorSessionStateSchema>;

/** Reasons an operator gives for a pause. */
export const operatorPauseReasons = ['break', 'lunch', 'training', 'meeting', 'technical', 'other'] as const;
/** Pauses the workstation makes by itself, and lifts by itself when the cause is gone (except `wrap_up_overrun`). */
export const systemPauseReasons = ['phone_unregistered', 'phone_unavailable', 'campaign_paused', 'abandon_cap', 'wrap_up_overrun'] as const;
export const PauseReasonSchema = z.enum([...operatorPauseReasons, ...systemPauseReasons]);
export type PauseReason = z.infer<typeof PauseReasonSchema>;

export const SessionEntrySchema = z.object({
  entryId: IdSchema,
  contactId: IdSchema,
  contactName: z.string(),
  phone: z.string(),
  /** The callee's zone as the rules read it, and their local time now. */
  timeZone: z.string().nullable(),
  attempts: z.number(),
  lastOutcome: z.string().nullable(),
  /** A callback the client asked for (this entry came first because it is due). */
  callbackAt: TimestampSchema.nullable(),
});
export type SessionEntry = z.infer<typeof SessionEntrySchema>;

export const OperatorSessionSchema = z.object({
  campaignId: IdSchema,
  campaignName: z.string(),
  mode: DialingModeSchema,
  state: OperatorSessionStateSchema,
  /** When the session entered its state (the board's "for 3 min"). */
  since: TimestampSchema,
  pauseReason: PauseReasonSchema.nullable(),
  /** The person on the card, being dialed, talked to, or wrapped up. */
  entry: SessionEntrySchema.nullable(),
  callId: IdSchema.nullable(),
  /** Preview: the card dials by itself at this time (null: only on the operator's click). */
  countdownEndsAt: TimestampSchema.nullable(),
  /** Wrap-up: the campaign's time for it ends here (after it the session pauses as `wrap_up_overrun`). */
  wrapUpEndsAt: TimestampSchema.nullable(),
  /** Power: lines ringing now, and the ratio the pacing dials at. */
  linesOut: z.number(),
  pacedRatio: z.number(),
  /** Nothing to dial now: when the next entry comes due (null: the operator's part is done or none waits). */
  idleUntil: TimestampSchema.nullable(),
});
export type OperatorSession = z.infer<typeof OperatorSessionSchema>;

const session = OperatorSessionSchema;

export const dialerMethods = {
  /** The session this workstation runs (null: none). */
  'dialer.session': { input: z.strictObject({}), output: session.nullable() },
  /** The current employee starts working their part of a running campaign (ready at once). */
  'dialer.join': { input: z.strictObject({ campaignId: IdSchema }), output: session },
  'dialer.ready': { input: z.strictObject({}), output: session },
  'dialer.pause': { input: z.strictObject({ reason: z.enum(operatorPauseReasons) }), output: session },
  /** Stops working the campaign (not during a call or an undisposed wrap-up). */
  'dialer.leave': { input: z.strictObject({}), output: z.object({ ok: z.literal(true) }) },
  /** Preview: dials the card shown; the rules are asked again at this moment. */
  'dialer.dial': { input: z.strictObject({}), output: session },
  /** Preview: passes the card over, saying why; it comes back later. */
  'dialer.skip': { input: z.strictObject({ reason: z.string().trim().min(1).max(200) }), output: session },
  /** The conversation's disposition; a callback needs the time the client chose. Then the next number. */
  'dialer.dispose': {
    input: z.strictObject({ dispositionId: IdSchema, callbackAt: TimestampSchema.nullable().default(null), note: z.string().max(2000).default('') }),
    output: session,
  },
};

export const dialerEvents = {
  'dialer.session': session.nullable(),
};
