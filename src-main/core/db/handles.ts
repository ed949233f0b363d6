import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/** drizzle over better-sqlite3, with the raw connection (`$client`) for prepared hot-path statements. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

declare const writeBrand: unique symbol;

/** For queries. Any handle can read. */
export type ReadDb = Db;

/**
 * For mutations. Only handed out inside `AppDatabase.write(...)`, so a multi-row change
 * outside a transaction is a type error rather than a review comment.
 */
export type WriteDb = Db & { readonly [writeBrand]: true };
