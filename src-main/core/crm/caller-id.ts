import type Database from 'better-sqlite3';
import type { CallerIdMatch } from '#contract';
import type { Db } from '#core/db/handles';
import { callerIdCandidates } from '#core/shared/phone';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(sqlite: Database.Database) {
  return {
    contacts: sqlite.prepare<[string], { id: string; full_name: string; company_id: string | null; company_name: string | null; raw: string }>(
      `SELECT c.id, c.full_name, c.company_id, co.name AS company_name, p.raw
         FROM contact_phones p JOIN contacts c ON c.id = p.contact_id LEFT JOIN companies co ON co.id = c.company_id
        WHERE p.e164 = ?`,
    ),
    companies: sqlite.prepare<[string], { id: string; name: string; raw: string }>(
      'SELECT co.id, co.name, p.raw FROM company_phones p JOIN companies co ON co.id = p.company_id WHERE p.e164 = ?',
    ),
  };
}

/**
 * Who is calling: the incoming number, in whatever shape the PBX sent it, read into E.164
 * candidates and looked up on the phone indexes (never a scan). A person's company is listed
 * with the person; a company's own number (the switchboard) finds the company.
 */
export function lookupCallerId(db: Db, number: string, defaultCountry: string): CallerIdMatch {
  let s = cache.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    cache.set(db.$client, s);
  }
  const candidates = callerIdCandidates(number, defaultCountry);
  const contacts = new Map<string, CallerIdMatch['contacts'][number]>();
  const companies = new Map<string, CallerIdMatch['companies'][number]>();
  for (const e164 of candidates) {
    for (const row of s.contacts.all(e164)) {
      contacts.set(row.id, { id: row.id, fullName: row.full_name, companyId: row.company_id, companyName: row.company_name, phone: row.raw });
    }
    for (const row of s.companies.all(e164)) companies.set(row.id, { id: row.id, name: row.name, phone: row.raw });
  }
  return { candidates, contacts: [...contacts.values()], companies: [...companies.values()] };
}
