import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#core/db/connection';
import { DatabaseCorruptError, DatabaseFromNewerVersionError } from '#core/db/errors';
import { tempDir } from '#tests/support/temp-dir';
import { sourceAssets } from '#tests/support/workstation';

const { migrationsFolder, nativeBinding } = sourceAssets;
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};

function open(file: string, folder = migrationsFolder) {
  return openDatabase({ file, migrationsFolder: folder, nativeBinding });
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true, nativeBinding });
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
}

/** A copy of the migrations folder as the previous release shipped it: all but the newest migration. */
function previousReleaseMigrations(): string {
  const folder = join(tempDir(), 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, -1);
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe('database migrations', () => {
  it('has at least two migrations, so upgrades are exercised', () => {
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('bring an empty database to the latest schema, in WAL mode with foreign keys on', () => {
    const file = join(tempDir(), 'empty.sqlite');
    const database = open(file);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = database.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    database.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['contacts', 'companies', 'interactions', 'deals', 'deal_stages', 'calendar_events', 'settings']));
  });

  it('upgrade a database at the previous schema version and keep its rows', () => {
    const file = join(tempDir(), 'previous.sqlite');
    const old = open(file, previousReleaseMigrations());
    old.sqlite
      .prepare(
        "INSERT INTO contacts (id, full_name, search_name, created_at, updated_at) VALUES ('ct-1', 'Шевченко Тарас', 'шевченко тарас', 1, 1)",
      )
      .run();
    const appliedBefore = old.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(appliedBefore.n).toBe(journal.entries.length - 1);
    old.close();

    const upgraded = open(file);
    expect(upgraded.sqlite.prepare('SELECT full_name FROM contacts WHERE id = ?').get('ct-1')).toEqual({ full_name: 'Шевченко Тарас' });
    const applied = upgraded.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    upgraded.close();
  });

  it('are not re-applied on a second start', () => {
    const file = join(tempDir(), 'twice.sqlite');
    open(file).close();
    const again = open(file);
    const applied = again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    again.close();
  });

  it('refuse a database from a newer version and leave it untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const current = open(file);
    // What a newer release would have done: one more migration, recorded in the history.
    current.sqlite.exec('CREATE TABLE campaigns_from_the_future (id TEXT PRIMARY KEY)');
    current.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.UTC(2030, 0, 1));
    current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    const before = sha256(file);

    expect(() => open(file)).toThrow(DatabaseFromNewerVersionError);
    expect(() => open(file)).toThrow(/newer version.*not modified/s);
    expect(sha256(file)).toBe(before);
    expect(tables(file)).toContain('campaigns_from_the_future');
  });

  it('refuse a file that is not SQLite and leave it untouched', () => {
    const file = join(tempDir(), 'garbage.sqlite');
    writeFileSync(file, Buffer.from('This is a spreadsheet, not a database. '.repeat(200)));
    const before = sha256(file);
    expect(() => open(file)).toThrow(DatabaseCorruptError);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuse a database whose pages are damaged and leave it untouched', () => {
    const file = join(tempDir(), 'damaged.sqlite');
    open(file).close();
    const bytes = readFileSync(file);
    // Keep the header, trash the schema page.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 4096));
    writeFileSync(file, bytes);
    const before = sha256(file);
    expect(() => open(file)).toThrow(DatabaseCorruptError);
    expect(sha256(file)).toBe(before);
  });

  it('refuse an SQLite file that holds other tables but no schema history', () => {
    const file = join(tempDir(), 'foreign.sqlite');
    const foreign = new Database(file, { nativeBinding });
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    foreign.close();
    const before = sha256(file);
    expect(() => open(file)).toThrow(/no schema history/);
    expect(sha256(file)).toBe(before);
  });
});
