import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '#core/app/workstation';
import { buildDeferredIndexes, deferIndexes, importDeferrableIndexes } from '#core/db/deferred-indexes';
import { openDatabase, type AppDatabase } from '#core/db/connection';
import { ok } from '#tests/support/crm';
import { tempDir } from '#tests/support/temp-dir';
import { importFile } from '#tests/support/transfers';
import { createTestDatabase, createTestWorkstation, sourceAssets } from '#tests/support/workstation';

const indexes = (database: AppDatabase) =>
  database.sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all().map((r) => r.name);
const listed = (database: AppDatabase) => database.sqlite.prepare<[], { name: string }>('SELECT name FROM deferred_indexes ORDER BY name').all().map((r) => r.name);

describe('indexes a bulk load builds at its end', () => {
  it('names only indexes the schema has (a renamed index would otherwise stop being deferred)', () => {
    const database = createTestDatabase();
    expect(indexes(database)).toEqual(expect.arrayContaining([...importDeferrableIndexes]));
  });

  it('drops them with their definitions kept in the same transaction, and builds them again as they were', () => {
    const database = createTestDatabase();
    const before = database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    expect(deferIndexes(database, importDeferrableIndexes, 1)).toEqual([...importDeferrableIndexes]);
    expect(indexes(database)).not.toContain('contacts_search_name_idx');
    expect(listed(database)).toEqual([...importDeferrableIndexes].sort());
    // Deferring again (a resumed import) drops nothing twice and loses no definition.
    expect(deferIndexes(database, importDeferrableIndexes, 2)).toEqual([]);
    expect(buildDeferredIndexes(database).sort()).toEqual([...importDeferrableIndexes].sort());
    expect(database.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()).toEqual(before);
    expect(listed(database)).toEqual([]);
  });

  it('after a crash between the two, the workstation builds them at start', async () => {
    const dataDir = tempDir();
    const crashed = openDatabase({ file: join(dataDir, databaseFileName), migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
    deferIndexes(crashed, importDeferrableIndexes, 1);
    crashed.sqlite.close();

    const workstation = createTestWorkstation({ dataDir });
    await ok(workstation, 'contacts.list', { limit: 1 });
    const reopened = openDatabase({ file: join(dataDir, databaseFileName), migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
    expect(indexes(reopened)).toEqual(expect.arrayContaining([...importDeferrableIndexes]));
    expect(listed(reopened)).toEqual([]);
    reopened.close();
  });

  it('a large import leaves every index in place when it is done, its people found by name order', async () => {
    const dataDir = tempDir();
    const workstation = createTestWorkstation({ dataDir });
    const rows = Array.from({ length: 12_000 }, (_, i) => `Контакт ${String(i).padStart(5, '0')},+38067${String(1_000_000 + i)}`).join('\n');
    const report = await importFile(workstation, 'big.csv', new Uint8Array(Buffer.from(`Name,Phone\n${rows}\n`)), { mapping: ['fullName', 'phone'] });
    expect(report).toMatchObject({ state: 'done', created: 12_000 });
    const database = openDatabase({ file: join(dataDir, databaseFileName), migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
    expect(indexes(database)).toEqual(expect.arrayContaining([...importDeferrableIndexes]));
    expect(listed(database)).toEqual([]);
    database.close();
    const last = await ok(workstation, 'contacts.list', { limit: 1, sortDir: 'desc' });
    expect(last.rows[0]?.fullName).toBe('Контакт 11999');
  });
});
