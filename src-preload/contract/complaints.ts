import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { PersonRefSchema } from './contacts';
import { TimelineItemSchema } from './interactions';

/**
 * A complaint's life:
 *
 *   new ──start──▶ investigating ──resolve──▶ resolved ──close──▶ closed
 *                       ▲                        │                  │
 *                       └────────reopen──────────┴──────────────────┘
 */
export const complaintStates = ['new', 'investigating', 'resolved', 'closed'] as const;
export const ComplaintStateSchema = z.enum(complaintStates);
export type ComplaintState = z.infer<typeof ComplaintStateSchema>;

export const complaintResults = ['satisfied', 'partially', 'rejected'] as const;
export const ComplaintResultSchema = z.enum(complaintResults);

export const ComplaintCauseSchema = z.object({ id: IdSchema, name: z.string(), position: z.number().int() });
export type ComplaintCause = z.infer<typeof ComplaintCauseSchema>;

export const ComplaintCausesInputSchema = z.strictObject({
  causes: z.array(z.strictObject({ id: IdSchema.optional(), name: z.string().trim().min(1).max(120) })).max(100),
});

export const ComplaintInputSchema = z
  .strictObject({
    contactId: IdSchema.nullable().default(null),
    companyId: IdSchema.nullable().default(null),
    causeId: IdSchema.nullable().default(null),
    subject: z.string().trim().min(1).max(300),
    description: z.string().max(20_000).default(''),
    responsibleId: IdSchema.nullable().optional(),
    /** Interactions already on the timeline that this complaint is about (the call it came in on). */
    interactionIds: z.array(IdSchema).max(50).default([]),
  })
  .refine((c) => c.contactId !== null || c.companyId !== null, { message: 'A complaint comes from a contact or a company', path: ['contactId'], params: { reason: 'needs_contact_or_company' } });

export const ComplaintStepSchema = z.object({
  id: IdSchema,
  title: z.string(),
  assignee: PersonRefSchema.nullable(),
  dueAt: TimestampSchema.nullable(),
  doneAt: TimestampSchema.nullable(),
});

export const ComplaintEventSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  employee: z.string().nullable(),
  /** `text` is the operator's own words: the action, the state change's note, the step's title. */
  kind: z.enum(['action', 'state', 'step_planned', 'step_done']),
  text: z.string(),
  fromState: ComplaintStateSchema.nullable(),
  toState: ComplaintStateSchema.nullable(),
});

export const ComplaintSummarySchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  subject: z.string(),
  state: ComplaintStateSchema,
  cause: PersonRefSchema.nullable(),
  contact: PersonRefSchema.nullable(),
  company: PersonRefSchema.nullable(),
  responsible: PersonRefSchema.nullable(),
  registeredAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;

export const ComplaintCardSchema = ComplaintSummarySchema.extend({
  description: z.string(),
  resolution: z.string().nullable(),
  result: ComplaintResultSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  steps: z.array(ComplaintStepSchema),
  events: z.array(ComplaintEventSchema),
  interactions: z.array(TimelineItemSchema),
});
export type ComplaintCard = z.infer<typeof ComplaintCardSchema>;

export const ComplaintTransitionSchema = z.strictObject({
  id: IdSchema,
  to: ComplaintStateSchema,
  /** Required when resolving. */
  resolution: z.string().trim().min(1).max(5000).optional(),
  result: ComplaintResultSchema.optional(),
  /** Why, in a word (required when reopening). */
  note: z.string().trim().max(2000).optional(),
});

export const ComplaintStepInputSchema = z.strictObject({
  complaintId: IdSchema,
  title: z.string().trim().min(1).max(300),
  assigneeId: IdSchema.nullable().default(null),
  dueAt: TimestampSchema.nullable().default(null),
});

export const ComplaintListRequestSchema = z.strictObject({
  state: ComplaintStateSchema.optional(),
  causeId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  companyId: IdSchema.optional(),
  openOnly: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const ComplaintListSchema = z.object({ total: z.number().int().nonnegative(), rows: z.array(ComplaintSummarySchema) });

export const ComplaintAnalysisRequestSchema = z
  .strictObject({ from: TimestampSchema, to: TimestampSchema })
  .refine((r) => r.to > r.from, { message: 'to must be after from', path: ['to'], params: { reason: 'ends_before_start' } });

export const ComplaintAnalysisSchema = z.object({
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  byCause: z.array(
    z.object({
      cause: PersonRefSchema.nullable(),
      count: z.number().int().nonnegative(),
      open: z.number().int().nonnegative(),
      /** Mean hours from registration to resolution, over the resolved ones; null if none. */
      meanHoursToResolve: z.number().nullable(),
    }),
  ),
  /** How long resolution took: under a day, under three, under a week, longer. */
  timeToResolve: z.array(z.object({ bucket: z.enum(['lt1d', 'lt3d', 'lt7d', 'gte7d']), count: z.number().int().nonnegative() })),
});
