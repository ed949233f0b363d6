import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

/** drizzle over better-sqlite3, with the raw connection (`$client`) for prepared hot-path statements. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

declare const writeBrand: unique symbol;

/**
 * For queries: drizzle without its write methods, so code handed a reader cannot insert, update or
 * delete through it (a write needs `AppDatabase.write`). The worker that runs reports goes further and
 * opens the file read-only.
 */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction' | 'batch'>;

/**
 * For mutations. Only handed out inside `AppDatabase.write(...)`, so a multi-row change
 * outside a transaction is a type error rather than a review comment.
 */
export type WriteDb = Db & { readonly [writeBrand]: true };
