import type { AppDatabase } from '#core/db/connection';
import type { WriteDb } from '#core/db/handles';
import { indexNewDocuments, type SearchDocument } from '#core/crm/search-index';
import { countContacts } from '#core/crm/contacts';
import { BulkInsert } from '#core/crm/transfer/bulk-insert';
import { DomainError } from '#core/shared/errors';
import { systemZone } from '#core/calendar/calendar-context';
import { writeMissingTexts } from '#core/calendar/items/plan-item';
import { timeOrderedIds } from '#core/shared/ids';
import { seedDemoCampaign } from './campaign';
import { seedQualityDemo } from './quality-demo';
import { generateDemo, type DemoBatch, type DemoOptions } from './generator';

export interface SeedProgress {
  done: number;
  total: number;
}

/**
 * Where each kind of row goes, in an order that respects foreign keys: its table and the row fields
 * written, each into the column of the same name in snake case (createdAt → created_at).
 */
const destinations: readonly { rows: keyof DemoBatch; table: string; fields: readonly string[] }[] = [
  { rows: 'teams', table: 'teams', fields: ['id', 'name', 'createdAt', 'updatedAt'] },
  { rows: 'employees', table: 'employees', fields: ['id', 'name', 'extension', 'teamId', 'createdAt'] },
  { rows: 'stages', table: 'deal_stages', fields: ['id', 'name', 'key', 'position', 'probability', 'outcome'] },
  { rows: 'causes', table: 'complaint_causes', fields: ['id', 'name', 'position'] },
  { rows: 'companies', table: 'companies', fields: ['id', 'name', 'searchName', 'city', 'address', 'website', 'notes', 'responsibleId', 'createdAt', 'updatedAt'] },
  { rows: 'companyPhones', table: 'company_phones', fields: ['id', 'companyId', 'kind', 'raw', 'e164', 'country', 'nsn', 'status', 'position', 'updatedAt'] },
  {
    rows: 'contacts', table: 'contacts',
    fields: ['id', 'companyId', 'firstName', 'lastName', 'middleName', 'fullName', 'searchName', 'position', 'city', 'responsibleId', 'notes', 'createdAt', 'updatedAt'],
  },
  { rows: 'phones', table: 'contact_phones', fields: ['id', 'contactId', 'kind', 'raw', 'e164', 'country', 'nsn', 'status', 'position', 'updatedAt'] },
  { rows: 'emails', table: 'contact_emails', fields: ['id', 'contactId', 'email', 'emailNormalized', 'position'] },
  {
    rows: 'complaints', table: 'complaints',
    fields: ['id', 'number', 'contactId', 'companyId', 'causeId', 'subject', 'description', 'state', 'responsibleId', 'resolution', 'result', 'registeredAt', 'resolvedAt', 'closedAt', 'updatedAt'],
  },
  { rows: 'complaintSteps', table: 'complaint_steps', fields: ['id', 'complaintId', 'title', 'assigneeId', 'dueAt', 'doneAt', 'position'] },
  { rows: 'complaintEvents', table: 'complaint_events', fields: ['id', 'complaintId', 'at', 'employeeId', 'kind', 'text', 'fromState', 'toState'] },
  {
    rows: 'interactions', table: 'interactions',
    fields: ['id', 'kind', 'direction', 'occurredAt', 'employeeId', 'contactId', 'companyId', 'complaintId', 'subject', 'outcome', 'durationSeconds', 'createdAt'],
  },
  {
    rows: 'calls', table: 'calls',
    fields: [
      'interactionId', 'direction', 'remoteNumber', 'remoteRaw', 'remoteKey', 'startedAt', 'answeredAt', 'endedAt', 'endedBy', 'disposition',
      'jitterMs', 'packetLossPercent', 'roundTripMs', 'mos', 'employeeId', 'campaignId', 'talkSeconds', 'holdSeconds', 'wrapUpSeconds',
    ],
  },
  {
    rows: 'deals', table: 'deals',
    fields: ['id', 'title', 'companyId', 'contactId', 'stageId', 'amount', 'currency', 'probability', 'expectedCloseAt', 'ownerId', 'closedAt', 'createdAt', 'updatedAt'],
  },
  { rows: 'stageMoves', table: 'deal_stage_history', fields: ['id', 'dealId', 'fromStageId', 'toStageId', 'changedAt', 'employeeId'] },
  {
    rows: 'events', table: 'calendar_events',
    fields: ['id', 'kind', 'title', 'startsAt', 'endsAt', 'rangeEndsAt', 'location', 'contactId', 'ownerId', 'reminderMinutes', 'createdAt', 'updatedAt'],
  },
];

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Writes the demo dataset into an empty workplace. Each batch is one transaction holding
 * whole companies with all their people and history, so an interrupted seed leaves a smaller
 * but coherent dataset, and the UI and calls keep their turn at the database between batches.
 */
export function seedDemo(database: AppDatabase, options: DemoOptions, onProgress?: (progress: SeedProgress) => void): SeedProgress {
  if (countContacts(database.read) > 0) {
    throw new DomainError('conflict', 'demo_needs_empty_workplace', 'Demo data can only be loaded into an empty workplace; this one already has contacts');
  }
  // Many rows to a statement: one trip into SQLite per few hundred rows instead of one per row.
  const writers = destinations.map(({ rows, table, fields }) => ({
    rows,
    fields,
    insert: new BulkInsert(database.sqlite, `INSERT INTO ${table} (${fields.map(snakeCase).join(', ')})`, fields.length),
  }));

  let done = 0;
  const companyNames = new Map<string, string>();
  for (const batch of generateDemo(options)) {
    database.write((tx) => {
      for (const { rows, fields, insert } of writers) {
        for (const row of batch[rows] as unknown as Record<string, unknown>[]) insert.add(fields.map((field) => row[field]));
        insert.flush();
      }
      indexBatch(tx, batch, companyNames);
    });
    done += batch.contacts.length;
    onProgress?.({ done, total: options.contacts });
  }
  database.write((tx) => seedDemoCampaign(tx, { now: options.now, language: options.language ?? 'uk', people: 400 }));
  // Supervisors' reviews of some answered calls, so the call page and the operator KPIs show QA scores.
  database.write((tx) => seedQualityDemo(tx, { now: options.now, language: options.language ?? 'uk' }));
  // The calendar's items get their iCalendar text, as items made by hand have.
  database.write((tx) => writeMissingTexts(tx, { ids: timeOrderedIds(() => options.now), now: options.now, author: null, workstationZone: systemZone() }));
  return { done, total: options.contacts };
}

/** Puts a batch's people and companies into the search index, as the CRM's own writes do. */
function indexBatch(tx: WriteDb, batch: DemoBatch, companyNames: Map<string, string>): void {
  const companyPhones = new Map(batch.companyPhones.map((p) => [p.companyId, p.e164]));
  const docs: SearchDocument[] = batch.companies.map((company) => {
    companyNames.set(company.id, company.name);
    const phone = companyPhones.get(company.id);
    return { kind: 'company', id: company.id, name: company.name, company: company.city, emails: [], phones: phone ? [phone] : [] };
  });
  const phones = new Map<string, string[]>();
  for (const p of batch.phones) phones.set(p.contactId, [...(phones.get(p.contactId) ?? []), p.e164]);
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
