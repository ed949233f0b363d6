import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactPageQuery, listContacts } from '#core/crm/contacts';
import { phonePrefixQuery, quickSearch } from '#core/crm/quick-search';
import type { AppDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { openScratchDatabase, testNow } from '#tests/support/workstation';

function planOf(database: AppDatabase, query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  const rows = database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('contact queries on a large list use their indexes', () => {
  let scratch: ReturnType<typeof openScratchDatabase>;
  beforeAll(() => {
    scratch = openScratchDatabase();
    seedDemo(scratch.database, { contacts: 3_000, now: testNow });
    scratch.database.sqlite.exec('ANALYZE');
  });
  afterAll(() => scratch.close());

  it('searches names by a range on the folded-name index', () => {
    const plan = planOf(scratch.database, contactPageQuery(scratch.database.read, { search: 'Шев', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 }));
    expect(plan).toMatch(/contacts USING INDEX contacts_search_name_idx \(search_name>\? AND search_name<\?\)/);
  });

  it('pages through everyone by name without sorting in a temporary B-tree', () => {
    const plan = planOf(scratch.database, contactPageQuery(scratch.database.read, { search: '', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 }));
    expect(plan).toMatch(/contacts_search_name_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('finds numbers by a range on the E.164 index', () => {
    const plan = planOf(scratch.database, phonePrefixQuery(scratch.database.read, '38067', 10));
    expect(plan).toMatch(/contact_phones USING INDEX contact_phones_e164_idx \(e164>\? AND e164<\?\)/);
  });

  it('returns what the plans promise', () => {
    const page = listContacts(scratch.database.read, { search: 'шев', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.fullName.startsWith('Шев'))).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(page.rows.length);
    const hits = quickSearch(scratch.database.read, '+380 67', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'contact')).toBe(true);
  });
});
