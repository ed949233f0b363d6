import type Database from 'better-sqlite3';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { spellingsOf, typedDigitAlternatives, type NormalizedPhone } from '#core/shared/phone';
import { phoneDigits, searchWords } from '#core/shared/text';

export type SearchKind = 'contact' | 'company';

/** What the search box can find a record by. */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  /** The record's rowid when the caller has it at hand (an import just inserted it). */
  rowid?: number | bigint;
  name: string;
  company: string;
  emails: readonly string[];
  /** E.164 where the number was readable (or its spellings, when already known), else the text as entered. */
  phones: readonly (string | NormalizedPhone)[];
}

/**
 * People's phones holding a run of digits, up to the MATCH operand (a digitRunExpression) that follows:
 * phone_digits (migration 0011) gives an entry its phone row's rowid, a company phone's negated.
 */
export const contactPhonesHoldingDigits = 'FROM phone_digits d JOIN contact_phones p ON p.rowid = d.rowid WHERE d.rowid > 0 AND phone_digits MATCH';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(sqlite: Database.Database) {
  return {
    contactRowid: sqlite.prepare<[string], { rowid: number }>('SELECT rowid FROM contacts WHERE id = ?'),
    companyRowid: sqlite.prepare<[string], { rowid: number }>('SELECT rowid FROM companies WHERE id = ?'),
    insertDoc: sqlite.prepare<[number | bigint, string, string, string, string]>('INSERT INTO search_index (rowid, name, company, emails, phones) VALUES (?, ?, ?, ?, ?)'),
    deleteDoc: sqlite.prepare<[number | bigint]>('DELETE FROM search_index WHERE rowid = ?'),
    match: sqlite.prepare<[string, number], { rowid: number }>('SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?'),
    contactIds: sqlite.prepare<[string], { id: string }>('SELECT id FROM contacts WHERE rowid IN (SELECT value FROM json_each(?))'),
    companyIds: sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE rowid IN (SELECT value FROM json_each(?))'),
    anyPendingPhone: sqlite.prepare<[], { entry: number }>('SELECT entry FROM phone_digits_pending LIMIT 1'),
    dropStaleDigits: sqlite.prepare('DELETE FROM phone_digits WHERE rowid IN (SELECT entry FROM phone_digits_pending WHERE stale = 1)'),
    insertPendingDigits: sqlite.prepare(
      `INSERT INTO phone_digits (rowid, digits)
         SELECT v.entry, v.digits FROM phone_digits_pending q JOIN contact_phone_digits v ON v.phone = q.entry WHERE q.entry > 0
         UNION ALL
         SELECT v.entry, v.digits FROM phone_digits_pending q JOIN company_phone_digits v ON v.phone = -q.entry WHERE q.entry < 0
         ORDER BY 1`,
    ),
    clearPending: sqlite.prepare('DELETE FROM phone_digits_pending'),
    contactsByDigits: sqlite.prepare<[string, number], { id: string }>(`SELECT DISTINCT p.contact_id AS id ${contactPhonesHoldingDigits} ? LIMIT ?`),
    companiesByDigits: sqlite.prepare<[string, number], { id: string }>(
      'SELECT DISTINCT p.company_id AS id FROM phone_digits d JOIN company_phones p ON p.rowid = -d.rowid WHERE d.rowid < 0 AND phone_digits MATCH ? LIMIT ?',
    ),
  };
}

function statements(db: ReadDb): Statements {
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

/** The search entry's rowid: the contact's own, or the company's negated. */
function entryRowid(db: ReadDb, kind: SearchKind, id: string): number | bigint | undefined {
  const s = statements(db);
  const row = kind === 'contact' ? s.contactRowid.get(id) : s.companyRowid.get(id);
  return row === undefined ? undefined : kind === 'contact' ? row.rowid : -row.rowid;
}

/** A search entry's row for a record whose rowid is known: rowid (a company's negated), name, company, e-mails, phones. */
export function searchEntry(doc: SearchDocument & { rowid: number | bigint }): [number | bigint, string, string, string, string] {
  return [
    doc.kind === 'contact' ? doc.rowid : -BigInt(doc.rowid),
    searchWords(doc.name).join(' '),
    searchWords(doc.company).join(' '),
    doc.emails.flatMap((e) => searchWords(e)).join(' '),
    [...new Set(doc.phones.flatMap(phoneTokens))].join(' '),
  ];
}

/** Puts a record into the search index, replacing what was there. Call inside the write that changed it. */
export function indexDocument(db: WriteDb, doc: SearchDocument): void {
  const s = statements(db);
  const own = doc.rowid ?? (doc.kind === 'contact' ? s.contactRowid.get(doc.id)?.rowid : s.companyRowid.get(doc.id)?.rowid);
  if (own === undefined) return;
  const entry = searchEntry({ ...doc, rowid: own });
  s.deleteDoc.run(entry[0]);
  s.insertDoc.run(...entry);
  indexPendingPhones(db);
}

/**
 * Search entries in the order FTS5 takes them cheaply: it writes its pending terms out as a new
 * segment whenever a rowid comes below the last one, so companies' (negative) entries among people's
 * would cost a segment each.
 */
export function bySearchRowid(a: readonly unknown[], b: readonly unknown[]): number {
  return Number(a[0]) - Number(b[0]);
}

/** Puts records that have no entry yet into the search index, in rowid order. Call inside the write that created them. */
export function indexNewDocuments(db: WriteDb, docs: readonly SearchDocument[]): void {
  const s = statements(db);
  const entries = docs.flatMap((doc) => {
    const rowid = doc.rowid ?? (doc.kind === 'contact' ? s.contactRowid.get(doc.id)?.rowid : s.companyRowid.get(doc.id)?.rowid);
    return rowid === undefined ? [] : [searchEntry({ ...doc, rowid })];
  });
  for (const entry of entries.sort(bySearchRowid)) s.insertDoc.run(...entry);
  indexPendingPhones(db);
}

/** Takes a record out of the search index; call before deleting the record itself. */
export function removeDocument(db: WriteDb, kind: SearchKind, id: string): void {
  const rowid = entryRowid(db, kind, id);
  if (rowid !== undefined) statements(db).deleteDoc.run(rowid);
  indexPendingPhones(db);
}

/**
 * Writes the phones added, changed or removed since the last call into phone_digits, in one statement
 * each way (migration 0013 queues them: one-row writes into FTS5 would cost a segment each). Every
 * writer of phones calls it, through the functions above or itself, inside its write.
 */
export function indexPendingPhones(db: WriteDb): void {
  const s = statements(db);
  if (!s.anyPendingPhone.get()) return;
  s.dropStaleDigits.run();
  s.insertPendingDigits.run();
  s.clearPending.run();
}

/**
 * The FTS5 query for what was typed: a phone-like text matches the phone spellings by prefix
 * (with and without a dialling prefix); anything else matches every word by prefix, in any column.
 */
export function searchMatchExpression(text: string, countries: readonly string[]): string | null {
  const quote = (token: string) => `"${token.replace(/"/g, '""')}"*`;
  const digits = phoneDigits(text);
  if (digits) return `phones : (${typedDigitAlternatives(digits, countries).map(quote).join(' OR ')})`;
  const words = searchWords(text);
  return words.length > 0 ? words.map(quote).join(' AND ') : null;
}

/** Fewer digits than this match too many numbers in the middle to be worth listing (three are a prefix search's). */
const shortestDigitRun = 4;

/**
 * The phone_digits query for what was typed, when it is a run of digits a person heard ("555 583",
 * "465-55-75"): it matches those digits anywhere in a number, separators ignored. Null otherwise.
 */
export function digitRunExpression(text: string): string | null {
  const digits = phoneDigits(text);
  return digits && digits.length >= shortestDigitRun ? `"${digits}"` : null;
}

/** Records matching the typed text, in index order, the ones whose number holds the typed digits after (the caller ranks the few it shows). */
export function searchIndex(db: ReadDb, text: string, countries: readonly string[], limit: number): { kind: SearchKind; id: string }[] {
  const expression = searchMatchExpression(text, countries);
  if (!expression) return [];
  const s = statements(db);
  const rowids = s.match.all(expression, limit).map((r) => r.rowid);
  const contacts = rowids.filter((r) => r > 0);
  const companies = rowids.filter((r) => r < 0).map((r) => -r);
  const found = [
    ...(contacts.length > 0 ? s.contactIds.all(JSON.stringify(contacts)).map((r) => ({ kind: 'contact' as const, id: r.id })) : []),
    ...(companies.length > 0 ? s.companyIds.all(JSON.stringify(companies)).map((r) => ({ kind: 'company' as const, id: r.id })) : []),
  ];
  const digitRun = digitRunExpression(text);
  const left = limit - found.length;
  if (!digitRun || left <= 0) return found;
  const seen = new Set(found.map((f) => `${f.kind}:${f.id}`));
  const byDigits = [
    ...s.contactsByDigits.all(digitRun, limit).map((r) => ({ kind: 'contact' as const, id: r.id })),
    ...s.companiesByDigits.all(digitRun, limit).map((r) => ({ kind: 'company' as const, id: r.id })),
  ].filter((f) => !seen.has(`${f.kind}:${f.id}`));
  return [...found, ...byDigits.slice(0, left)];
}
