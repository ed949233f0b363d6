import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ContactCard, ContactListItem, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, contactAddresses, contactEmails, contactMerges, contactPhones, contacts, contactTags, employees, tags } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { phoneDigits } from '#core/shared/text';
import { customValuesOf } from './custom-fields';
import { phonesOf } from './phone-rows';
import { contactPhonesHoldingDigits, digitRunExpression, searchMatchExpression } from './search-index';
import { segmentCondition } from './segment-sql';

/** The phone shown in the list: the one that matched a phone search, else the first. */
function shownPhone(search: string) {
  const digits = phoneDigits(search);
  const first = sql<string | null>`(SELECT raw FROM contact_phones p WHERE p.contact_id = "contacts"."id" ORDER BY p.position LIMIT 1)`;
  if (!digits) return first;
  const e164Prefix = `+${digits}`;
  return sql<string | null>`coalesce((SELECT raw FROM contact_phones p WHERE p.contact_id = "contacts"."id"
    AND ((p.e164 >= ${e164Prefix} AND p.e164 < ${e164Prefix + '\uffff'}) OR instr(p.e164, ${digits}) > 0) ORDER BY p.position LIMIT 1), ${first})`;
}

const firstEmail = sql<string | null>`(SELECT email FROM contact_emails e WHERE e.contact_id = "contacts"."id" ORDER BY e.position LIMIT 1)`;

/** A list search looks at this many matches at most; beyond it the operator is asked to type more. */
export const listSearchCap = 1_000;

/**
 * Contacts whose search entry matches the typed text (names, company, e-mails, phones in any
 * spelling): the first matches of the index, capped, so a one-letter search of a million people
 * costs the same as a precise one.
 */
export function searchFilter(search: string, countries: readonly string[]): SQL | undefined {
  if (search.trim() === '') return undefined;
  const expression = searchMatchExpression(search, countries);
  // Only punctuation or symbols ("%", "*", "(", an emoji): nothing to search for, so nobody matches.
  if (!expression) return sql`0`;
  const byEntry = sql`"contacts".rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ${expression} AND rowid > 0 LIMIT ${listSearchCap + 1})`;
  const digitRun = digitRunExpression(search);
  if (!digitRun) return byEntry;
  // Digits heard from the middle of a number ("555 583") match any phone holding them (phone_digits, migration 0011).
  const byDigits = sql`"contacts".id IN (SELECT p.contact_id ${sql.raw(contactPhonesHoldingDigits)} ${digitRun} LIMIT ${listSearchCap + 1})`;
  return sql`(${byEntry} OR ${byDigits})`;
}

function listWhere(request: MethodParams<'contacts.list'>, countries: readonly string[], now: number): SQL | undefined {
  return and(
    searchFilter(request.search, countries),
    request.companyId ? eq(contacts.companyId, request.companyId) : undefined,
    ...(request.filter?.conditions ?? []).map((condition) => segmentCondition(condition, now)),
  );
}

type SortColumn = typeof contacts.searchName | typeof contacts.updatedAt | typeof contacts.createdAt;

/** Contacts as list rows (name, company, phone, e-mail, responsible), before filtering, with the value they sort by. */
function contactListSelect(db: ReadDb, search: string, sortColumn: SortColumn) {
  return db
    .select({
      id: contacts.id,
      sortKey: sortColumn,
      fullName: contacts.fullName,
      companyName: companies.name,
      position: contacts.position,
      phone: shownPhone(search),
      email: firstEmail,
      responsibleName: employees.name,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(employees, eq(employees.id, contacts.responsibleId));
}

/** A row's place in its list (sort value and id), opaque to the window. */
function cursorOf(sortKey: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function readCursor(cursor: string): [string | number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // Falls through to the refusal below.
  }
  throw new DomainError('invalid_payload', 'stale_list_position', 'The list position is not one this workstation handed out; scroll from the top again', { field: 'cursor' });
}

function toItem({ sortKey, ...row }: { sortKey: string | number } & Omit<ContactListItem, 'cursor'>): ContactListItem {
  return { ...row, cursor: cursorOf(sortKey, row.id) };
}

/** List rows for the given contacts, by name. */
export function contactItemsByIds(db: ReadDb, ids: readonly string[]): ContactListItem[] {
  return contactListSelect(db, '', contacts.searchName).where(inArray(contacts.id, [...ids])).orderBy(asc(contacts.searchName)).all().map(toItem);
}

/**
 * The page query, unexecuted (tests read its plan): by keyset after or before a cursor, the last rows
 * (`fromEnd`), or by offset. A keyset page reads its rows straight from the sort index, however deep.
 */
export function contactPageQuery(db: ReadDb, request: MethodParams<'contacts.list'>, countries: readonly string[] = ['UA'], now = Date.now()) {
  const ascending = request.sortDir === 'asc';
  const sortColumn = { name: contacts.searchName, updated: contacts.updatedAt, created: contacts.createdAt }[request.sortBy];
  // Reading backwards (before a cursor, or from the end) walks the index the other way; the rows are turned round after.
  const backwards = request.before !== undefined || request.fromEnd === true;
  const order = ascending !== backwards ? asc : desc;
  const cursor = request.after ?? request.before;
  let seek: SQL | undefined;
  if (cursor !== undefined) {
    const [value, id] = readCursor(cursor);
    seek = ascending !== backwards ? sql`(${sortColumn}, ${contacts.id}) > (${value}, ${id})` : sql`(${sortColumn}, ${contacts.id}) < (${value}, ${id})`;
  }
  const query = contactListSelect(db, request.search, sortColumn)
    .where(and(listWhere(request, countries, now), seek))
    .orderBy(order(sortColumn), order(contacts.id))
    .limit(request.limit);
  return cursor !== undefined || request.fromEnd ? query : query.offset(request.offset);
}

export function listContacts(
  db: ReadDb,
  request: MethodParams<'contacts.list'>,
  countries: readonly string[] = ['UA'],
  now = Date.now(),
): { total: number; truncated: boolean; unsearchable: boolean; rows: ContactListItem[] } {
  if (request.search.trim() !== '' && !searchMatchExpression(request.search, countries)) return { total: 0, truncated: false, unsearchable: true, rows: [] };
  const page = contactPageQuery(db, request, countries, now).all().map(toItem);
  const rows = request.before !== undefined || request.fromEnd ? page.reverse() : page;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(contacts)
      .where(listWhere(request, countries, now))
      .get()?.n ?? 0;
  return total > listSearchCap && request.search !== '' ? { total: listSearchCap, truncated: true, unsearchable: false, rows } : { total, truncated: false, unsearchable: false, rows };
}

export function getContactCard(db: ReadDb, id: string): ContactCard {
  const row = db
    .select({ contact: contacts, companyName: companies.name, responsibleName: employees.name })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(employees, eq(employees.id, contacts.responsibleId))
    .where(eq(contacts.id, id))
    .get();
  if (!row) {
    const merged = db.select({ keptId: contactMerges.keptId }).from(contactMerges).where(eq(contactMerges.mergedId, id)).get();
    if (merged) throw new DomainError('not_found', 'contact_merged', `Contact ${id} was merged into ${merged.keptId}`, { id, mergedInto: merged.keptId });
    throw notFound('Contact', id);
  }
  const c = row.contact;
  return {
    id: c.id,
    fullName: c.fullName,
    firstName: c.firstName,
    lastName: c.lastName,
    middleName: c.middleName,
    position: c.position,
    city: c.city,
    company: c.companyId && row.companyName ? { id: c.companyId, name: row.companyName } : null,
    responsible: c.responsibleId && row.responsibleName ? { id: c.responsibleId, name: row.responsibleName } : null,
    phones: phonesOf(db, contactPhones, id),
    emails: db
      .select({ email: contactEmails.email })
      .from(contactEmails)
      .where(eq(contactEmails.contactId, id))
      .orderBy(contactEmails.position)
      .all()
      .map((e) => e.email),
    addresses: db
      .select({ kind: contactAddresses.kind, text: contactAddresses.text })
      .from(contactAddresses)
      .where(eq(contactAddresses.contactId, id))
      .orderBy(contactAddresses.position)
      .all(),
    tags: db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, eq(tags.id, contactTags.tagId))
      .where(eq(contactTags.contactId, id))
      .orderBy(tags.searchName)
      .all(),
    custom: customValuesOf(db, id),
    notes: c.notes,
    source: c.source,
    doNotCall: c.doNotCall,
    noEmail: c.noEmail,
    timeZone: c.timeZone,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function countContacts(db: ReadDb): number {
  return db.select({ n: sql<number>`count(*)` }).from(contacts).get()?.n ?? 0;
}
