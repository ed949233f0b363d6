import { asc, eq, sql } from 'drizzle-orm';
import type { CompanyCard, MethodOutput, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, companyPhones, companyTags, contacts, employees, tags } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { customValuesOf } from './custom-fields';
import { phonesOf } from './phone-rows';
import { searchMatchExpression } from './search-index';

export function listCompanies(db: ReadDb, request: MethodParams<'companies.list'>, countries: readonly string[]): MethodOutput<'companies.list'> {
  const expression = request.search ? searchMatchExpression(request.search, countries) : null;
  // Only punctuation or symbols: nothing to search for, so nobody matches (not everybody).
  if (request.search.trim() !== '' && !expression) return { total: 0, unsearchable: true, rows: [] };
  const where = expression
    ? sql`-"companies".rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ${expression} AND rowid < 0)`
    : undefined;
  const rows = db
    .select({
      id: companies.id,
      name: companies.name,
      city: companies.city,
      phone: sql<string | null>`(SELECT raw FROM company_phones p WHERE p.company_id = "companies"."id" ORDER BY p.position LIMIT 1)`,
      contacts: sql<number>`(SELECT count(*) FROM contacts c WHERE c.company_id = "companies"."id")`,
      responsibleName: employees.name,
      updatedAt: companies.updatedAt,
    })
    .from(companies)
    .leftJoin(employees, eq(employees.id, companies.responsibleId))
    .where(where)
    .orderBy(asc(companies.searchName), asc(companies.id))
    .limit(request.limit)
    .offset(request.offset)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(companies).where(where).get()?.n ?? 0;
  return { total, unsearchable: false, rows };
}

export function getCompanyCard(db: ReadDb, id: string): CompanyCard {
  const row = db
    .select({ company: companies, responsibleName: employees.name })
    .from(companies)
    .leftJoin(employees, eq(employees.id, companies.responsibleId))
    .where(eq(companies.id, id))
    .get();
  if (!row) throw notFound('Company', id);
  const c = row.company;
  return {
    id: c.id,
    name: c.name,
    taxId: c.taxId,
    city: c.city,
    website: c.website,
    email: c.email,
    address: c.address,
    responsible: c.responsibleId && row.responsibleName ? { id: c.responsibleId, name: row.responsibleName } : null,
    phones: phonesOf(db, companyPhones, id),
    tags: db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(companyTags)
      .innerJoin(tags, eq(tags.id, companyTags.tagId))
      .where(eq(companyTags.companyId, id))
      .all(),
    custom: customValuesOf(db, id),
    notes: c.notes,
    source: c.source,
    doNotCall: c.doNotCall,
    contacts: db
      .select({
        id: contacts.id,
        fullName: contacts.fullName,
        position: contacts.position,
        phone: sql<string | null>`(SELECT raw FROM contact_phones p WHERE p.contact_id = "contacts"."id" ORDER BY p.position LIMIT 1)`,
      })
      .from(contacts)
      .where(eq(contacts.companyId, id))
      .orderBy(asc(contacts.searchName))
      .limit(500)
      .all(),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
