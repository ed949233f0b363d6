import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { runtimeAssets } from '#core/app/runtime-assets';

const sourceAssets = runtimeAssets(import.meta.url);

export const millionContacts = 1_000_000;
/** Fixed, so the cached database is the same dataset on every run. */
export const benchNow = Date.UTC(2026, 10, 22, 9);

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/bench', import.meta.url));

/**
 * A database with a million demo contacts, built once and cached (keyed by the schema and
 * the generator's source), because generating it takes longer than any figure measured on it.
 */
export function millionContactDatabase(log: (line: string) => void): string {
  const migrations = readdirSync(sourceAssets.migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
  const key = createHash('sha256')
    .update(readFileSync(join(sourceAssets.migrationsFolder, 'meta', '_journal.json')))
    .update(migrations.map((f) => readFileSync(join(sourceAssets.migrationsFolder, f), 'utf8')).join('\n'))
    .update(readFileSync(fileURLToPath(new URL('../../src-main/core/crm/search-index.ts', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('../../src-main/core/demo/generator.ts', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('../../src-main/core/demo/phones.ts', import.meta.url))))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `million-${key}.sqlite`);
  if (existsSync(file)) return file;

  mkdirSync(cacheDir, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  log(`building the 1,000,000-contact benchmark database (cached at ${file})…`);
  const database = openDatabase({ file: building, migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
  seedDemo(database, { contacts: millionContacts, now: benchNow, interactionsPerContact: 1, batchSize: 20_000 }, (p) => {
    if (p.done % 200_000 === 0) log(`  ${p.done} / ${p.total}`);
  });
  database.sqlite.exec('ANALYZE');
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  renameSync(building, file);
  return file;
}

/** A private copy of the cached database, for a benchmark that writes (an account, calls): runs stay independent. */
export function millionContactCopy(log: (line: string) => void, dir: string): string {
  const file = join(dir, 'million.sqlite');
  copyFileSync(millionContactDatabase(log), file);
  return file;
}
