import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { DirectionSchema, InteractionItemSchema } from './interactions';

export const callDispositions = ['ringing', 'active', 'answered', 'missed', 'busy', 'no_answer', 'rejected', 'cancelled', 'failed', 'transferred'] as const;
export const CallDispositionSchema = z.enum(callDispositions);
export type CallDisposition = z.infer<typeof CallDispositionSchema>;

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
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'The period ends before it starts', path: ['to'] });

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
