import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupCallerId } from '#core/crm/caller-id';
import { contactPageQuery, listContacts } from '#core/crm/contacts';
import { quickSearch } from '#core/crm/quick-search';
import type { AppDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { openScratchDatabase, testNow } from '#tests/support/workstation';

function planOf(database: AppDatabase, query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  return explain(database, sql, params);
}

function explain(database: AppDatabase, sql: string, params: unknown[]): string {
  const rows = database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('contact queries on a large list use their indexes', () => {
  let scratch: ReturnType<typeof openScratchDatabase>;
  beforeAll(() => {
    scratch = openScratchDatabase();
    seedDemo(scratch.database, { contacts: 3_000, now: testNow });
    // The statistics the app keeps itself (PRAGMA optimize on open and close), not a test's ANALYZE.
    scratch.database.sqlite.pragma('optimize = 0x10002');
  });
  afterAll(() => scratch.close());

  it('filters by the typed text through the full-text index', () => {
    const plan = planOf(scratch.database, contactPageQuery(scratch.database.read, { search: 'Шев', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 }));
    expect(plan).toMatch(/search_index VIRTUAL TABLE INDEX/);
    expect(plan).not.toMatch(/SCAN contacts(?! USING)/);
  });

  it('pages through everyone by name without sorting in a temporary B-tree', () => {
    const plan = planOf(scratch.database, contactPageQuery(scratch.database.read, { search: '', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 }));
    expect(plan).toMatch(/contacts_search_name_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('seeks a deep page by keyset from the name index, forwards and backwards, without sorting', () => {
    const { rows } = listContacts(scratch.database.read, { search: '', sortBy: 'name', sortDir: 'asc', offset: 2_000, limit: 1 });
    const cursor = rows[0]?.cursor ?? '';
    for (const direction of [{ after: cursor }, { before: cursor }, { fromEnd: true }]) {
      const plan = planOf(scratch.database, contactPageQuery(scratch.database.read, { search: '', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50, ...direction }));
      expect(plan).toMatch(/contacts_search_name_idx/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('finds a caller without the country part by the national-number index', () => {
    const plan = explain(scratch.database, 'SELECT c.id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.nsn = ?', ['671234567']);
    expect(plan).toMatch(/SEARCH p USING (COVERING )?INDEX contact_phones_nsn_idx \(nsn=\?\)/);
  });

  it('looks up a caller by the E.164 index, never a scan', () => {
    const contactsPlan = explain(scratch.database, 'SELECT c.id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.e164 = ?', ['+380671234567']);
    const companiesPlan = explain(scratch.database, 'SELECT co.id FROM company_phones p JOIN companies co ON co.id = p.company_id WHERE p.e164 = ?', ['+380671234567']);
    expect(contactsPlan).toMatch(/SEARCH p USING (COVERING )?INDEX contact_phones_e164_idx \(e164=\?\)/);
    expect(companiesPlan).toMatch(/SEARCH p USING (COVERING )?INDEX company_phones_e164_idx \(e164=\?\)/);
  });

  it('returns what the plans promise', () => {
    const page = listContacts(scratch.database.read, { search: 'шев', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => /(^|\s)Шев/i.test(`${r.fullName} ${r.companyName ?? ''}`))).toBe(true);
    const hits = quickSearch(scratch.database.read, '+380 67', 10, ['UA', 'RU']);
    expect(hits.length).toBeGreaterThan(0);
    const someone = scratch.database.sqlite.prepare("SELECT contact_id, e164 FROM contact_phones WHERE e164 LIKE '+38067%' LIMIT 1").get() as { contact_id: string; e164: string };
    const national = `0${someone.e164.slice(4, 6)} ${someone.e164.slice(6, 9)} ${someone.e164.slice(9)}`;
    expect(lookupCallerId(scratch.database.read, national, ['UA', 'RU']).contacts.map((c) => c.id)).toContain(someone.contact_id);
  });
});
