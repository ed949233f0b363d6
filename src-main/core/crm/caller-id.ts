import type Database from 'better-sqlite3';
import type { CallerIdMatch } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { nationalSignificantCandidates, readPhone } from '#core/shared/phone-reading';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

type ContactRow = { id: string; full_name: string; company_id: string | null; company_name: string | null; raw: string };
type CompanyRow = { id: string; name: string; raw: string };

function prepare(sqlite: Database.Database) {
  const contactsBy = (column: 'e164' | 'nsn') =>
    sqlite.prepare<[string], ContactRow>(
      `SELECT c.id, c.full_name, c.company_id, co.name AS company_name, p.raw
         FROM contact_phones p JOIN contacts c ON c.id = p.contact_id LEFT JOIN companies co ON co.id = c.company_id
        WHERE p.${column} = ?`,
    );
  const companiesBy = (column: 'e164' | 'nsn') => sqlite.prepare<[string], CompanyRow>(`SELECT co.id, co.name, p.raw FROM company_phones p JOIN companies co ON co.id = p.company_id WHERE p.${column} = ?`);
  return { contactsByE164: contactsBy('e164'), contactsByNsn: contactsBy('nsn'), companiesByE164: companiesBy('e164'), companiesByNsn: companiesBy('nsn') };
}

/**
 * Who is calling: the incoming number, in whatever shape the PBX sent it, read every way the
 * working countries allow ("0441234567", "83432882210", "3432882210", "+7…") and looked up on the
 * phone indexes (never a scan). When no reading finds anyone and the country part seems missing,
 * the national significant number is tried ("3432882210" finds +73432882210). A person's company is
 * listed with the person; a company's own number (the switchboard) finds the company. Several
 * matches are all returned: the screen pop says so.
 */
export function lookupCallerId(db: ReadDb, number: string, countries: readonly string[]): CallerIdMatch {
  let s = cache.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    cache.set(db.$client, s);
  }
  const candidates = readPhone(number, countries).readings.map((r) => r.e164);
  const contacts = new Map<string, CallerIdMatch['contacts'][number]>();
  const companies = new Map<string, CallerIdMatch['companies'][number]>();
  const collect = (contactRows: ContactRow[], companyRows: CompanyRow[]) => {
    for (const row of contactRows) contacts.set(row.id, { id: row.id, fullName: row.full_name, companyId: row.company_id, companyName: row.company_name, phone: row.raw });
    for (const row of companyRows) companies.set(row.id, { id: row.id, name: row.name, phone: row.raw });
  };
  for (const e164 of candidates) collect(s.contactsByE164.all(e164), s.companiesByE164.all(e164));
  if (contacts.size === 0 && companies.size === 0) {
    for (const nsn of nationalSignificantCandidates(number)) collect(s.contactsByNsn.all(nsn), s.companiesByNsn.all(nsn));
  }
  return { candidates, contacts: [...contacts.values()], companies: [...companies.values()] };
}
