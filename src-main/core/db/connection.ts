import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseCorruptError, DatabaseFromNewerVersionError } from './errors';
import type { Db, ReadDb, WriteDb } from './handles';
import { compareMigrations, type KnownMigration } from './migration-guard';
import * as schema from './schema';
import { foldForSearch } from '#core/shared/text';

export interface OpenDatabaseOptions {
  file: string;
  migrationsFolder: string;
  /** Path to a better-sqlite3 addon built for this runtime (see scripts/native-modules.mjs). */
  nativeBinding?: string | undefined;
  /** Milliseconds a writer waits for another connection's lock (a worker's import, say). */
  busyTimeoutMs?: number;
}

export interface AppDatabase {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly read: ReadDb;
  /**
   * Runs `fn` in one IMMEDIATE transaction: all of it is committed, or none.
   * better-sqlite3 transactions are synchronous, so `fn` must not await.
   */
  write<T>(fn: (tx: WriteDb) => T): T;
  close(): void;
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (creating if needed) the workstation database and brings its schema up to date.
 * A file that is not SQLite, or that a newer release has migrated, is refused before
 * anything is written to it.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const { file, migrationsFolder } = options;
  checkHeader(file);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw asCorruption(file, error);
  }
  try {
    connectionSettings(sqlite, options.busyTimeoutMs);
    const known = readKnownMigrations(migrationsFolder);
    const comparison = compareMigrations(readAppliedMigrations(sqlite, file), known);
    if (comparison.status === 'newer') throw new DatabaseFromNewerVersionError(file, comparison.unknown.length);

    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle(sqlite, { schema });
    if (comparison.status !== 'current') migrate(db, { migrationsFolder });
    // The app keeps its own query-planner statistics (SQLite's advice for long-lived connections): a
    // sampled ANALYZE where tables changed enough, bounded so a million-row database opens in milliseconds.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    return wrap(file, sqlite, db);
  } catch (error) {
    sqlite.close();
    throw error instanceof DatabaseFromNewerVersionError ? error : asCorruption(file, error);
  }
}

/** Connection-level settings shared by every connection; nothing here writes to the file. */
function connectionSettings(sqlite: Database.Database, busyTimeoutMs = 5_000): void {
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma('foreign_keys = ON');
  // 64 MB of page cache per connection: a desktop has the memory, and a million-row list has the pages.
  sqlite.pragma('cache_size = -65536');
  // SQLite's lower() and NOCASE fold ASCII only; fold() compares Cyrillic (and ё/е, apostrophes) as search does.
  sqlite.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldForSearch(value) : typeof value === 'number' ? String(value) : null));
}

/** A connection that cannot write at all (reports): opened read-only, `query_only` on top. */
export interface ReadOnlyDatabase {
  readonly read: ReadDb;
  close(): void;
}

/** Opens the (already migrated) database read-only, for work that only reads: reports in their pooled worker. */
export function openReadOnlyDatabase(options: Pick<OpenDatabaseOptions, 'file' | 'nativeBinding' | 'busyTimeoutMs'>): ReadOnlyDatabase {
  checkHeader(options.file);
  const sqlite = new Database(options.file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  connectionSettings(sqlite, options.busyTimeoutMs);
  sqlite.pragma('query_only = ON');
  return { read: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}

function wrap(file: string, sqlite: Database.Database, db: Db): AppDatabase {
  return {
    file,
    sqlite,
    read: db,
    write: <T>(fn: (tx: WriteDb) => T): T => sqlite.transaction(() => fn(db as WriteDb)).immediate(),
    close: () => {
      if (sqlite.open) sqlite.pragma('optimize');
      sqlite.close();
    },
  };
}

function checkHeader(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const header = Buffer.alloc(sqliteHeader.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(sqliteHeader)) throw new DatabaseCorruptError(file, 'the file does not start with an SQLite header');
}

function readKnownMigrations(migrationsFolder: string): KnownMigration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ createdAt: m.folderMillis, hash: m.hash }));
}

function readAppliedMigrations(sqlite: Database.Database, file: string): KnownMigration[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) {
    const userTables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (userTables.n > 0) throw new DatabaseCorruptError(file, 'it holds tables but no schema history');
    return [];
  }
  const rows = sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations').all() as {
    hash: string;
    created_at: number | string;
  }[];
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

function asCorruption(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DatabaseCorruptError(file, (error as Error).message);
  }
  return error;
}
