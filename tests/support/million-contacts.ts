import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { writeSettings } from '#core/settings/settings-store';
import { JobJournal } from '#core/workers/job-journal';
import { runtimeAssets } from '#core/app/runtime-assets';

const sourceAssets = runtimeAssets(import.meta.url);
/** The million-contact workplace reads numbers as a Ukrainian office does. */
const workingCountries = ['UA', 'RU'];

export const millionContacts = 1_000_000;
/** Fixed, so the cached database is the same dataset on every run. */
export const benchNow = Date.UTC(2026, 10, 22, 9);

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/bench', import.meta.url));

/** Every file of the demo generator: a change in any of them builds the database again. */
function demoSources(): string[] {
  const dir = fileURLToPath(new URL('../../src-main/core/demo', import.meta.url));
  return readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => join(dir, f));
}

/**
 * A database with a million demo contacts, built once and cached (keyed by the schema, the search
 * index, the generator's sources and this builder), because generating it takes longer than any
 * figure measured on it. Tests and benchmarks use copies of it.
 */
export function millionContactDatabase(log: (line: string) => void): string {
  const migrations = readdirSync(sourceAssets.migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
  const key = createHash('sha256')
    .update(readFileSync(join(sourceAssets.migrationsFolder, 'meta', '_journal.json')))
    .update(migrations.map((f) => readFileSync(join(sourceAssets.migrationsFolder, f), 'utf8')).join('\n'))
    .update(readFileSync(fileURLToPath(new URL('../../src-main/core/crm/search-index.ts', import.meta.url))))
    .update(demoSources().map((f) => readFileSync(f)).join('\n'))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `million-${key}.sqlite`);
  if (existsSync(file)) return file;

  mkdirSync(cacheDir, { recursive: true });
  // Builds for other keys (older sources, an interrupted build) are a gigabyte or more each.
  for (const stale of readdirSync(cacheDir).filter((name) => name.startsWith('million-'))) rmSync(join(cacheDir, stale), { force: true });
  const building = `${file}.building`;
  log(`building the 1,000,000-contact benchmark database (cached at ${file})…`);
  const database = openDatabase({ file: building, migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
  seedDemo(database, { contacts: millionContacts, now: benchNow, interactionsPerContact: 1, batchSize: 20_000 }, (p) => {
    if (p.done % 200_000 === 0) log(`  ${p.done} / ${p.total}`);
  });
  // As a workplace that has run: its working countries set, its numbers already read with them (the one-off
  // re-read after an upgrade is not what the figures measure). Statistics are the app's own (PRAGMA optimize).
  database.write((tx) => writeSettings(tx, { workingCountries }));
  const journal = new JobJournal(database, { now: () => benchNow }, () => null);
  journal.started('bench-reread', { kind: 'phones.reread', params: { now: benchNow, workingCountries } });
  journal.finished('bench-reread', 'done', { done: 0, total: 0 });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  renameSync(building, file);
  return file;
}

/** The cached database, built in a child process (tsx) when missing: for tests, whose runner slows the generator down. */
export function millionContactDatabaseBuiltApart(): string {
  const script = fileURLToPath(new URL('./build-million-contacts.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 30 * 60_000 });
  const file = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !existsSync(file)) throw new Error(`building the million-contact database failed (exit ${result.status ?? result.signal})`);
  return file;
}

/** A private copy of the cached database, for a benchmark that writes (an account, calls): runs stay independent. */
export function millionContactCopy(log: (line: string) => void, dir: string): string {
  const file = join(dir, 'million.sqlite');
  copyFileSync(millionContactDatabase(log), file);
  return file;
}
