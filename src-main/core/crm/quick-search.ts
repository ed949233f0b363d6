import { and, eq, gte, lt } from 'drizzle-orm';
import type { QuickSearchHit } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { companies, contactPhones, contacts } from '#core/db/schema';
import { foldForSearch, phoneDigits, prefixUpperBound } from '#core/shared/text';

/**
 * Palette search: contacts and companies whose folded name starts with the text,
 * or contacts with a number starting with the typed digits. Each branch is an index range scan.
 */
export function quickSearch(db: ReadDb, text: string, limit: number): QuickSearchHit[] {
  const digits = phoneDigits(text);
  if (digits) {
    return phonePrefixQuery(db, digits, limit)
      .all()
      .map((row) => ({ kind: 'contact' as const, ...row }));
  }
  const folded = foldForSearch(text);
  const upper = prefixUpperBound(folded);
  const people = db
    .select({ id: contacts.id, title: contacts.fullName, subtitle: companies.name })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(gte(contacts.searchName, folded), lt(contacts.searchName, upper)))
    .orderBy(contacts.searchName)
    .limit(limit)
    .all()
    .map((row) => ({ kind: 'contact' as const, ...row }));
  const firms = db
    .select({ id: companies.id, title: companies.name, subtitle: companies.city })
    .from(companies)
    .where(and(gte(companies.searchName, folded), lt(companies.searchName, upper)))
    .orderBy(companies.searchName)
    .limit(limit)
    .all()
    .map((row) => ({ kind: 'company' as const, ...row }));
  return interleave(people, firms).slice(0, limit);
}

/** Contacts with a number whose E.164 starts with the digits; unexecuted, so tests can read its plan. */
export function phonePrefixQuery(db: ReadDb, digits: string, limit: number) {
  const from = '+' + digits;
  return db
    .selectDistinct({ id: contacts.id, title: contacts.fullName, subtitle: contactPhones.raw })
    .from(contactPhones)
    .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
    .where(and(gte(contactPhones.e164, from), lt(contactPhones.e164, prefixUpperBound(from))))
    .limit(limit);
}

function interleave(a: QuickSearchHit[], b: QuickSearchHit[]): QuickSearchHit[] {
  const out: QuickSearchHit[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const fromA = a[i];
    const fromB = b[i];
    if (fromA) out.push(fromA);
    if (fromB) out.push(fromB);
  }
  return out;
}
