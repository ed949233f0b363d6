import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CallDispositionSchema, DirectionSchema, InteractionItemSchema } from './interactions';
import { DownloadChunkSchema } from './transfer';

export const CallHistoryRequestSchema = z
  .strictObject({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
    direction: DirectionSchema.optional(),
    /** Only incoming calls nobody answered (rung out, caller gave up, do-not-disturb). */
    missed: z.boolean().default(false),
    employeeId: IdSchema.optional(),
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
  })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'The period ends before it starts', path: ['to'], params: { reason: 'ends_before_start' } });

export const CallHistoryItemSchema = InteractionItemSchema.extend({
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  durationSeconds: z.number().int().nonnegative().nullable(),
  /** The telephony facts; null for calls logged by hand (no phone involved). */
  remoteNumber: z.string().nullable(),
  remoteName: z.string().nullable(),
  disposition: CallDispositionSchema.nullable(),
  endedBy: z.enum(['local', 'remote', 'system']).nullable(),
  endReason: z.string().nullable(),
  mos: z.number().nullable(),
  hasRecording: z.boolean(),
  /** For a missed call: someone called the number back, or it called again and was answered. */
  returned: z.boolean(),
});
export type CallHistoryItem = z.infer<typeof CallHistoryItemSchema>;

export const CallHistoryPageSchema = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(CallHistoryItemSchema),
});

/** The missed-call badge: incoming calls in the last days nobody answered or called back. */
export const MissedCallsSchema = z.object({ count: z.number().int().nonnegative(), since: TimestampSchema });

/** A piece of a call's recording from the window's recorder, in order (seq counts from 0). */
export const RecordingChunkSchema = z.strictObject({
  callId: IdSchema,
  /** The window's recorder: a new one (a window reloaded mid-call) starts the recording's next part. */
  recorderId: z.string().min(8).max(64),
  seq: z.number().int().min(0).max(1_000_000),
  chunkBase64: z.string().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

/** A piece of a call's recording for playback: `part` counts from 1 (a new part after a window reload mid-call). */
export const RecordingRequestSchema = z.strictObject({ interactionId: IdSchema, part: z.number().int().min(1).max(1_000).default(1), offset: z.number().int().min(0).default(0) });

export const RecordingPieceSchema = DownloadChunkSchema.extend({ parts: z.number().int().min(1) });
