import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { ContactCard, ContactListItem, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, contactEmails, contactPhones, contacts, dealStages, deals, employees, interactions } from '#core/db/schema';
import { DomainError } from '#core/shared/errors';
import { foldForSearch, phoneDigits, prefixUpperBound } from '#core/shared/text';
import { interactionItemColumns } from './interaction-columns';

/** The phone shown in the list: the one that matched a phone search, else the first. */
function shownPhone(search: string) {
  const digits = phoneDigits(search);
  if (!digits) return sql<string | null>`(SELECT raw FROM contact_phones p WHERE p.contact_id = ${contacts.id} ORDER BY p.position LIMIT 1)`;
  const from = '+' + digits;
  return sql<string | null>`(SELECT raw FROM contact_phones p WHERE p.contact_id = ${contacts.id}
    ORDER BY (p.e164 >= ${from} AND p.e164 < ${prefixUpperBound(from)}) DESC, p.position LIMIT 1)`;
}
const firstEmail = sql<string | null>`(SELECT email FROM contact_emails e WHERE e.contact_id = ${contacts.id} ORDER BY e.position LIMIT 1)`;

/** Name prefix (range scan on the folded-name index) or the leading digits of an E.164 number. */
function contactFilter(search: string): SQL | undefined {
  if (search === '') return undefined;
  const digits = phoneDigits(search);
  if (digits) {
    const from = '+' + digits;
    return sql`${contacts.id} IN (SELECT contact_id FROM contact_phones WHERE e164 >= ${from} AND e164 < ${prefixUpperBound(from)})`;
  }
  const folded = foldForSearch(search);
  return and(gte(contacts.searchName, folded), lt(contacts.searchName, prefixUpperBound(folded)));
}

/** The page query, unexecuted: tests read its plan. */
export function contactPageQuery(db: ReadDb, request: MethodParams<'contacts.list'>) {
  const order = request.sortDir === 'asc' ? asc : desc;
  const orderBy =
    request.sortBy === 'updated' ? [order(contacts.updatedAt), order(contacts.id)] : [order(contacts.searchName), order(contacts.id)];
  return db
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      companyName: companies.name,
      position: contacts.position,
      phone: shownPhone(request.search),
      email: firstEmail,
      responsibleName: employees.name,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(employees, eq(employees.id, contacts.responsibleId))
    .where(contactFilter(request.search))
    .orderBy(...orderBy)
    .limit(request.limit)
    .offset(request.offset);
}

export function listContacts(db: ReadDb, request: MethodParams<'contacts.list'>): { total: number; rows: ContactListItem[] } {
  const rows = contactPageQuery(db, request).all();
  const where = contactFilter(request.search);
  const total = db.select({ n: sql<number>`count(*)` }).from(contacts).where(where).get()?.n ?? 0;
  return { total, rows };
}

const recentInteractionLimit = 50;

export function getContactCard(db: ReadDb, id: string): ContactCard {
  const row = db
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      position: contacts.position,
      notes: contacts.notes,
      companyId: contacts.companyId,
      companyName: companies.name,
      responsibleName: employees.name,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(employees, eq(employees.id, contacts.responsibleId))
    .where(eq(contacts.id, id))
    .get();
  if (!row) throw new DomainError('not_found', `Contact ${id} does not exist (it may have been merged or erased)`, { id });

  const phones = db
    .select({ id: contactPhones.id, kind: contactPhones.kind, raw: contactPhones.raw, e164: contactPhones.e164 })
    .from(contactPhones)
    .where(eq(contactPhones.contactId, id))
    .orderBy(contactPhones.position)
    .all();
  const emails = db
    .select({ email: contactEmails.email })
    .from(contactEmails)
    .where(eq(contactEmails.contactId, id))
    .orderBy(contactEmails.position)
    .all()
    .map((e) => e.email);
  const history = db
    .select(interactionItemColumns)
    .from(interactions)
    .leftJoin(employees, eq(employees.id, interactions.employeeId))
    .where(eq(interactions.contactId, id))
    .orderBy(desc(interactions.occurredAt))
    .limit(recentInteractionLimit)
    .all();
  const openDeals = db
    .select({
      id: deals.id,
      title: deals.title,
      stageName: dealStages.name,
      amount: deals.amount,
      currency: deals.currency,
      expectedCloseAt: deals.expectedCloseAt,
    })
    .from(deals)
    .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
    .where(and(eq(deals.contactId, id), eq(dealStages.outcome, 'open')))
    .all();

  return {
    id: row.id,
    fullName: row.fullName,
    position: row.position,
    company: row.companyId && row.companyName ? { id: row.companyId, name: row.companyName } : null,
    responsibleName: row.responsibleName,
    phones,
    emails,
    notes: row.notes,
    interactions: history,
    deals: openDeals,
  };
}

export function countContacts(db: ReadDb): number {
  return db.select({ n: sql<number>`count(*)` }).from(contacts).get()?.n ?? 0;
}
