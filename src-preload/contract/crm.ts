import { z } from 'zod';
import { IdSchema, PageRequestSchema, SortDirectionSchema, TimestampSchema } from './common';

export const interactionKinds = ['call', 'meeting', 'planned', 'email', 'note'] as const;
export const InteractionKindSchema = z.enum(interactionKinds);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

export const DirectionSchema = z.enum(['in', 'out']);

export const phoneKinds = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const PhoneKindSchema = z.enum(phoneKinds);

export const ContactSortSchema = z.enum(['name', 'company', 'updated']);

export const ContactListRequestSchema = PageRequestSchema.extend({
  sortBy: ContactSortSchema.default('name'),
  sortDir: SortDirectionSchema.default('asc'),
  /** Name prefix or phone digits; empty lists everyone. */
  search: z.string().trim().max(200).default(''),
});

export const ContactListItemSchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  companyName: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  responsibleName: z.string().nullable(),
  updatedAt: TimestampSchema,
});
export type ContactListItem = z.infer<typeof ContactListItemSchema>;

export const ContactListPageSchema = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(ContactListItemSchema),
});

export const PhoneSchema = z.object({
  id: IdSchema,
  kind: PhoneKindSchema,
  /** The text as it was entered or imported. */
  raw: z.string(),
  /** Normalised E.164, or null when the text could not be read as a number. */
  e164: z.string().nullable(),
});

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

export const DealSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  stageName: z.string(),
  amount: z.number(),
  currency: z.string(),
  expectedCloseAt: TimestampSchema.nullable(),
});

export const ContactCardSchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  position: z.string().nullable(),
  company: z.object({ id: IdSchema, name: z.string() }).nullable(),
  responsibleName: z.string().nullable(),
  phones: z.array(PhoneSchema),
  emails: z.array(z.string()),
  notes: z.string(),
  interactions: z.array(InteractionItemSchema),
  deals: z.array(DealSummarySchema),
});
export type ContactCard = z.infer<typeof ContactCardSchema>;

export const QuickSearchRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(10),
});

export const QuickSearchHitSchema = z.object({
  kind: z.enum(['contact', 'company']),
  id: IdSchema,
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type QuickSearchHit = z.infer<typeof QuickSearchHitSchema>;

export const CallHistoryRequestSchema = PageRequestSchema.extend({
  direction: DirectionSchema.optional(),
});

export const CallHistoryItemSchema = InteractionItemSchema.extend({
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  durationSeconds: z.number().int().nonnegative().nullable(),
});

export const CallHistoryPageSchema = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(CallHistoryItemSchema),
});
