import { and, eq, inArray, sql } from 'drizzle-orm';
import type { WriteDb } from '#core/db/handles';
import { companies, contacts, customValues, imports } from '#core/db/schema';
import { removeDocument } from '#core/crm/search-index';
import { DomainError, notFound } from '#core/shared/errors';

/**
 * Removes what an import created: its contacts with no history since (no interaction, deal or
 * complaint), and its companies left with no people and no history. Contacts that operators have
 * already worked with stay, and the answer says how many.
 */
export function undoImport(tx: WriteDb, importId: string): { removed: number; kept: number } {
  const row = tx.select({ state: imports.state }).from(imports).where(eq(imports.id, importId)).get();
  if (!row) throw notFound('Import', importId);
  if (row.state === 'running') throw new DomainError('conflict', 'import_running', 'The import is still running; wait for it to finish');
  if (row.state === 'undone') throw new DomainError('conflict', 'import_undone', 'The import was already undone');

  const untouched = sql`NOT EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = ${contacts.id})
    AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.contact_id = ${contacts.id})
    AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.contact_id = ${contacts.id})`;
  const removable = tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.importId, importId), untouched)).all().map((c) => c.id);
  const kept = (tx.select({ n: sql<number>`count(*)` }).from(contacts).where(eq(contacts.importId, importId)).get()?.n ?? 0) - removable.length;
  for (let i = 0; i < removable.length; i += 500) {
    const ids = removable.slice(i, i + 500);
    for (const id of ids) removeDocument(tx, 'contact', id);
    tx.delete(customValues).where(inArray(customValues.entityId, ids)).run();
    tx.delete(contacts).where(inArray(contacts.id, ids)).run();
  }
  const emptyCompanies = tx
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.importId, importId),
        sql`NOT EXISTS (SELECT 1 FROM contacts c WHERE c.company_id = ${companies.id})
          AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.company_id = ${companies.id})
          AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.company_id = ${companies.id})`,
      ),
    )
    .all()
    .map((c) => c.id);
  for (const id of emptyCompanies) {
    removeDocument(tx, 'company', id);
    tx.delete(customValues).where(eq(customValues.entityId, id)).run();
    tx.delete(companies).where(eq(companies.id, id)).run();
  }
  tx.update(imports).set({ state: 'undone' }).where(eq(imports.id, importId)).run();
  return { removed: removable.length, kept };
}
