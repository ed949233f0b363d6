import { asc, eq } from 'drizzle-orm';
import type { CompanyFields } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { companies, companyPhones, contacts } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { foldForSearch } from '#core/shared/text';
import { reindexContact } from './contact-store';
import type { CrmContext } from './crm-context';
import { checkCustomValues, setCustomValues } from './custom-fields';
import { readPhoneInputs, savePhones } from './phone-rows';
import { requireRecord } from './records';
import { indexDocument } from './search-index';
import { setCompanyTags, tagIdsFor } from './tags';

export function createCompany(ctx: CrmContext, tx: WriteDb, input: CompanyFields, extra: { importId?: string } = {}): string {
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  requireRecord(tx, 'employee', input.responsibleId, 'responsibleId');
  const phones = readPhoneInputs(input.phones, ctx.settings().workingCountries);
  const custom = checkCustomValues(tx, 'company', input.custom);
  tx.insert(companies)
    .values({ id, ...scalarFields(input), importId: extra.importId ?? null, createdAt: now, updatedAt: now })
    .run();
  writeChildren(ctx, tx, id, input, phones, custom);
  reindexCompany(tx, id);
  return id;
}

export function updateCompany(ctx: CrmContext, tx: WriteDb, id: string, input: CompanyFields): void {
  const before = tx.select({ name: companies.name }).from(companies).where(eq(companies.id, id)).get();
  if (!before) throw notFound('Company', id);
  requireRecord(tx, 'employee', input.responsibleId, 'responsibleId');
  const phones = readPhoneInputs(input.phones, ctx.settings().workingCountries);
  const custom = checkCustomValues(tx, 'company', input.custom);
  tx.update(companies).set({ ...scalarFields(input), updatedAt: ctx.clock.now() }).where(eq(companies.id, id)).run();
  writeChildren(ctx, tx, id, input, phones, custom);
  reindexCompany(tx, id);
  // People are found by their company's name too: a rename reaches their search entries.
  if (before.name !== input.name) {
    for (const person of tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.companyId, id)).all()) reindexContact(tx, person.id);
  }
}

function scalarFields(input: CompanyFields) {
  return {
    name: input.name,
    searchName: foldForSearch(input.name),
    taxId: input.taxId,
    city: input.city,
    website: input.website,
    email: input.email,
    address: input.address,
    notes: input.notes,
    source: input.source,
    doNotCall: input.doNotCall,
    responsibleId: input.responsibleId,
  };
}

function writeChildren(
  ctx: CrmContext,
  tx: WriteDb,
  companyId: string,
  input: CompanyFields,
  phones: ReturnType<typeof readPhoneInputs>,
  custom: ReturnType<typeof checkCustomValues>,
): void {
  savePhones(ctx, tx, companyPhones, companyId, phones);
  setCompanyTags(tx, companyId, tagIdsFor(tx, input.tags, ctx.ids));
  setCustomValues(tx, companyId, custom);
}

export function reindexCompany(tx: WriteDb, id: string): void {
  const row = tx.select({ name: companies.name, email: companies.email, city: companies.city }).from(companies).where(eq(companies.id, id)).get();
  if (!row) return;
  const phones = tx
    .select({ raw: companyPhones.raw, e164: companyPhones.e164 })
    .from(companyPhones)
    .where(eq(companyPhones.companyId, id))
    .orderBy(asc(companyPhones.position))
    .all();
  indexDocument(tx, {
    kind: 'company',
    id,
    name: row.name,
    company: row.city ?? '',
    emails: row.email ? [row.email] : [],
    phones: phones.map((p) => p.e164 ?? p.raw),
  });
}
