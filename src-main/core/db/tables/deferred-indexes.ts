import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Indexes a bulk load dropped to build once at its end, with the SQL that builds them again. This
 * machine's own bookkeeping (never synced): any still listed at start were left by a crash and are
 * built then.
 */
export const deferredIndexes = sqliteTable('deferred_indexes', {
  name: text('name').primaryKey(),
  sql: text('sql').notNull(),
  deferredAt: integer('deferred_at').notNull(),
});
