import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { DealStageKeySchema } from './deals';
import { InteractionKindSchema } from './interactions';

/**
 * The phone's registration as the phone bar and the tray show it:
 *
 *   no_account ─▶ connecting ─▶ registering ─▶ registered
 *                     ▲              │              │
 *                     └── offline ◀──┴──── (network or PBX lost; retried with backoff)
 *                                    └─▶ failed (refused: wrong password, forbidden; retried only on change)
 */
export const registrationStates = ['no_account', 'connecting', 'registering', 'registered', 'offline', 'failed'] as const;
export const RegistrationStateSchema = z.enum(registrationStates);
export type RegistrationState = z.infer<typeof RegistrationStateSchema>;

/** Why a registration is not up, as the phone bar words it and says what to do. */
export const registrationProblems = ['unreachable', 'refused', 'unauthorized', 'forbidden', 'timeout', 'rejected', 'link_lost'] as const;
export const RegistrationProblemSchema = z.enum(registrationProblems);
export type RegistrationProblem = z.infer<typeof RegistrationProblemSchema>;

/** One SIP account's line: its registration and whether it takes calls. */
export const AccountLineStatusSchema = z.object({
  registration: RegistrationStateSchema,
  /** Why it is offline or failed, in the PBX's words ("401 Unauthorized", "connection refused"). */
  detail: z.string().optional(),
  /** The same reason as a code, while offline or failed. */
  problem: RegistrationProblemSchema.optional(),
  account: z.object({ id: IdSchema, label: z.string() }).optional(),
  /** The next reconnection attempt, while offline. */
  retryAt: TimestampSchema.optional(),
  /** Calls to this account are refused (and kept in the history as missed). */
  doNotDisturb: z.boolean().optional(),
});
export type AccountLineStatus = z.infer<typeof AccountLineStatusSchema>;

/**
 * The phone as the phone bar and tray show it: the top-level fields are the first account's (or
 * "no_account"); `accounts` holds every enabled account's own line.
 */
export const PhoneStatusSchema = AccountLineStatusSchema.extend({
  accounts: z.array(AccountLineStatusSchema.extend({ account: z.object({ id: IdSchema, label: z.string() }) })).optional(),
});
export type PhoneStatus = z.infer<typeof PhoneStatusSchema>;

export const IceServerSchema = z.strictObject({
  urls: z.string().regex(/^(stun|turns?):/, 'A STUN or TURN address (stun:host:port, turn:host:port)'),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

/** A STUN/TURN server as the window reads it back: whether a password is stored, never the password. */
export const IceServerPublicSchema = z.strictObject({
  urls: z.string(),
  username: z.string().optional(),
  hasCredential: z.boolean(),
});

export const SipAccountSchema = z.object({
  id: IdSchema,
  label: z.string(),
  wsUrl: z.string(),
  sipUri: z.string(),
  authUser: z.string(),
  displayName: z.string(),
  iceServers: z.array(IceServerPublicSchema),
  record: z.boolean(),
  consentAnnouncement: z.boolean(),
  enabled: z.boolean(),
  /** The call script run beside calls coming in on this account. */
  scriptId: IdSchema.nullable(),
  /** Whether a password is stored (it never leaves main). */
  hasPassword: z.boolean(),
});
export type SipAccount = z.infer<typeof SipAccountSchema>;

export const SipAccountInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    label: z.string().trim().min(1).max(80),
    wsUrl: z.string().trim().regex(/^wss?:\/\/[^\s/]+/, 'A WebSocket address: wss://pbx.example.com:8089/ws'),
    sipUri: z.string().trim().regex(/^sip:[^@\s]+@[^@\s]+$/, 'A SIP address: sip:101@pbx.example.com'),
    authUser: z.string().trim().max(120).default(''),
    /** Omitted when editing keeps the stored password; an empty string removes it. */
    password: z.string().max(200).optional(),
    displayName: z.string().trim().max(120).default(''),
    /** A server's credential omitted keeps the stored one; an empty string removes it. */
    iceServers: z.array(IceServerSchema).max(10).default([]),
    record: z.boolean().default(false),
    consentAnnouncement: z.boolean().default(false),
    enabled: z.boolean().default(true),
    /** The call script run beside calls coming in on this account. */
    scriptId: IdSchema.nullable().default(null),
  })
  .refine((a) => a.wsUrl.startsWith('wss://') || /^ws:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(a.wsUrl), {
    message: 'Use wss:// (plain ws:// only to this computer)',
    params: { reason: 'ws_url_not_secure' },
    path: ['wsUrl'],
  });
export type SipAccountInput = z.input<typeof SipAccountInputSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  problem: RegistrationProblemSchema.optional(),
  detail: z.string(),
});

export const callStates = ['dialing', 'ringing_out', 'ringing_in', 'answering', 'active', 'holding', 'held', 'resuming', 'ending', 'ended'] as const;
export const CallStateSchema = z.enum(callStates);
export type CallState = z.infer<typeof CallStateSchema>;

export const CallContactSchema = z.object({ id: IdSchema, fullName: z.string(), companyName: z.string().nullable() });

export const CallInfoSchema = z.object({
  id: IdSchema,
  /** The SIP account the call is on; transfers, forwards and conferences stay on it. */
  accountId: IdSchema,
  direction: z.enum(['in', 'out']),
  state: CallStateSchema,
  /** The other party's number as the PBX sent it (or as dialled). */
  remoteNumber: z.string(),
  remoteName: z.string().nullable(),
  contact: CallContactSchema.nullable(),
  startedAt: TimestampSchema,
  answeredAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  /** Why the call ended, or why the last action failed ("486 Busy Here", "hold refused: 488"). */
  detail: z.string().nullable(),
  endedBy: z.enum(['local', 'remote', 'system']).nullable(),
  /** The interaction this call is recorded as. */
  interactionId: IdSchema.nullable(),
  /** Joined with the operator's other call into a three-way conference (mixed in the window). */
  conference: z.boolean(),
  /** The account records its calls (the window records both sides once answered); announce first or not. */
  recording: z.object({ announce: z.boolean() }).nullable(),
});
export type CallInfo = z.infer<typeof CallInfoSchema>;


/** Everything the operator should see before answering. */
export const ScreenPopSchema = z.object({
  callId: IdSchema,
  number: z.string(),
  displayName: z.string().nullable(),
  contacts: z.array(
    z.object({
      id: IdSchema,
      fullName: z.string(),
      companyName: z.string().nullable(),
      responsibleName: z.string().nullable(),
      tags: z.array(z.string()),
    }),
  ),
  companies: z.array(z.object({ id: IdSchema, name: z.string() })),
  lastInteractions: z.array(z.object({ kind: InteractionKindSchema, subject: z.string(), occurredAt: TimestampSchema, employeeName: z.string().nullable() })),
  openDeals: z.array(z.object({ id: IdSchema, title: z.string(), stage: z.string(), stageKey: DealStageKeySchema.nullable() })),
  openComplaints: z.array(z.object({ id: IdSchema, number: z.number().int(), subject: z.string(), state: z.string() })),
  nextMeetings: z.array(z.object({ id: IdSchema, title: z.string(), startsAt: TimestampSchema })),
});
export type ScreenPop = z.infer<typeof ScreenPopSchema>;

/** Pushed the moment an INVITE arrives: the call and its screen pop, so nothing waits on a round trip. */
export const CallRingingSchema = z.object({ call: CallInfoSchema, screenPop: ScreenPopSchema });
export type CallRinging = z.infer<typeof CallRingingSchema>;

/** What main asks the window's media engine to do for a call (WebRTC lives in the renderer). */
export const MediaRequestSchema = z.object({
  requestId: IdSchema,
  /** The window this request is for (the one that attached as the media client). */
  clientId: z.string(),
  callId: IdSchema,
  /**
   * `detect_machine`: the answering-machine verdict on the remote audio; `play`: a recorded message sent in place of the microphone;
   * `listen`: the operator comes on or off the call (see `listen`).
   */
  op: z.enum(['offer', 'answer', 'remote', 'dtmf', 'close', 'detect_machine', 'play', 'listen']),
  /** The remote SDP for `answer` and `remote`. */
  sdp: z.string().optional(),
  /** For offers: hold (send-only) or not. */
  hold: z.boolean().optional(),
  /**
   * For offer and answer (absent means true), and the new value for `listen`: whether the operator hears and is heard
   * on the call. A dialer's call is not, until handed over: its audio is not played and no microphone is sent to it.
   */
  listen: z.boolean().optional(),
  tones: z.string().optional(),
  iceServers: z.array(IceServerSchema).optional(),
  /** For play: the message, any audio the window can decode (WAV, Ogg, MP3…). */
  audioBase64: z.string().optional(),
});
export type MediaRequest = z.infer<typeof MediaRequestSchema>;

export const MediaReplySchema = z.strictObject({
  requestId: IdSchema,
  sdp: z.string().max(200_000).optional(),
  /** For dtmf: whether RFC 4733 tones could be sent in the media (else main falls back to SIP INFO). */
  sent: z.boolean().optional(),
  /** For detect_machine: who answered, and how long after the start of listening that was decided. */
  verdict: z.enum(['human', 'machine', 'silence']).optional(),
  afterMs: z.number().min(0).max(600_000).optional(),
  /** For play: the message has played to its end, taking `ms`. */
  played: z.boolean().optional(),
  ms: z.number().min(0).max(3_600_000).optional(),
  error: z.string().max(500).optional(),
});

export const CallQualitySchema = z.strictObject({
  callId: IdSchema,
  jitterMs: z.number().min(0).max(100_000),
  packetLossPercent: z.number().min(0).max(100),
  roundTripMs: z.number().min(0).max(100_000),
  mos: z.number().min(1).max(5),
  packetsReceived: z.number().int().min(0),
  packetsSent: z.number().int().min(0),
});
export type CallQuality = z.infer<typeof CallQualitySchema>;

export const lineStates = ['idle', 'ringing', 'busy', 'unknown'] as const;
export const LineStateSchema = z.enum(lineStates);
export type LineState = z.infer<typeof LineStateSchema>;

/** A colleague's line as the secretary console shows it (RFC 4235 dialog events, where the PBX offers them). */
export const ColleagueLineSchema = z.object({
  employeeId: IdSchema,
  name: z.string(),
  extension: z.string(),
  /** "unknown" until the PBX answers the subscription, or when it does not offer dialog events. */
  state: LineStateSchema,
});
export type ColleagueLine = z.infer<typeof ColleagueLineSchema>;

/** Why a tel:/sip: link from another program could not be dialled. */
export const UnreadableLinkReasonSchema = z.enum(['broken_escape', 'no_sip_address', 'no_number']);
export type UnreadableLinkReason = z.infer<typeof UnreadableLinkReasonSchema>;
