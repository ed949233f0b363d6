import type Database from 'better-sqlite3';
import type { WriteDb } from '#core/db/handles';
import type { IdGenerator } from '#core/shared/ids';
import type { NormalizedPhone } from '#core/shared/phone';
import { foldForSearch } from '#core/shared/text';
import { reindexContact, fullNameOf } from '#core/crm/contact-store';
import { bySearchRowid, searchEntry } from '#core/crm/search-index';
import { BulkInsert } from './bulk-insert';
import type { ImportedPerson } from './row-mapper';

export type DuplicatePolicy = 'skip' | 'merge' | 'create';
export type WriteOutcome = 'created' | 'merged' | 'skipped';
/** What became of a row, and the person it is now (the new contact, or the known one it matched); null for a company-only row. */
export interface Written {
  outcome: WriteOutcome;
  contactId: string | null;
}

/**
 * Writes imported rows (an import is a hot path). New people are gathered for the batch and written
 * 400 rows to a statement when the batch ends (`flush`), their search entries with them; their
 * rowids are given out here, so the search index knows them before they exist. Duplicates are found
 * by phone and e-mail, in the database and earlier in the same file; companies and tags are found by
 * folded name and created once.
 */
export class ImportWriter {
  private readonly s: ReturnType<typeof prepare>;
  private readonly bulk: ReturnType<typeof bulkInserts>;
  private readonly companyIds = new Map<string, string>();
  private readonly tagIds = new Map<string, string>();
  /** Contacts created by this import, by phone and e-mail, so a file's own repeats are caught too. */
  private readonly seen = new Map<string, string>();
  /** People gathered in this batch, not yet written. */
  private readonly staged = new Set<string>();
  private nextRowid: number | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly options: { importId: string; ids: IdGenerator; now: number; employeeId: string | null; duplicates: DuplicatePolicy },
  ) {
    this.s = prepare(sqlite);
    this.bulk = bulkInserts(sqlite);
  }

  /** Writes what the batch gathered; call inside the batch's transaction, after its last `write`. */
  flush(): void {
    const { search, ...tables } = this.bulk;
    for (const table of Object.values(tables)) table.flush();
    search.flush(bySearchRowid);
    this.staged.clear();
    this.nextRowid = undefined;
  }

  /** Call inside a write transaction. */
  write(tx: WriteDb, person: ImportedPerson): Written {
    const hasName = Boolean(person.lastName || person.firstName || person.middleName);
    if (!hasName) {
      this.companyFor(person, true);
      return { outcome: 'created', contactId: null };
    }
    const existing = this.options.duplicates === 'create' ? undefined : this.findExisting(person);
    if (existing) {
      if (this.options.duplicates === 'skip') return { outcome: 'skipped', contactId: existing };
      // Merging reads the person as stored: one gathered in this batch is written first.
      if (this.staged.has(existing)) this.flush();
      this.mergeInto(tx, existing, person);
      return { outcome: 'merged', contactId: existing };
    }
    return { outcome: 'created', contactId: this.create(person) };
  }

  private findExisting(person: ImportedPerson): string | undefined {
    for (const phone of person.phones) {
      if (!phone.e164) continue;
      const id = this.seen.get(phone.e164) ?? this.s.contactByPhone.get(phone.e164)?.contact_id;
      if (id) return id;
    }
    for (const email of person.emails) {
      const key = email.toLowerCase();
      const id = this.seen.get(key) ?? this.s.contactByEmail.get(key)?.contact_id;
      if (id) return id;
    }
    return undefined;
  }

  private companyFor(person: ImportedPerson, withPhones: boolean): { id: string; name: string } | null {
    if (!person.company) return null;
    const folded = foldForSearch(person.company);
    let id = this.companyIds.get(folded) ?? this.s.companyByName.get(folded)?.id;
    if (!id) {
      id = this.options.ids.next();
      const { lastInsertRowid } = this.s.insertCompany.run(id, person.company, folded, person.city || null, person.address && withPhones ? person.address : null, this.options.importId, this.options.now, this.options.now);
      const companyId = id;
      if (withPhones) person.phones.forEach((p, i) => this.s.insertCompanyPhone.run(...this.phoneValues(companyId, p, i)));
      // A new company has no search entry yet to replace: its entry joins the batch's.
      this.bulk.search.add(searchEntry({ kind: 'company', id, rowid: lastInsertRowid, name: person.company, company: person.city, emails: [], phones: withPhones ? searchablePhones(person) : [] }));
    }
    this.companyIds.set(folded, id);
    return { id, name: person.company };
  }

  private create(person: ImportedPerson): string {
    const company = this.companyFor(person, false);
    const id = this.options.ids.next();
    const fullName = fullNameOf(person);
    const { now, importId, employeeId } = this.options;
    this.nextRowid ??= (this.s.lastContactRowid.get()?.rowid ?? 0) + 1;
    const rowid = this.nextRowid++;
    this.staged.add(id);
    this.bulk.contacts.add([
      rowid, id, company?.id ?? null, person.firstName, person.lastName, person.middleName, fullName, foldForSearch(fullName),
      person.position || null, person.city || null, employeeId, person.notes, person.source || 'import', person.doNotCall ? 1 : 0, importId, now, now,
    ]);
    person.phones.forEach((p, i) => {
      this.bulk.contactPhones.add(this.phoneValues(id, p, i));
      if (p.e164) this.seen.set(p.e164, id);
    });
    person.emails.forEach((email, i) => {
      this.bulk.emails.add([this.options.ids.next(), id, email, email.toLowerCase(), i]);
      this.seen.set(email.toLowerCase(), id);
    });
    if (person.address) this.bulk.addresses.add([this.options.ids.next(), id, 'work', person.address, 0]);
    for (const tagId of this.tagIdsFor(person.tags)) this.bulk.contactTags.add([id, tagId]);
    for (const value of person.custom) this.bulk.custom.add([value.fieldId, id, value.value, value.number]);
    this.bulk.search.add(searchEntry({ kind: 'contact', id, rowid, name: fullName, company: company?.name ?? '', emails: person.emails, phones: searchablePhones(person) }));
    return id;
  }

  /** Adds what the row knows and the contact does not: phones, e-mails, tags, custom values, empty fields. */
  private mergeInto(tx: WriteDb, id: string, person: ImportedPerson): void {
    const known = this.s.phonesOf.all(id);
    const phones = new Set(known.map((r) => r.e164 ?? r.raw));
    let position = known.length;
    for (const p of person.phones) if (!phones.has(p.e164 ?? p.raw)) this.s.insertPhone.run(...this.phoneValues(id, p, position++));
    const emails = new Set(this.s.emailsOf.all(id).map((r) => r.email_normalized));
    position = emails.size;
    for (const email of person.emails) {
      if (!emails.has(email.toLowerCase())) this.s.insertEmail.run(this.options.ids.next(), id, email, email.toLowerCase(), position++);
    }
    this.addTags(id, person.tags);
    for (const value of person.custom) this.s.insertCustomIfMissing.run(value.fieldId, id, value.value, value.number);
    this.s.fillEmpty.run(person.position || null, person.notes || null, this.options.now, id);
    reindexContact(tx, id);
  }

  /** A phone row's values in the order of insertPhone / insertCompanyPhone. */
  private phoneValues(ownerId: string, p: ImportedPerson['phones'][number], position: number) {
    return [this.options.ids.next(), ownerId, p.kind, p.raw, p.e164, p.country, p.nsn, p.status, p.alternatives, p.extension, position, this.options.now, this.options.employeeId] as const;
  }

  private tagIdsFor(names: readonly string[]): string[] {
    return names.map((name) => {
      const folded = foldForSearch(name);
      let tagId = this.tagIds.get(folded) ?? this.s.tagByName.get(folded)?.id;
      if (!tagId) {
        tagId = this.options.ids.next();
        this.s.insertTag.run(tagId, name, folded);
      }
      this.tagIds.set(folded, tagId);
      return tagId;
    });
  }

  private addTags(contactId: string, names: readonly string[]): void {
    for (const tagId of this.tagIdsFor(names)) this.s.insertContactTag.run(contactId, tagId);
  }

}

const phoneColumns = (owner: string) => `id, ${owner}, kind, raw, e164, country, nsn, status, alternatives, extension, position, updated_at, updated_by`;

/** What the search index finds a person's numbers by: the reading where there is one, else the digits as written. */
function searchablePhones(person: ImportedPerson): (string | NormalizedPhone)[] {
  return person.phones.map((p) => p.spelled ?? p.raw);
}

/** The tables an import writes new people into, 400 rows to a statement. */
function bulkInserts(sqlite: Database.Database) {
  return {
    contacts: new BulkInsert(
      sqlite,
      'INSERT INTO contacts (rowid, id, company_id, first_name, last_name, middle_name, full_name, search_name, position, city, responsible_id, notes, source, do_not_call, import_id, created_at, updated_at)',
      17,
    ),
    contactPhones: new BulkInsert(sqlite, `INSERT INTO contact_phones (${phoneColumns('contact_id')})`, 13),
    emails: new BulkInsert(sqlite, 'INSERT INTO contact_emails (id, contact_id, email, email_normalized, position)', 5),
    addresses: new BulkInsert(sqlite, 'INSERT INTO contact_addresses (id, contact_id, kind, text, position)', 5),
    contactTags: new BulkInsert(sqlite, 'INSERT OR IGNORE INTO contact_tags (contact_id, tag_id)', 2),
    custom: new BulkInsert(sqlite, 'INSERT OR REPLACE INTO custom_values (field_id, entity_id, value, number)', 4),
    search: new BulkInsert(sqlite, 'INSERT INTO search_index (rowid, name, company, emails, phones)', 5),
  };
}

function prepare(sqlite: Database.Database) {
  return {
    contactByPhone: sqlite.prepare<[string], { contact_id: string }>('SELECT contact_id FROM contact_phones WHERE e164 = ? LIMIT 1'),
    contactByEmail: sqlite.prepare<[string], { contact_id: string }>('SELECT contact_id FROM contact_emails WHERE email_normalized = ? LIMIT 1'),
    companyByName: sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE search_name = ? LIMIT 1'),
    tagByName: sqlite.prepare<[string], { id: string }>('SELECT id FROM tags WHERE search_name = ?'),
    phonesOf: sqlite.prepare<[string], { e164: string | null; raw: string }>('SELECT e164, raw FROM contact_phones WHERE contact_id = ?'),
    emailsOf: sqlite.prepare<[string], { email_normalized: string }>('SELECT email_normalized FROM contact_emails WHERE contact_id = ?'),
    insertCompany: sqlite.prepare(
      'INSERT INTO companies (id, name, search_name, city, address, import_id, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, \'import\', ?, ?)',
    ),
    insertCompanyPhone: sqlite.prepare(`INSERT INTO company_phones (${phoneColumns('company_id')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    lastContactRowid: sqlite.prepare<[], { rowid: number }>('SELECT max(rowid) AS rowid FROM contacts'),
    insertPhone: sqlite.prepare(`INSERT INTO contact_phones (${phoneColumns('contact_id')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertEmail: sqlite.prepare('INSERT INTO contact_emails (id, contact_id, email, email_normalized, position) VALUES (?, ?, ?, ?, ?)'),
    insertTag: sqlite.prepare('INSERT INTO tags (id, name, search_name) VALUES (?, ?, ?)'),
    insertContactTag: sqlite.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)'),
    insertCustomIfMissing: sqlite.prepare('INSERT OR IGNORE INTO custom_values (field_id, entity_id, value, number) VALUES (?, ?, ?, ?)'),
    fillEmpty: sqlite.prepare(
      "UPDATE contacts SET position = coalesce(nullif(position, ''), ?), notes = CASE WHEN notes = '' THEN coalesce(?, '') ELSE notes END, updated_at = ? WHERE id = ?",
    ),
  };
}
