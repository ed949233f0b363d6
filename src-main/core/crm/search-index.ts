import type Database from 'better-sqlite3';
import type { Db } from '#core/db/handles';
import { phoneDigits, searchWords } from '#core/shared/text';
import { spellingsOf, typedDigitAlternatives, type NormalizedPhone } from '#core/shared/phone';

export type SearchKind = 'contact' | 'company';

/** What the search box can find a record by. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  name: string;
  company: string;
  emails: readonly string[];
  /** E.164 where the number was readable (or its spellings, when already known), else the text as entered. */
  phones: readonly (string | NormalizedPhone)[];
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(sqlite: Database.Database) {
  return {
    findKey: sqlite.prepare<[string, string], { rowid: number }>('SELECT rowid FROM search_keys WHERE entity_id = ? AND kind = ?'),
    insertKey: sqlite.prepare<[string, string]>('INSERT INTO search_keys (kind, entity_id) VALUES (?, ?)'),
    deleteKey: sqlite.prepare<[number]>('DELETE FROM search_keys WHERE rowid = ?'),
    insertDoc: sqlite.prepare<[number, string, string, string, string]>(
      'INSERT INTO search_index (rowid, name, company, emails, phones) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteDoc: sqlite.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?'),
    match: sqlite.prepare<[string, number], { kind: SearchKind; entity_id: string }>(
      'SELECT k.kind, k.entity_id FROM search_index JOIN search_keys k ON k.rowid = search_index.rowid WHERE search_index MATCH ? LIMIT ?',
    ),
  };
}

function statements(db: Db): Statements {
  const sqlite = db.$client;
  let prepared = cache.get(sqlite);
  if (!prepared) {
    prepared = prepare(sqlite);
    cache.set(sqlite, prepared);
  }
  return prepared;
}

/** The tokens a number is found by: international, national (with trunk prefix) and subscriber digits. */
export function phoneTokens(phone: string | NormalizedPhone): string[] {
  if (typeof phone !== 'string') return [phone.e164.slice(1), phone.nationalDigits, phone.subscriberDigits];
  if (phone.startsWith('+')) {
    const spelled = spellingsOf(phone);
    if (spelled) return [spelled.e164.slice(1), spelled.nationalDigits, spelled.subscriberDigits];
  }
  const digits = phone.replace(/\D/g, '');
  return digits ? [digits] : [];
}

/** Puts a record into the search index, replacing what was there. Call inside the write that changed it. */
export function indexDocument(db: Db, doc: SearchDocument): void {
  const s = statements(db);
  const existing = s.findKey.get(doc.id, doc.kind);
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    s.deleteDoc.run(rowid);
  } else {
    rowid = Number(s.insertKey.run(doc.kind, doc.id).lastInsertRowid);
  }
  s.insertDoc.run(
    rowid,
    searchWords(doc.name).join(' '),
    searchWords(doc.company).join(' '),
    doc.emails.flatMap((e) => searchWords(e)).join(' '),
    [...new Set(doc.phones.flatMap(phoneTokens))].join(' '),
  );
}

export function removeDocument(db: Db, kind: SearchKind, id: string): void {
  const s = statements(db);
  const existing = s.findKey.get(id, kind);
  if (!existing) return;
  s.deleteDoc.run(existing.rowid);
  s.deleteKey.run(existing.rowid);
}

/**
 * The FTS5 query for what was typed: a phone-like text matches the phone spellings by prefix
 * (with and without a dialling prefix); anything else matches every word by prefix, in any column.
 */
export function searchMatchExpression(text: string, defaultCountry: string): string | null {
  const quote = (token: string) => `"${token.replace(/"/g, '""')}"*`;
  const digits = phoneDigits(text);
  if (digits) return `phones : (${typedDigitAlternatives(digits, defaultCountry).map(quote).join(' OR ')})`;
  const words = searchWords(text);
  return words.length > 0 ? words.map(quote).join(' AND ') : null;
}

/** Records matching the typed text, in index order (the caller ranks the few it shows). */
export function searchIndex(db: Db, text: string, defaultCountry: string, limit: number): { kind: SearchKind; id: string }[] {
  const expression = searchMatchExpression(text, defaultCountry);
  if (!expression) return [];
  return statements(db)
    .match.all(expression, limit)
    .map((row) => ({ kind: row.kind, id: row.entity_id }));
}
