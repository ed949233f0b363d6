import { asc, eq } from 'drizzle-orm';
import type { ContactFields } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companies, contactAddresses, contactEmails, contactPhones, contacts } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { foldForSearch } from '#core/shared/text';
import type { CrmContext } from './crm-context';
import { checkCustomValues, setCustomValues } from './custom-fields';
import { readPhoneInputs, savePhones } from './phone-rows';
import { requireRecord } from './records';
import { indexDocument } from './search-index';
import { setContactTags, tagIdsFor } from './tags';

/** "Last First Middle", as lists show people. */
export function fullNameOf(c: { lastName: string; firstName: string; middleName: string }): string {
  return [c.lastName, c.firstName, c.middleName].map((part) => part.trim()).filter(Boolean).join(' ');
}

/** Creates a contact with everything it carries, in the caller's transaction; `extra.id` keeps the id it has on another workstation. */
export function createContact(ctx: CrmContext, tx: WriteDb, input: ContactFields, extra: { importId?: string; id?: string } = {}): string {
  const id = extra.id ?? ctx.ids.next();
  const now = ctx.clock.now();
  checkReferences(tx, input);
  const phones = readPhoneInputs(input.phones, ctx.settings().workingCountries);
  const custom = checkCustomValues(tx, 'contact', input.custom);
  tx.insert(contacts)
    .values({ id, ...scalarFields(input), importId: extra.importId ?? null, createdAt: now, updatedAt: now })
    .run();
  writeChildren(ctx, tx, id, input, phones, custom);
  reindexContact(tx, id);
  return id;
}

/** Replaces a contact's editable fields (phones, e-mails, addresses, tags and custom values included). */
export function updateContact(ctx: CrmContext, tx: WriteDb, id: string, input: ContactFields): void {
  if (!tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).get()) throw notFound('Contact', id);
  checkReferences(tx, input);
  const phones = readPhoneInputs(input.phones, ctx.settings().workingCountries);
  const custom = checkCustomValues(tx, 'contact', input.custom);
  tx.update(contacts).set({ ...scalarFields(input), updatedAt: ctx.clock.now() }).where(eq(contacts.id, id)).run();
  tx.delete(contactEmails).where(eq(contactEmails.contactId, id)).run();
  tx.delete(contactAddresses).where(eq(contactAddresses.contactId, id)).run();
  writeChildren(ctx, tx, id, input, phones, custom);
  reindexContact(tx, id);
}

function checkReferences(tx: ReadDb, input: ContactFields): void {
  requireRecord(tx, 'company', input.companyId, 'companyId');
  requireRecord(tx, 'employee', input.responsibleId, 'responsibleId');
}

function scalarFields(input: ContactFields) {
  const fullName = fullNameOf(input);
  return {
    companyId: input.companyId,
    firstName: input.firstName,
    lastName: input.lastName,
    middleName: input.middleName,
    fullName,
    searchName: foldForSearch(fullName),
    position: input.position,
    city: input.city,
    responsibleId: input.responsibleId,
    notes: input.notes,
    source: input.source,
    doNotCall: input.doNotCall,
    noEmail: input.noEmail,
    timeZone: input.timeZone,
  };
}

function writeChildren(
  ctx: CrmContext,
  tx: WriteDb,
  contactId: string,
  input: ContactFields,
  phones: ReturnType<typeof readPhoneInputs>,
  custom: ReturnType<typeof checkCustomValues>,
): void {
  savePhones(ctx, tx, contactPhones, contactId, phones);
  [...new Set(input.emails)].forEach((email, position) =>
    tx.insert(contactEmails).values({ id: ctx.ids.next(), contactId, email, emailNormalized: email.toLowerCase(), position }).run(),
  );
  input.addresses.forEach((address, position) =>
    tx.insert(contactAddresses).values({ id: ctx.ids.next(), contactId, kind: address.kind, text: address.text, position }).run(),
  );
  setContactTags(tx, contactId, tagIdsFor(tx, input.tags, ctx.ids));
  setCustomValues(tx, contactId, custom);
}

/** Rebuilds a contact's search entry from what is stored. */
export function reindexContact(tx: WriteDb, id: string): void {
  const row = tx
    .select({ fullName: contacts.fullName, company: companies.name })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.id, id))
    .get();
  if (!row) return;
  const phones = tx
    .select({ raw: contactPhones.raw, e164: contactPhones.e164 })
    .from(contactPhones)
    .where(eq(contactPhones.contactId, id))
    .orderBy(asc(contactPhones.position))
    .all();
  const emails = tx.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, id)).all();
  indexDocument(tx, {
    kind: 'contact',
    id,
    name: row.fullName,
    company: row.company ?? '',
    emails: emails.map((e) => e.email),
    phones: phones.map((p) => p.e164 ?? p.raw),
  });
}
