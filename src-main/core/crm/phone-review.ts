import { and, eq, ne, sql } from 'drizzle-orm';
import type { MethodOutput, MethodParams } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companies, companyPhones, contactPhones, contacts } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { readPhone } from '#core/shared/phone-reading';
import type { CrmContext } from './crm-context';
import { reindexCompany } from './company-store';
import { reindexContact } from './contact-store';

type ToReview = MethodOutput<'phones.review'>['rows'][number];

const contactRows = (db: ReadDb) =>
  db
    .select({ phoneId: contactPhones.id, ownerId: contactPhones.contactId, ownerName: contacts.fullName, raw: contactPhones.raw, e164: contactPhones.e164, country: contactPhones.country, status: contactPhones.status, alternatives: contactPhones.alternatives })
    .from(contactPhones)
    .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
    .where(ne(contactPhones.status, 'ok'));

const companyRows = (db: ReadDb) =>
  db
    .select({ phoneId: companyPhones.id, ownerId: companyPhones.companyId, ownerName: companies.name, raw: companyPhones.raw, e164: companyPhones.e164, country: companyPhones.country, status: companyPhones.status, alternatives: companyPhones.alternatives })
    .from(companyPhones)
    .innerJoin(companies, eq(companies.id, companyPhones.companyId))
    .where(ne(companyPhones.status, 'ok'));

function out(owner: 'contact' | 'company', row: Awaited<ReturnType<ReturnType<typeof contactRows>['all']>>[number]): ToReview {
  return { ...row, owner, alternatives: row.alternatives ? (JSON.parse(row.alternatives) as string[]) : [] };
}

/** Numbers waiting for a person (ambiguous, unreadable, read differently since the working countries changed): people's first, then companies'. */
export function phonesToReview(db: ReadDb, page: MethodParams<'phones.review'>): MethodOutput<'phones.review'> {
  const count = (table: typeof contactPhones | typeof companyPhones) => db.select({ n: sql<number>`count(*)` }).from(table).where(ne(table.status, 'ok')).get()?.n ?? 0;
  const people = count(contactPhones);
  const total = people + count(companyPhones);
  const rows: ToReview[] = [];
  if (page.offset < people) rows.push(...contactRows(db).orderBy(contacts.searchName, contactPhones.id).limit(page.limit).offset(page.offset).all().map((r) => out('contact', r)));
  const left = page.limit - rows.length;
  if (left > 0) rows.push(...companyRows(db).orderBy(companies.searchName, companyPhones.id).limit(left).offset(Math.max(0, page.offset - people)).all().map((r) => out('company', r)));
  return { total, rows };
}

/**
 * A person settles a number: one of its readings (or any valid number they typed in its place) is
 * kept, or the text is confirmed not to be a number to call. Either way it leaves the review list.
 */
export function resolvePhone(ctx: CrmContext, tx: WriteDb, input: MethodParams<'phones.resolve'>): ToReview {
  const table = input.owner === 'contact' ? contactPhones : companyPhones;
  const owner = input.owner === 'contact' ? contactPhones.contactId : companyPhones.companyId;
  const row = tx.select({ raw: table.raw, ownerId: owner }).from(table).where(eq(table.id, input.phoneId)).get();
  if (!row) throw notFound('Phone', input.phoneId);
  const reading = input.e164 === null ? null : readPhone(input.e164, ctx.settings().workingCountries).best;
  if (input.e164 !== null && !reading) throw new DomainError('invalid_payload', 'not_a_phone_number', `${input.e164} is not a valid number`, { field: 'e164', number: input.e164 });
  const values = reading
    ? { e164: reading.e164, country: reading.country, nsn: reading.subscriberDigits, status: 'ok' as const, alternatives: null }
    : { e164: null, country: null, nsn: null, status: 'ok' as const, alternatives: null };
  tx.update(table).set({ ...values, confirmed: true, updatedAt: ctx.clock.now(), updatedBy: ctx.settings().currentEmployeeId }).where(and(eq(table.id, input.phoneId))).run();
  if (input.owner === 'contact') reindexContact(tx, row.ownerId);
  else reindexCompany(tx, row.ownerId);
  const name =
    input.owner === 'contact'
      ? tx.select({ name: contacts.fullName }).from(contacts).where(eq(contacts.id, row.ownerId)).get()?.name
      : tx.select({ name: companies.name }).from(companies).where(eq(companies.id, row.ownerId)).get()?.name;
  return { phoneId: input.phoneId, owner: input.owner, ownerId: row.ownerId, ownerName: name ?? '', raw: row.raw, ...values, alternatives: [] };
}
