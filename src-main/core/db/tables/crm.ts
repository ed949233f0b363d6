import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Colleagues: operators, managers, secretaries. Referenced as "responsible" and as the author of interactions. */
export const employees = sqliteTable('employees', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  extension: text('extension'),
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
    responsibleId: text('responsible_id').references(() => employees.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('companies_search_name_idx').on(t.searchName)],
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
    responsibleId: text('responsible_id').references(() => employees.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // id as the last column: pages sort by (name, id) and must not need a temporary sort.
    index('contacts_search_name_idx').on(t.searchName, t.id),
    index('contacts_company_idx').on(t.companyId),
    index('contacts_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const contactPhones = sqliteTable(
  'contact_phones',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mobile', 'work', 'home', 'fax', 'other'] }).notNull(),
    /** As entered or imported; never rewritten. */
    raw: text('raw').notNull(),
    /** Normalised E.164, null when the text is not a readable number (kept, and shown, all the same). */
    e164: text('e164'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('contact_phones_contact_idx').on(t.contactId, t.position), index('contact_phones_e164_idx').on(t.e164)],
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
    subject: text('subject').notNull().default(''),
    outcome: text('outcome'),
    durationSeconds: integer('duration_seconds'),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index('interactions_contact_time_idx').on(t.contactId, t.occurredAt),
    index('interactions_company_time_idx').on(t.companyId, t.occurredAt),
    index('interactions_kind_time_idx').on(t.kind, t.occurredAt),
  ],
);
