import { eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ReadDb } from '#core/db/handles';
import { companies, complaintCauses, complaints, contacts, dealStages, deals, employees } from '#core/db/schema';
import { InvalidInputError, issue } from '#core/shared/errors';

const tables = { contact: contacts, company: companies, employee: employees, deal: deals, complaint: complaints, stage: dealStages, cause: complaintCauses };
export type RecordKind = keyof typeof tables;

/**
 * Checks that a referenced record exists, so a stale id from the renderer is reported on its
 * field ("companyId: no such company") rather than as a foreign-key failure.
 */
export function requireRecord(db: ReadDb, kind: RecordKind, id: string | null | undefined, path: string): void {
  if (id === null || id === undefined) return;
  const table = tables[kind] as SQLiteTable & { id: typeof contacts.id };
  const found = db.select({ id: table.id }).from(table).where(eq(table.id, id)).get();
  if (!found) throw new InvalidInputError([issue(path, 'no_such_record', `no such ${kind}: ${id}`, { kind, id })]);
}
