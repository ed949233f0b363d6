import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Groups of colleagues a supervisor answers for ("Outbound 1", "Secretaries"): reports filter and total by them. */
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** The employee who made the last change (null when nobody was chosen on this workstation). */
  updatedBy: text('updated_by'),
  deletedAt: integer('deleted_at'),
});

/** Colleagues: operators, managers, secretaries. Referenced as "responsible" and as the author of interactions. */
export const employees = sqliteTable('employees', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  extension: text('extension'),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
});

/** Counterparties: the companies we sell to or serve. */
export const companies = sqliteTable(
  'companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-cased, folded name filled in TypeScript (SQLite's lower() is ASCII-only). */
    searchName: text('search_name').notNull(),
    city: text('city'),
    website: text('website'),
    /** Registration code (ЄДРПОУ / ИНН / VAT number). */
    taxId: text('tax_id'),
    email: text('email'),
    address: text('address'),
    notes: text('notes').notNull().default(''),
    source: text('source'),
    doNotCall: integer('do_not_call', { mode: 'boolean' }).notNull().default(false),
    responsibleId: text('responsible_id').references(() => employees.id, { onDelete: 'set null' }),
    importId: text('import_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('companies_search_name_idx').on(t.searchName, t.id), index('companies_import_idx').on(t.importId)],
);

/** A person: an employee of a company, or a retail customer standing alone. */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    middleName: text('middle_name').notNull().default(''),
    /** "Last First Middle" as shown in lists. */
    fullName: text('full_name').notNull(),
    searchName: text('search_name').notNull(),
    position: text('position'),
    /** The person's own city (a retail client, or someone working away from the company's office). */
    city: text('city'),
    responsibleId: text('responsible_id').references(() => employees.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    /** Where the contact came from: "import", "call", "website", a campaign… */
    source: text('source'),
    /** Consent: the person asked not to be called / e-mailed. The dialer and mailings honour these. */
    doNotCall: integer('do_not_call', { mode: 'boolean' }).notNull().default(false),
    noEmail: integer('no_email', { mode: 'boolean' }).notNull().default(false),
    /** The person's own IANA time zone, when it is not the one their number's range is in (the dialer's calling windows). */
    timeZone: text('time_zone'),
    /** The import that created the contact, so an import can be reviewed or undone. */
    importId: text('import_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('contacts_responsible_idx').on(t.responsibleId),
    index('contacts_created_idx').on(t.createdAt, t.id),
    index('contacts_import_idx').on(t.importId),
    // id as the last column: pages sort by (name, id) and must not need a temporary sort.
    index('contacts_search_name_idx').on(t.searchName, t.id),
    index('contacts_company_idx').on(t.companyId),
    index('contacts_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * How a number was read (see core/shared/phone-reading.ts), stored beside the text as typed:
 * `ok` one valid reading; `ambiguous` several (the first is in e164, the rest in `alternatives`);
 * `invalid` none (e164 null, the text kept); `review` a reading that changed when the working
 * countries changed, waiting for a person to confirm it.
 */
const phoneReadingColumns = {
  /** As entered or imported; never rewritten. */
  raw: text('raw').notNull(),
  /** Normalised E.164 of the chosen reading, null when the text is not a valid number (kept, and shown, all the same). */
  e164: text('e164'),
  /** The number's country (ISO 3166 alpha-2). */
  country: text('country'),
  /** The national significant number ("3432882210"): caller ID matches it when the country part is missing. */
  nsn: text('nsn'),
  status: text('status', { enum: ['ok', 'ambiguous', 'invalid', 'review'] }).notNull().default('ok'),
  /** JSON list of the other readings' E.164 (ambiguous, review), for the person who decides. */
  alternatives: text('alternatives'),
  /** "доб. 123" written after the number. */
  extension: text('extension'),
  /** A person chose this reading (or said it is not a number): re-reading with other countries leaves it alone. */
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(false),
  position: integer('position').notNull().default(0),
  updatedAt: integer('updated_at').notNull().default(0),
  updatedBy: text('updated_by'),
};

export const contactPhones = sqliteTable(
  'contact_phones',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mobile', 'work', 'home', 'fax', 'other'] }).notNull(),
    ...phoneReadingColumns,
  },
  (t) => [
    index('contact_phones_contact_idx').on(t.contactId, t.position),
    index('contact_phones_e164_idx').on(t.e164),
    index('contact_phones_nsn_idx').on(t.nsn),
    index('contact_phones_status_idx').on(t.status).where(sql`${t.status} <> 'ok'`),
  ],
);

export const contactEmails = sqliteTable(
  'contact_emails',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** Lower-cased for lookups and duplicate detection. */
    emailNormalized: text('email_normalized').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('contact_emails_contact_idx').on(t.contactId, t.position), index('contact_emails_norm_idx').on(t.emailNormalized)],
);

/** A company's own numbers (switchboard, reception), for caller ID before a person is known. */
export const companyPhones = sqliteTable(
  'company_phones',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mobile', 'work', 'home', 'fax', 'other'] }).notNull(),
    ...phoneReadingColumns,
  },
  (t) => [
    index('company_phones_company_idx').on(t.companyId, t.position),
    index('company_phones_e164_idx').on(t.e164),
    index('company_phones_nsn_idx').on(t.nsn),
    index('company_phones_status_idx').on(t.status).where(sql`${t.status} <> 'ok'`),
  ],
);

export const contactAddresses = sqliteTable(
  'contact_addresses',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['home', 'work', 'delivery', 'other'] }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('contact_addresses_contact_idx').on(t.contactId, t.position)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Folded name: one tag per spelling, whatever the case. */
    searchName: text('search_name').notNull(),
    color: text('color').notNull().default('gray'),
  },
  (t) => [uniqueIndex('tags_search_name_idx').on(t.searchName)],
);

export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] }), index('contact_tags_tag_idx').on(t.tagId, t.contactId)],
);

export const companyTags = sqliteTable(
  'company_tags',
  {
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.tagId] }), index('company_tags_tag_idx').on(t.tagId, t.companyId)],
);

/** Fields an administrator adds in Settings ("Delivery day", "Loyalty level"), for contacts or companies. */
export const customFields = sqliteTable('custom_fields', {
  id: text('id').primaryKey(),
  entity: text('entity', { enum: ['contact', 'company'] }).notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: ['text', 'number', 'date', 'choice'] }).notNull(),
  /** JSON array of the allowed values of a choice field. */
  options: text('options').notNull().default('[]'),
  position: integer('position').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});

/**
 * One value per field and record. `value` holds text, ISO dates and choices; `number` holds numbers,
 * so segments can compare them with an index.
 */
export const customValues = sqliteTable(
  'custom_values',
  {
    fieldId: text('field_id')
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    entityId: text('entity_id').notNull(),
    value: text('value').notNull(),
    number: real('number'),
  },
  (t) => [
    primaryKey({ columns: [t.fieldId, t.entityId] }),
    index('custom_values_entity_idx').on(t.entityId),
    index('custom_values_value_idx').on(t.fieldId, t.value),
    index('custom_values_number_idx').on(t.fieldId, t.number),
  ],
);

/** Every contact with a client: calls, meetings, planned contacts, emails, notes. */
export const interactions = sqliteTable(
  'interactions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['call', 'meeting', 'planned', 'email', 'note'] }).notNull(),
    direction: text('direction', { enum: ['in', 'out'] }),
    occurredAt: integer('occurred_at').notNull(),
    employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    dealId: text('deal_id'),
    complaintId: text('complaint_id'),
    subject: text('subject').notNull().default(''),
    outcome: text('outcome'),
    durationSeconds: integer('duration_seconds'),
    /** For planned contacts: when it was done (null while still planned). */
    completedAt: integer('completed_at'),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index('interactions_contact_time_idx').on(t.contactId, t.occurredAt),
    index('interactions_company_time_idx').on(t.companyId, t.occurredAt),
    index('interactions_kind_time_idx').on(t.kind, t.occurredAt),
    index('interactions_employee_time_idx').on(t.employeeId, t.occurredAt),
    index('interactions_deal_idx').on(t.dealId),
    index('interactions_complaint_idx').on(t.complaintId),
  ],
);

/** Other people who took part (a meeting with three of the client's staff). */
export const interactionParticipants = sqliteTable(
  'interaction_participants',
  {
    interactionId: text('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.contactId] }), index('interaction_participants_contact_idx').on(t.contactId)],
);
