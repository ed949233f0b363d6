import type Database from 'better-sqlite3';
import type { AppDatabase } from '#core/db/connection';
import { readPhone } from '#core/shared/phone-reading';
import { storedReading } from './phone-rows';

/** Small batches: each holds the write lock briefly, so a call being logged never waits long behind a re-read. */
const batchRows = 1_000;

interface StoredPhone {
  rowid: number;
  raw: string;
  e164: string | null;
  status: string;
  country: string | null;
  nsn: string | null;
  alternatives: string | null;
  extension: string | null;
}

/** What re-reading a stored number with the working countries decides: fill in what was not stored, or ask a person. */
export function rereadDecision(stored: { raw: string; e164: string | null; status: string }, countries: readonly string[]) {
  const fresh = storedReading(stored.raw, readPhone(stored.raw, countries));
  // A number waiting for review keeps waiting; one that reads as it did gets the facts it lacked.
  if (stored.status === 'review' || fresh.e164 === stored.e164) {
    return { changed: false, values: { country: fresh.country, nsn: fresh.nsn, status: stored.status === 'review' ? 'review' : fresh.status, alternatives: stored.status === 'review' ? undefined : fresh.alternatives, extension: fresh.extension } };
  }
  // The reading changed (or a number nobody could read now reads): never rewritten silently, listed for review.
  const readings = [fresh.e164, ...(fresh.alternatives ? (JSON.parse(fresh.alternatives) as string[]) : [])].filter((e): e is string => e !== null && e !== stored.e164);
  return { changed: true, values: { status: 'review' as const, alternatives: JSON.stringify(readings) } };
}

function rereadTable(sqlite: Database.Database, table: 'contact_phones' | 'company_phones', countries: readonly string[], onBatch: (rows: number, changed: number) => void): void {
  // Readings a person settled are theirs: not read again.
  const page = sqlite.prepare<[number, number], StoredPhone>(
    `SELECT rowid, raw, e164, status, country, nsn, alternatives, extension FROM ${table} WHERE rowid > ? AND confirmed = 0 ORDER BY rowid LIMIT ?`,
  );
  const facts = sqlite.prepare(`UPDATE ${table} SET country = ?, nsn = ?, status = ?, alternatives = coalesce(?, alternatives), extension = ? WHERE rowid = ?`);
  const review = sqlite.prepare(`UPDATE ${table} SET status = 'review', alternatives = ? WHERE rowid = ?`);
  let after = 0;
  for (;;) {
    const rows = page.all(after, batchRows);
    if (rows.length === 0) return;
    let changed = 0;
    sqlite.transaction(() => {
      for (const row of rows) {
        const decision = rereadDecision(row, countries);
        if (decision.changed) {
          changed++;
          review.run(decision.values.alternatives, row.rowid);
        } else {
          const v = decision.values;
          // Most numbers already read this way: nothing to write, no lock taken for them.
          const same = v.country === row.country && v.nsn === row.nsn && v.status === row.status && (v.alternatives === undefined || v.alternatives === row.alternatives) && v.extension === row.extension;
          if (!same) facts.run(v.country, v.nsn, v.status, v.alternatives ?? null, v.extension, row.rowid);
        }
      }
    })();
    after = rows[rows.length - 1]?.rowid ?? after;
    onBatch(rows.length, changed);
  }
}

/**
 * Reads every stored number again with the working countries (after an upgrade, or when they change):
 * the country and national number are filled in, ambiguous ones marked, and numbers whose reading
 * changed are listed for review with the new readings beside the stored one. Batches of 5,000, each
 * its own transaction; running it again is harmless.
 */
export function rereadPhones(database: AppDatabase, countries: readonly string[], report: (progress: { done: number; total: number }) => void): { done: number; total: number; result: { changed: number } } {
  const sqlite = database.sqlite;
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const total = count('contact_phones') + count('company_phones');
  let done = 0;
  let changed = 0;
  const onBatch = (rows: number, batchChanged: number) => {
    done += rows;
    changed += batchChanged;
    report({ done, total });
  };
  rereadTable(sqlite, 'contact_phones', countries, onBatch);
  rereadTable(sqlite, 'company_phones', countries, onBatch);
  return { done, total, result: { changed } };
}
