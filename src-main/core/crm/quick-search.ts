import { eq, inArray } from 'drizzle-orm';
import type { QuickSearchHit } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, contacts } from '#core/db/schema';
import { foldForSearch, phoneDigits } from '#core/shared/text';
import { searchIndex } from './search-index';

/** How many index matches are looked at to pick the best few (names starting with the text come first). */
const candidatesPerHit = 5;

/**
 * The search box and Ctrl+K: contacts and companies by name, phone in any format, e-mail or
 * company, from the full-text index; the few shown are ranked here, not by the index.
 */
export function quickSearch(db: ReadDb, text: string, limit: number, countries: readonly string[]): QuickSearchHit[] {
  const matches = searchIndex(db, text, countries, limit * candidatesPerHit);
  const contactIds = matches.filter((m) => m.kind === 'contact').map((m) => m.id);
  const companyIds = matches.filter((m) => m.kind === 'company').map((m) => m.id);
  const hits: (QuickSearchHit & { sortKey: string })[] = [];
  const isPhone = phoneDigits(text) !== null;
  if (contactIds.length > 0) {
    for (const c of db
      .select({ id: contacts.id, title: contacts.fullName, searchName: contacts.searchName, company: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(inArray(contacts.id, contactIds))
      .all()) {
      hits.push({ kind: 'contact', id: c.id, title: c.title, subtitle: c.company, sortKey: c.searchName });
    }
  }
  if (companyIds.length > 0) {
    for (const c of db.select({ id: companies.id, title: companies.name, searchName: companies.searchName, city: companies.city }).from(companies).where(inArray(companies.id, companyIds)).all()) {
      hits.push({ kind: 'company', id: c.id, title: c.title, subtitle: c.city, sortKey: c.searchName });
    }
  }
  const folded = foldForSearch(text);
  const rank = (h: { sortKey: string }) => (isPhone ? 0 : h.sortKey.startsWith(folded) ? 0 : 1);
  return hits
    .sort((a, b) => rank(a) - rank(b) || a.sortKey.localeCompare(b.sortKey))
    .slice(0, limit)
    .map(({ sortKey: _sortKey, ...hit }) => hit);
}
