import { eq } from 'drizzle-orm';
import type { AppDatabase } from './connection';
import { deferredIndexes } from './schema';

/**
 * The indexes an import can do without while it writes: none of them is read by the import itself or
 * by caller ID (phones by E.164 and by national number, e-mails and companies by name stay), and each
 * is many times cheaper to build once, sorted, than to keep up row by row in random order.
 */
export const importDeferrableIndexes = [
  'contacts_search_name_idx',
  'contacts_updated_idx',
  'contacts_created_idx',
  'contacts_responsible_idx',
  'contacts_import_idx',
  'contacts_company_idx',
  'contact_phones_status_idx',
] as const;

/**
 * Drops the named indexes, keeping the SQL that builds them in `deferred_indexes` in the same
 * transaction, so a crash at any point leaves them either in place or listed to be built.
 * Returns the names dropped (one already deferred is not dropped twice).
 */
export function deferIndexes(database: AppDatabase, names: readonly string[], now: number): string[] {
  const definition = database.sqlite.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL");
  return database.write((tx) =>
    names.filter((name) => {
      const found = definition.get(name);
      if (!found) return false;
      tx.insert(deferredIndexes).values({ name, sql: found.sql, deferredAt: now }).onConflictDoNothing().run();
      database.sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
      return true;
    }),
  );
}

/** Builds every deferred index again (after a bulk load, or at start after a crash). Returns their names. */
export function buildDeferredIndexes(database: AppDatabase): string[] {
  return database.write((tx) =>
    tx
      .select()
      .from(deferredIndexes)
      .all()
      .map(({ name, sql }) => {
        database.sqlite.exec(sql.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '));
        tx.delete(deferredIndexes).where(eq(deferredIndexes.name, name)).run();
        return name;
      }),
  );
}
