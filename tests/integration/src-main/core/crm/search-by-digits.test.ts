import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { contactPageQuery } from '#core/crm/contacts';
import { quickSearch } from '#core/crm/quick-search';
import { indexPendingPhones, searchIndex } from '#core/crm/search-index';
import { openDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { crmWorkstation, ok } from '#tests/support/crm';
import { tempDir } from '#tests/support/temp-dir';
import { importFile } from '#tests/support/transfers';
import { createTestDatabase, openScratchDatabase, sourceAssets, testNow } from '#tests/support/workstation';

const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();
const found = async (workstation: Workstation, text: string) => ids(await ok(workstation, 'search.quick', { text }));
const listed = async (workstation: Workstation, search: string) => ids((await ok(workstation, 'contacts.list', { search })).rows);

async function people() {
  const setup = await crmWorkstation();
  const { workstation } = setup;
  const york = await ok(workstation, 'contacts.create', { lastName: 'Smith', firstName: 'John', phones: [{ kind: 'work', raw: '+1 (212) 555-5833' }] });
  const kyiv = await ok(workstation, 'contacts.create', { lastName: 'Шевченко', firstName: 'Тарас', phones: [{ kind: 'mobile', raw: '+380 (96) 465-55-75' }] });
  const office = await ok(workstation, 'contacts.create', { lastName: 'Гнатюк', firstName: 'Мар’яна', phones: [{ kind: 'work', raw: '044 123 45 67' }] });
  return { ...setup, york, kyiv, office };
}

describe('finding a number by the digits a person heard', () => {
  it.each([
    ['555 583', 'york'],
    ['5833', 'york'],
    ['2-555-58', 'york'],
    ['465 55 75', 'kyiv'],
    ['(465)5575', 'kyiv'],
    ['123 45 67', 'office'],
    ['4567', 'office'],
  ] as const)('"%s" finds the number holding those digits anywhere, in the search box and the contact list', async (text, who) => {
    const setup = await people();
    const expected = [setup[who].id];
    expect(await found(setup.workstation, text)).toEqual(expected);
    expect(await listed(setup.workstation, text)).toEqual(expected);
  });

  it('needs four digits from the middle of a number (three are a prefix search), and digits that are not there find nobody', async () => {
    const { workstation } = await people();
    expect(await found(workstation, '583')).toEqual([]);
    expect(await found(workstation, '5834')).toEqual([]);
    expect(await listed(workstation, '9999 99')).toEqual([]);
  });

  it('shows in the list the phone that holds the digits', async () => {
    const { workstation, kyiv } = await people();
    await ok(workstation, 'contacts.update', {
      id: kyiv.id,
      contact: { lastName: 'Шевченко', firstName: 'Тарас', phones: [{ kind: 'work', raw: '044 200 10 20' }, { kind: 'mobile', raw: '+380 (96) 465-55-75' }] },
    });
    const page = await ok(workstation, 'contacts.list', { search: '465 55' });
    expect(page.rows.map((r) => r.phone)).toEqual(['+380 (96) 465-55-75']);
  });

  it('finds companies by the digits of their switchboard, and numbers that could not be read by the digits as typed', async () => {
    const { workstation } = await people();
    const agro = await ok(workstation, 'companies.create', { name: 'ТОВ «Агросвіт»', phones: [{ kind: 'work', raw: '044 200 10 20' }] });
    const odd = await ok(workstation, 'contacts.create', { lastName: 'Лисенко', phones: [{ kind: 'other', raw: '77-12-34-9' }] });
    expect(await found(workstation, '200 10 20')).toEqual([agro.id]);
    expect(await found(workstation, '1234 9')).toEqual([odd.id]);
  });

  it('follows edits: a changed number is found by its new digits only, a removed one no more', async () => {
    const { workstation, york } = await people();
    await ok(workstation, 'contacts.update', { id: york.id, contact: { lastName: 'Smith', firstName: 'John', phones: [{ kind: 'work', raw: '+1 (212) 555-7001' }] } });
    expect(await found(workstation, '5833')).toEqual([]);
    expect(await found(workstation, '555 70')).toEqual([york.id]);
    await ok(workstation, 'contacts.update', { id: york.id, contact: { lastName: 'Smith', firstName: 'John', phones: [] } });
    expect(await found(workstation, '555 70')).toEqual([]);
  });

  it('follows merges and erasure: merged phones lead to the kept person, an erased person is not found', async () => {
    const { workstation, york, office } = await people();
    const dupe = await ok(workstation, 'contacts.create', { lastName: 'Smith', firstName: 'John', phones: [{ kind: 'mobile', raw: '+1 (646) 777-2468' }] });
    await ok(workstation, 'contacts.merge', { keepId: york.id, mergeIds: [dupe.id] });
    expect(await found(workstation, '777 2468')).toEqual([york.id]);
    await ok(workstation, 'privacy.erase', { contactId: office.id, reason: 'request', confirmName: 'гнатюк мар’яна' });
    expect(await found(workstation, '123 45 67')).toEqual([]);
  });

  it('finds imported people by the digits in the middle of their numbers', async () => {
    const { workstation } = await crmWorkstation();
    const csv = ['ПІБ;Телефон', 'Коваленко Олена;+380 (44) 200-10-21, 050 765 43 21', 'Бондар Ірина;8 (495) 321-77-66'].join('\n');
    const report = await importFile(workstation, 'list.csv', new Uint8Array(Buffer.from(csv, 'utf8')));
    expect(report).toMatchObject({ state: 'done', created: 2 });
    const [olena, iryna] = await Promise.all([found(workstation, '765 43'), found(workstation, '321 77 66')]);
    expect(olena).toHaveLength(1);
    expect(iryna).toHaveLength(1);
    expect(await found(workstation, '200-10-21')).toEqual(olena);
  });
});

describe('upgrading a workplace that already has phones', () => {
  it('makes the stored numbers findable by any run of digits', () => {
    const { migrationsFolder, nativeBinding } = sourceAssets;
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    // The migrations before the digit index, as the release before it shipped them.
    const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0011_phone_digits'));
    const previous = join(tempDir(), 'migrations');
    mkdirSync(join(previous, 'meta'), { recursive: true });
    for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(previous, `${entry.tag}.sql`));
    writeFileSync(join(previous, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));

    const file = join(tempDir(), 'workplace.sqlite');
    const old = openDatabase({ file, migrationsFolder: previous, nativeBinding });
    old.sqlite.exec(`
      INSERT INTO contacts (id, full_name, search_name, created_at, updated_at) VALUES ('c-york', 'Smith John', 'smith john', 0, 0);
      INSERT INTO contact_phones (id, contact_id, kind, raw, e164, position) VALUES ('p-york', 'c-york', 'work', '+1 (212) 555-5833', '+12125555833', 0);
      INSERT INTO companies (id, name, search_name, created_at, updated_at) VALUES ('co-agro', 'Агросвіт', 'агросвіт', 0, 0);
      INSERT INTO company_phones (id, company_id, kind, raw, e164, position) VALUES ('p-agro', 'co-agro', 'work', '044 200 10 20', '+380442001020', 0);
    `);
    old.close();

    const upgraded = openDatabase({ file, migrationsFolder, nativeBinding });
    try {
      expect(quickSearch(upgraded.read, '555 583', 10, ['UA']).map((h) => h.id)).toEqual(['c-york']);
      expect(quickSearch(upgraded.read, '200 10 20', 10, ['UA']).map((h) => h.id)).toEqual(['co-agro']);
    } finally {
      upgraded.close();
    }
  });
});

describe('the digit search on a large list', () => {
  it('goes from the digit index to the phones and their people by key, never scanning contacts or phones', () => {
    const scratch = openScratchDatabase();
    try {
      seedDemo(scratch.database, { contacts: 2_000, now: testNow });
      scratch.database.sqlite.pragma('optimize = 0x10002');
      const { sql, params } = contactPageQuery(scratch.database.read, { search: '555 583', sortBy: 'name', sortDir: 'asc', offset: 0, limit: 50 }).toSQL();
      const plan = (scratch.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).toMatch(/MULTI-INDEX OR/);
      expect(plan).toMatch(/SCAN d VIRTUAL TABLE INDEX/);
      expect(plan).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).not.toMatch(/SCAN (contacts|p)\b(?! VIRTUAL)/);
    } finally {
      scratch.close();
    }
  });
});

describe('the digit index under writes straight to the phone tables', () => {
  it('follows inserts, changes, deletes and a reused rowid once the writer writes the queue out', () => {
    const database = createTestDatabase();
    const run = (sql: string) => database.write((tx) => {
      database.sqlite.exec(sql);
      indexPendingPhones(tx);
    });
    const byDigits = (text: string) => searchIndex(database.read, text, ['UA'], 10).map((m) => m.id);
    run(`INSERT INTO contacts (id, full_name, search_name, created_at, updated_at) VALUES ('c-1', 'One', 'one', 0, 0), ('c-2', 'Two', 'two', 0, 0);
         INSERT INTO contact_phones (id, contact_id, kind, raw, e164, position) VALUES ('p-1', 'c-1', 'work', '+1 212 555 5833', '+12125555833', 0);`);
    expect(byDigits('555 583')).toEqual(['c-1']);
    run("UPDATE contact_phones SET raw = '+1 212 555 7001', e164 = '+12125557001' WHERE id = 'p-1'");
    expect(byDigits('555 583')).toEqual([]);
    expect(byDigits('555 70')).toEqual(['c-1']);
    // The last row deleted and another inserted in the same write: the new row may take the old rowid.
    run(`DELETE FROM contact_phones WHERE id = 'p-1';
         INSERT INTO contact_phones (id, contact_id, kind, raw, e164, position) VALUES ('p-2', 'c-2', 'work', '044 123 45 67', '+380441234567', 0);`);
    expect(byDigits('555 70')).toEqual([]);
    expect(byDigits('123 45 67')).toEqual(['c-2']);
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM phone_digits_pending').get()).toEqual({ n: 0 });
    expect(() => database.sqlite.exec("INSERT INTO phone_digits (phone_digits) VALUES ('integrity-check')")).not.toThrow();
  });
});
