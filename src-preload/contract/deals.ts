import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { PersonRefSchema } from './contacts';

/** The stages we ship, worded by the renderer in the interface language; a stage renamed or added by someone has none. */
export const dealStageKeys = ['new_request', 'qualification', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const DealStageKeySchema = z.enum(dealStageKeys);
export type DealStageKey = z.infer<typeof DealStageKeySchema>;

export const DealStageSchema = z.object({
  id: IdSchema,
  /** As stored; shown only when `key` is null. */
  name: z.string(),
  key: DealStageKeySchema.nullable(),
  position: z.number().int(),
  probability: z.number().int().min(0).max(100),
  outcome: z.enum(['open', 'won', 'lost']),
});
export type DealStage = z.infer<typeof DealStageSchema>;

export const DealStagesInputSchema = z
  .strictObject({
    stages: z
      .array(
        z.strictObject({
          id: IdSchema.optional(),
          name: z.string().trim().min(1).max(80),
          /** Kept while the shipped stage's name is not edited. */
          key: DealStageKeySchema.nullable().default(null),
          probability: z.number().int().min(0).max(100),
          outcome: z.enum(['open', 'won', 'lost']).default('open'),
        }),
      )
      .min(2)
      .max(20),
  })
  .refine((s) => s.stages.some((stage) => stage.outcome === 'open'), { message: 'A pipeline needs an open stage', path: ['stages'], params: { reason: 'pipeline_needs_open_stage' } });

export const currencies = ['UAH', 'EUR', 'USD', 'PLN', 'GBP'] as const;

export const DealSchema = z.object({
  id: IdSchema,
  title: z.string(),
  stage: DealStageSchema,
  amount: z.number(),
  currency: z.string(),
  probability: z.number().int(),
  expectedCloseAt: TimestampSchema.nullable(),
  contact: PersonRefSchema.nullable(),
  company: PersonRefSchema.nullable(),
  owner: PersonRefSchema.nullable(),
  notes: z.string(),
  closedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Deal = z.infer<typeof DealSchema>;

export const DealInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    stageId: IdSchema,
    amount: z.number().min(0).max(1e12).default(0),
    currency: z.enum(currencies).default('UAH'),
    /** Defaults to the stage's probability. */
    probability: z.number().int().min(0).max(100).optional(),
    expectedCloseAt: TimestampSchema.nullable().default(null),
    contactId: IdSchema.nullable().default(null),
    companyId: IdSchema.nullable().default(null),
    ownerId: IdSchema.nullable().optional(),
    notes: z.string().max(20_000).default(''),
  })
  .refine((d) => d.contactId !== null || d.companyId !== null, { message: 'A deal is with a contact or a company', path: ['contactId'], params: { reason: 'needs_contact_or_company' } });

export const DealHistoryEntrySchema = z.object({
  from: z.string().nullable(),
  fromKey: DealStageKeySchema.nullable(),
  to: z.string(),
  toKey: DealStageKeySchema.nullable(),
  at: TimestampSchema,
  employee: z.string().nullable(),
});

export const DealDetailSchema = DealSchema.extend({ history: z.array(DealHistoryEntrySchema) });

export const DealBoardRequestSchema = z.strictObject({
  ownerId: IdSchema.optional(),
  /** Won and lost columns show only deals closed in the last N days. */
  closedWithinDays: z.number().int().min(1).max(3650).default(30),
});

export const DealBoardSchema = z.object({
  columns: z.array(
    z.object({
      stage: DealStageSchema,
      total: z.number().int().nonnegative(),
      amounts: z.array(z.object({ currency: z.string(), amount: z.number() })),
      deals: z.array(DealSchema),
    }),
  ),
});

export const DealListRequestSchema = z.strictObject({
  stageId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  companyId: IdSchema.optional(),
  openOnly: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const DealListSchema = z.object({ total: z.number().int().nonnegative(), rows: z.array(DealSchema) });
