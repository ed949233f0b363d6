import type { AppDatabase } from '#core/db/connection';
import type { WriteDb } from '#core/db/handles';
import { indexNewDocuments, type SearchDocument } from '#core/crm/search-index';
import { countContacts } from '#core/crm/contacts';
import { DomainError } from '#core/shared/errors';
import { generateDemo, type DemoBatch, type DemoOptions } from './generator';

export interface SeedProgress {
  done: number;
  total: number;
}

type Row = Record<string, unknown>;

const insertSql: Record<keyof DemoBatch, string> = {
  employees: 'INSERT INTO employees (id, name, extension, created_at) VALUES (@id, @name, @extension, @createdAt)',
  stages: 'INSERT INTO deal_stages (id, name, position, probability, outcome) VALUES (@id, @name, @position, @probability, @outcome)',
  companies:
    'INSERT INTO companies (id, name, search_name, city, website, responsible_id, created_at, updated_at) VALUES (@id, @name, @searchName, @city, @website, @responsibleId, @createdAt, @updatedAt)',
  companyPhones:
    'INSERT INTO company_phones (id, company_id, kind, raw, e164, country, nsn, status, position, updated_at) VALUES (@id, @companyId, @kind, @raw, @e164, @country, @nsn, @status, @position, @updatedAt)',
  contacts:
    'INSERT INTO contacts (id, company_id, first_name, last_name, middle_name, full_name, search_name, position, responsible_id, notes, created_at, updated_at) VALUES (@id, @companyId, @firstName, @lastName, @middleName, @fullName, @searchName, @position, @responsibleId, @notes, @createdAt, @updatedAt)',
  phones:
    'INSERT INTO contact_phones (id, contact_id, kind, raw, e164, country, nsn, status, position, updated_at) VALUES (@id, @contactId, @kind, @raw, @e164, @country, @nsn, @status, @position, @updatedAt)',
  emails:
    'INSERT INTO contact_emails (id, contact_id, email, email_normalized, position) VALUES (@id, @contactId, @email, @emailNormalized, @position)',
  interactions:
    'INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, contact_id, company_id, subject, outcome, duration_seconds) VALUES (@id, @kind, @direction, @occurredAt, @employeeId, @contactId, @companyId, @subject, @outcome, @durationSeconds)',
  deals:
    'INSERT INTO deals (id, title, company_id, contact_id, stage_id, amount, currency, probability, expected_close_at, owner_id, created_at, updated_at) VALUES (@id, @title, @companyId, @contactId, @stageId, @amount, @currency, @probability, @expectedCloseAt, @ownerId, @createdAt, @updatedAt)',
  events:
    'INSERT INTO calendar_events (id, title, starts_at, ends_at, location, contact_id, owner_id, reminder_minutes, created_at, updated_at) VALUES (@id, @title, @startsAt, @endsAt, @location, @contactId, @ownerId, @reminderMinutes, @createdAt, @updatedAt)',
};

/** Insertion order respects foreign keys. */
const tableOrder: (keyof DemoBatch)[] = ['employees', 'stages', 'companies', 'companyPhones', 'contacts', 'phones', 'emails', 'interactions', 'deals', 'events'];

/**
 * Writes the demo dataset into an empty workplace. Each batch is one transaction holding
 * whole companies with all their people and history, so an interrupted seed leaves a smaller
 * but coherent dataset, and the UI and calls keep their turn at the database between batches.
 */
export function seedDemo(database: AppDatabase, options: DemoOptions, onProgress?: (progress: SeedProgress) => void): SeedProgress {
  if (countContacts(database.read) > 0) {
    throw new DomainError('conflict', 'Demo data can only be loaded into an empty workplace; this one already has contacts');
  }
  const statements = Object.fromEntries(
    tableOrder.map((table) => [table, database.sqlite.prepare(insertSql[table])]),
  ) as Record<keyof DemoBatch, ReturnType<typeof database.sqlite.prepare>>;

  let done = 0;
  const companyNames = new Map<string, string>();
  for (const batch of generateDemo(options)) {
    database.write((tx) => {
      for (const table of tableOrder) {
        const statement = statements[table];
        for (const row of batch[table] as unknown as Row[]) statement.run(row);
      }
      indexBatch(tx, batch, companyNames);
    });
    done += batch.contacts.length;
    onProgress?.({ done, total: options.contacts });
  }
  return { done, total: options.contacts };
}

/** Puts a batch's people and companies into the search index, as the CRM's own writes do. */
function indexBatch(tx: WriteDb, batch: DemoBatch, companyNames: Map<string, string>): void {
  const companyPhones = new Map(batch.companyPhones.map((p) => [p.companyId, p.e164 ?? p.raw]));
  const docs: SearchDocument[] = batch.companies.map((company) => {
    companyNames.set(company.id, company.name);
    const phone = companyPhones.get(company.id);
    return { kind: 'company', id: company.id, name: company.name, company: company.city, emails: [], phones: phone ? [phone] : [] };
  });
  const phones = new Map<string, string[]>();
  for (const p of batch.phones) phones.set(p.contactId, [...(phones.get(p.contactId) ?? []), p.e164 ?? p.raw]);
  const emails = new Map(batch.emails.map((e) => [e.contactId, e.email]));
  for (const contact of batch.contacts) {
    const email = emails.get(contact.id);
    docs.push({
      kind: 'contact',
      id: contact.id,
      name: contact.fullName,
      company: contact.companyId ? (companyNames.get(contact.companyId) ?? '') : '',
      emails: email ? [email] : [],
      phones: phones.get(contact.id) ?? [],
    });
  }
  indexNewDocuments(tx, docs);
}
