import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { PersonRefSchema } from './contacts';
import { DealStageKeySchema } from './deals';

export const interactionKinds = ['call', 'meeting', 'planned', 'email', 'note'] as const;
export const InteractionKindSchema = z.enum(interactionKinds);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

export const DirectionSchema = z.enum(['in', 'out']);

export const callDispositions = ['ringing', 'active', 'answered', 'missed', 'busy', 'no_answer', 'rejected', 'cancelled', 'failed', 'transferred'] as const;
export const CallDispositionSchema = z.enum(callDispositions);
export type CallDisposition = z.infer<typeof CallDispositionSchema>;

export const InteractionItemSchema = z.object({
  id: IdSchema,
  kind: InteractionKindSchema,
  direction: DirectionSchema.nullable(),
  occurredAt: TimestampSchema,
  employeeName: z.string().nullable(),
  subject: z.string(),
  outcome: z.string().nullable(),
});
export type InteractionItem = z.infer<typeof InteractionItemSchema>;

export const TimelineItemSchema = InteractionItemSchema.extend({
  employeeId: IdSchema.nullable(),
  contact: PersonRefSchema.nullable(),
  company: PersonRefSchema.nullable(),
  deal: PersonRefSchema.nullable(),
  complaint: z.object({ id: IdSchema, number: z.number().int() }).nullable(),
  participants: z.array(PersonRefSchema),
  durationSeconds: z.number().int().nonnegative().nullable(),
  completedAt: TimestampSchema.nullable(),
  /**
   * For calls made through the phone: how it ended, the number, whether it was recorded, and whether a
   * script was run or a questionnaire filled during it (read with scriptRuns.get and responses.forCall).
   */
  call: z.object({ disposition: CallDispositionSchema, remoteNumber: z.string(), hasRecording: z.boolean(), scripted: z.boolean() }).nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelineRequestSchema = z
  .strictObject({
    contactId: IdSchema.optional(),
    companyId: IdSchema.optional(),
    kinds: z.array(InteractionKindSchema).max(5).optional(),
    employeeId: IdSchema.optional(),
    /** Page backwards in time: items strictly before this moment. */
    before: TimestampSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((r) => r.contactId !== undefined || r.companyId !== undefined, { message: 'Name a contact or a company', params: { reason: 'needs_contact_or_company' } });

/** Who at our side works with this client, and how much. */
export const ColleagueActivitySchema = z.object({
  employee: PersonRefSchema,
  interactions: z.number().int().nonnegative(),
  lastAt: TimestampSchema,
  openDeals: z.number().int().nonnegative(),
  openComplaints: z.number().int().nonnegative(),
});

/** A step in a deal or a complaint, shown among the interactions so the story is whole. */
export const MilestoneSchema = z.object({
  at: TimestampSchema,
  kind: z.enum(['deal', 'complaint']),
  /** The deal's or the complaint's id. */
  id: IdSchema,
  title: z.string(),
  /** A complaint's number. */
  number: z.number().int().nullable(),
  /** The complaint's new state, or the deal's new stage name. */
  to: z.string(),
  /** The deal's new stage, when it is one we ship (worded by the renderer). */
  toKey: DealStageKeySchema.nullable(),
  employeeName: z.string().nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const TimelinePageSchema = z.object({
  items: z.array(TimelineItemSchema),
  /** Deal and complaint steps in the same span of time as the items. */
  milestones: z.array(MilestoneSchema),
  /** Pass as `before` for the next page; null at the beginning of the history. */
  nextBefore: TimestampSchema.nullable(),
  colleagues: z.array(ColleagueActivitySchema),
});

export const InteractionInputSchema = z
  .strictObject({
    kind: InteractionKindSchema,
    direction: DirectionSchema.nullable().default(null),
    occurredAt: TimestampSchema,
    employeeId: IdSchema.nullable().optional(),
    contactId: IdSchema.nullable().default(null),
    companyId: IdSchema.nullable().default(null),
    participantIds: z.array(IdSchema).max(50).default([]),
    subject: z.string().trim().min(1).max(500),
    outcome: z.string().trim().max(2000).nullable().default(null),
    dealId: IdSchema.nullable().default(null),
    complaintId: IdSchema.nullable().default(null),
    durationSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
  })
  .refine((i) => i.contactId !== null || i.companyId !== null, { message: 'An interaction is with a contact or a company', path: ['contactId'], params: { reason: 'needs_contact_or_company' } })
  .refine((i) => i.kind === 'call' || i.kind === 'email' || i.direction === null, { message: 'Only calls and e-mails have a direction', path: ['direction'], params: { reason: 'direction_only_for_calls_and_emails' } });
export type InteractionInput = z.input<typeof InteractionInputSchema>;

export const CompletePlannedSchema = z.strictObject({ id: IdSchema, outcome: z.string().trim().max(2000).nullable().default(null) });
