import type { Statement } from 'better-sqlite3';
import type { QuickSearchHit } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { foldForSearch, phoneDigits } from '#core/shared/text';
import { searchIndex } from './search-index';
import { preparedOnce } from '#core/db/prepared-once';

/** How many index matches are looked at to pick the best few (names starting with the text come first). */
const candidatesPerHit = 5;

interface Statements {
  contacts: Statement<[string], { id: string; title: string; searchName: string; company: string | null }>;
  companies: Statement<[string], { id: string; title: string; searchName: string; city: string | null }>;
}

// One SQL text whatever the number of ids (a JSON array), so each statement is prepared once per connection:
// search runs on every key press.
const statements = preparedOnce<Statements>((sqlite) => ({
  contacts: sqlite.prepare(
    'SELECT c.id, c.full_name AS title, c.search_name AS searchName, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id IN (SELECT value FROM json_each(?))',
  ),
  companies: sqlite.prepare('SELECT id, name AS title, search_name AS searchName, city FROM companies WHERE id IN (SELECT value FROM json_each(?))'),
}));

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
  const s = statements(db);
  if (contactIds.length > 0) {
    for (const c of s.contacts.all(JSON.stringify(contactIds))) hits.push({ kind: 'contact', id: c.id, title: c.title, subtitle: c.company, sortKey: c.searchName });
  }
  if (companyIds.length > 0) {
    for (const c of s.companies.all(JSON.stringify(companyIds))) hits.push({ kind: 'company', id: c.id, title: c.title, subtitle: c.city, sortKey: c.searchName });
  }
  const folded = foldForSearch(text);
  const rank = (h: { sortKey: string }) => (isPhone ? 0 : h.sortKey.startsWith(folded) ? 0 : 1);
  return hits
    .sort((a, b) => rank(a) - rank(b) || a.sortKey.localeCompare(b.sortKey))
    .slice(0, limit)
    .map(({ sortKey: _sortKey, ...hit }) => hit);
}
