import { z } from 'zod';
import { IdSchema, PageRequestSchema, SortDirectionSchema, TimestampSchema } from './common';
import { SegmentDefinitionSchema } from './segments';

export const phoneKinds = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const PhoneKindSchema = z.enum(phoneKinds);
export const addressKinds = ['home', 'work', 'delivery', 'other'] as const;

export const PhoneInputSchema = z.strictObject({
  /** The stored phone this edits (kept, with its id, rather than replaced); omitted for a new one. */
  id: IdSchema.optional(),
  kind: PhoneKindSchema.default('mobile'),
  /** As the operator typed it; main reads it with the working countries from Settings. A number it cannot read is kept and flagged. */
  raw: z.string().trim().min(1).max(64),
  /** The reading the operator picked when the text reads several ways ("+380441234567" rather than "+49441234567"). */
  e164: z.string().regex(/^\+[1-9]\d{4,15}$/, 'A number in international form, e.g. +380441234567').optional(),
});

/** How a number reads: see core/shared/phone-reading.ts. */
export const PhoneReadingStatusSchema = z.enum(['ok', 'ambiguous', 'invalid', 'review']);
export type PhoneReadingStatus = z.infer<typeof PhoneReadingStatusSchema>;

export const PhoneReadingSchema = z.object({
  e164: z.string(),
  country: z.string().nullable(),
  form: z.enum(['international', 'international_prefix', 'country_code_without_plus', 'national_trunk', 'national']),
  /** The working country whose national form it is. */
  readAs: z.string().nullable(),
});

/** What a typed number reads as, for the form to show while the operator types. */
export const PhoneVerdictSchema = z.object({
  status: z.enum(['ok', 'ambiguous', 'invalid']),
  readings: z.array(PhoneReadingSchema),
  tried: z.array(z.string()),
  extension: z.string().nullable(),
  reason: z.string().nullable(),
});
export type PhoneVerdict = z.infer<typeof PhoneVerdictSchema>;

export const PhoneReadRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        raw: z.string().max(200),
        /** A country to read this one with first (an import row's country column). */
        country: z.string().max(100).optional(),
      }),
    )
    .max(500),
  /** Countries to read them with, in order; the working countries from Settings when omitted. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(10).optional(),
});

/** A stored number waiting for a person: ambiguous, unreadable, or re-read differently after the working countries changed. */
export const PhoneToReviewSchema = z.object({
  phoneId: IdSchema,
  owner: z.enum(['contact', 'company']),
  ownerId: IdSchema,
  ownerName: z.string(),
  raw: z.string(),
  e164: z.string().nullable(),
  country: z.string().nullable(),
  status: PhoneReadingStatusSchema,
  alternatives: z.array(z.string()),
});

export type PhoneToReview = z.infer<typeof PhoneToReviewSchema>;

export const PhoneReviewPageSchema = z.object({ total: z.number().int().nonnegative(), rows: z.array(PhoneToReviewSchema) });

export const PhoneResolveSchema = z.strictObject({
  phoneId: IdSchema,
  owner: z.enum(['contact', 'company']),
  /** The reading a person confirmed; null confirms that the text is not a number to call (kept, no longer listed). */
  e164: z.string().regex(/^\+[1-9]\d{4,15}$/).nullable(),
});

export const EmailInputSchema = z.email({ message: 'Not an e-mail address' }).max(254);

export const AddressInputSchema = z.strictObject({
  kind: z.enum(addressKinds).default('work'),
  text: z.string().trim().min(1).max(500),
});

export const TagNameSchema = z.string().trim().min(1).max(60);

/** A custom field's value: text, ISO date and choice as strings, numbers as numbers; null clears it. */
export const CustomValueSchema = z.union([z.string().max(2000), z.number().finite(), z.null()]);

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const ContactInputSchema = z
  .strictObject({
    firstName: z.string().trim().max(100).default(''),
    lastName: z.string().trim().max(100).default(''),
    middleName: z.string().trim().max(100).default(''),
    companyId: IdSchema.nullable().default(null),
    position: optionalText(200),
    city: optionalText(100),
    responsibleId: IdSchema.nullable().default(null),
    phones: z.array(PhoneInputSchema).max(20).default([]),
    emails: z.array(EmailInputSchema).max(20).default([]),
    addresses: z.array(AddressInputSchema).max(10).default([]),
    tags: z.array(TagNameSchema).max(50).default([]),
    custom: z.record(IdSchema, CustomValueSchema).default({}),
    notes: z.string().max(20_000).default(''),
    source: optionalText(100),
    doNotCall: z.boolean().default(false),
    noEmail: z.boolean().default(false),
    /** The person's own time zone (IANA, "Asia/Vladivostok") when their number's range says otherwise: the dialer's calling windows follow it. */
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, { message: 'An IANA time zone such as Europe/Kyiv or Asia/Vladivostok', params: { reason: 'invalid_value' } })
      .nullable()
      .default(null),
  })
  .refine((c) => `${c.firstName}${c.lastName}${c.middleName}`.trim() !== '', {
    message: 'A contact needs a first or a last name',
    path: ['lastName'],
    params: { reason: 'contact_needs_name' },
  });
export type ContactInput = z.input<typeof ContactInputSchema>;
export type ContactFields = z.output<typeof ContactInputSchema>;

/** Whether the runtime knows the zone (every process has Intl with the IANA database). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const CompanyInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  taxId: optionalText(40),
  city: optionalText(100),
  website: optionalText(300),
  email: EmailInputSchema.nullable().default(null),
  address: optionalText(500),
  responsibleId: IdSchema.nullable().default(null),
  phones: z.array(PhoneInputSchema).max(20).default([]),
  tags: z.array(TagNameSchema).max(50).default([]),
  custom: z.record(IdSchema, CustomValueSchema).default({}),
  notes: z.string().max(20_000).default(''),
  source: optionalText(100),
  doNotCall: z.boolean().default(false),
});
export type CompanyInput = z.input<typeof CompanyInputSchema>;
export type CompanyFields = z.output<typeof CompanyInputSchema>;

export const PhoneSchema = z.object({
  id: IdSchema,
  kind: PhoneKindSchema,
  /** The text as it was entered or imported. */
  raw: z.string(),
  /** Normalised E.164, or null when the text could not be read as a number. */
  e164: z.string().nullable(),
  country: z.string().nullable(),
  status: PhoneReadingStatusSchema,
  /** The other readings, for an ambiguous number or one waiting for review. */
  alternatives: z.array(z.string()),
  extension: z.string().nullable(),
});

export const TagSchema = z.object({ id: IdSchema, name: z.string(), color: z.string() });
export type Tag = z.infer<typeof TagSchema>;

export const CustomValueOutSchema = z.object({ fieldId: IdSchema, name: z.string(), type: z.string(), value: z.union([z.string(), z.number()]) });

export const ContactSortSchema = z.enum(['name', 'updated', 'created']);

export const ContactListRequestSchema = PageRequestSchema.extend({
  sortBy: ContactSortSchema.default('name'),
  sortDir: SortDirectionSchema.default('asc'),
  /** Name prefix or phone digits; empty lists everyone. */
  search: z.string().trim().max(200).default(''),
  /** A segment's conditions, saved or being built. */
  filter: SegmentDefinitionSchema.optional(),
  companyId: IdSchema.optional(),
  /**
   * Keyset paging: the rows right after (or before) the row with this cursor, whatever its offset — a
   * deep page costs what the first does. `fromEnd` gives the list's last rows. Without them, `offset`.
   */
  after: z.string().max(600).optional(),
  before: z.string().max(600).optional(),
  fromEnd: z.boolean().optional(),
});

export const ContactListItemSchema = z.object({
  id: IdSchema,
  /** Where this row stands in its list's order, for keyset paging (opaque). */
  cursor: z.string(),
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
  /** A search matched more people than a list shows; the operator should type more. */
  truncated: z.boolean(),
  /** The search text holds nothing to search by (only punctuation or symbols): nobody is listed. */
  unsearchable: z.boolean(),
  rows: z.array(ContactListItemSchema),
});

export const PersonRefSchema = z.object({ id: IdSchema, name: z.string() });

export const ContactCardSchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  middleName: z.string(),
  position: z.string().nullable(),
  city: z.string().nullable(),
  company: PersonRefSchema.nullable(),
  responsible: PersonRefSchema.nullable(),
  phones: z.array(PhoneSchema),
  emails: z.array(z.string()),
  addresses: z.array(z.object({ kind: z.enum(addressKinds), text: z.string() })),
  tags: z.array(TagSchema),
  custom: z.array(CustomValueOutSchema),
  notes: z.string(),
  source: z.string().nullable(),
  doNotCall: z.boolean(),
  noEmail: z.boolean(),
  timeZone: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ContactCard = z.infer<typeof ContactCardSchema>;

export const CompanyListItemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  contacts: z.number().int().nonnegative(),
  responsibleName: z.string().nullable(),
  updatedAt: TimestampSchema,
});

export const CompanyListRequestSchema = PageRequestSchema.extend({
  search: z.string().trim().max(200).default(''),
});

export const CompanyCardSchema = z.object({
  id: IdSchema,
  name: z.string(),
  taxId: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  responsible: PersonRefSchema.nullable(),
  phones: z.array(PhoneSchema),
  tags: z.array(TagSchema),
  custom: z.array(CustomValueOutSchema),
  notes: z.string(),
  source: z.string().nullable(),
  doNotCall: z.boolean(),
  contacts: z.array(z.object({ id: IdSchema, fullName: z.string(), position: z.string().nullable(), phone: z.string().nullable() })),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CompanyCard = z.infer<typeof CompanyCardSchema>;

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

export const CallerIdMatchSchema = z.object({
  /** The E.164 numbers the incoming text was read as. */
  candidates: z.array(z.string()),
  contacts: z.array(z.object({ id: IdSchema, fullName: z.string(), companyId: IdSchema.nullable(), companyName: z.string().nullable(), phone: z.string() })),
  companies: z.array(z.object({ id: IdSchema, name: z.string(), phone: z.string() })),
});
export type CallerIdMatch = z.infer<typeof CallerIdMatchSchema>;

export const EmployeeSchema = z.object({ id: IdSchema, name: z.string(), extension: z.string().nullable(), teamId: IdSchema.nullable() });
export type Employee = z.infer<typeof EmployeeSchema>;

export const EmployeeInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(120),
  extension: z.string().trim().max(20).nullable().default(null),
  /** The employee's team (null: none); left out, an existing employee keeps theirs. */
  teamId: IdSchema.nullable().optional(),
});

/** A group of operators that reports add up (team KPIs). */
export const TeamSchema = z.object({ id: IdSchema, name: z.string() });
export type Team = z.infer<typeof TeamSchema>;

export const TeamInputSchema = z.strictObject({ id: IdSchema.optional(), name: z.string().trim().min(1).max(120) });

export const customFieldTypes = ['text', 'number', 'date', 'choice'] as const;
export const CustomFieldSchema = z.object({
  id: IdSchema,
  entity: z.enum(['contact', 'company']),
  name: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  position: z.number().int(),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

export const CustomFieldInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    entity: z.enum(['contact', 'company']),
    name: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  })
  .refine((f) => f.type !== 'choice' || f.options.length > 0, { message: 'A choice field needs at least one option', path: ['options'], params: { reason: 'choice_needs_options' } });

export const DuplicateGroupSchema = z.object({
  reason: z.enum(['phone', 'email', 'name']),
  key: z.string(),
  contacts: z.array(ContactListItemSchema),
});

export const MergeRequestSchema = z
  .strictObject({ keepId: IdSchema, mergeIds: z.array(IdSchema).min(1).max(20) })
  .refine((m) => !m.mergeIds.includes(m.keepId), { message: 'A contact cannot be merged into itself', path: ['mergeIds'], params: { reason: 'merge_into_itself' } });

export const CollisionSchema = z.object({
  kind: z.enum(['deal', 'complaint', 'planned']),
  id: IdSchema,
  employee: PersonRefSchema.nullable(),
  subject: z.string(),
  at: TimestampSchema,
});
export type Collision = z.infer<typeof CollisionSchema>;

export const CollisionRequestSchema = z
  .strictObject({ contactId: IdSchema.optional(), companyId: IdSchema.optional() })
  .refine((r) => r.contactId !== undefined || r.companyId !== undefined, { message: 'Name a contact or a company', params: { reason: 'needs_contact_or_company' } });
