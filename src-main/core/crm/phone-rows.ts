import { asc, eq } from 'drizzle-orm';
import type { PayloadIssue, PhoneVerdict as PhoneVerdictOut } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companyPhones, contactPhones } from '#core/db/schema';
import { InvalidInputError, issue } from '#core/shared/errors';
import type { NormalizedPhone } from '#core/shared/phone';
import { readPhone, type PhoneVerdict } from '#core/shared/phone-reading';
import type { CrmContext } from './crm-context';

type PhoneKind = 'mobile' | 'work' | 'home' | 'fax' | 'other';

/** What a phone row stores about the number besides its text: see phoneReadingColumns in db/tables/crm.ts. */
export interface PhoneReadingFields {
  raw: string;
  e164: string | null;
  country: string | null;
  nsn: string | null;
  status: 'ok' | 'ambiguous' | 'invalid' | 'review';
  alternatives: string | null;
  extension: string | null;
  /** A person chose this reading: later re-reads keep it. */
  confirmed: boolean;
  /** Not stored: the spellings the search index finds the number by, already known from the reading. */
  spelled: NormalizedPhone | null;
}

/** A verdict as stored: the best reading, the others as alternatives. */
export function storedReading(raw: string, verdict: PhoneVerdict): PhoneReadingFields {
  const { best } = verdict;
  return {
    raw,
    e164: best?.e164 ?? null,
    country: best?.country ?? null,
    nsn: best?.subscriberDigits ?? null,
    status: verdict.status,
    alternatives: verdict.readings.length > 1 ? JSON.stringify(verdict.readings.slice(1).map((r) => r.e164)) : null,
    extension: verdict.extension,
    confirmed: false,
    spelled: best ? { e164: best.e164, nationalDigits: best.nationalDigits, subscriberDigits: best.subscriberDigits } : null,
  };
}

/** The verdict as the contract carries it to the window. */
export function verdictOut(verdict: PhoneVerdict): PhoneVerdictOut {
  return {
    status: verdict.status,
    readings: verdict.readings.map((r) => ({ e164: r.e164, country: r.country, form: r.form, readAs: r.readAs })),
    tried: verdict.tried,
    extension: verdict.extension,
    reason: verdict.reason,
  };
}

export interface PhoneInputRow {
  id?: string | undefined;
  kind: PhoneKind;
  raw: string;
  e164?: string | undefined;
}

/**
 * Reads the phones an operator typed with the working countries. Nothing is refused for being odd:
 * an unreadable or ambiguous number is kept and flagged. Only a reading the operator *picked* must be
 * one the text can have (or a valid number of its own), else that field is refused.
 */
export function readPhoneInputs(phones: readonly PhoneInputRow[], countries: readonly string[]): ReadPhoneInput[] {
  const issues: PayloadIssue[] = [];
  const rows = phones.map((phone, index) => {
    const verdict = readPhone(phone.raw, countries);
    const { e164: chosen, ...typed } = phone;
    if (chosen === undefined) return { ...typed, ...storedReading(phone.raw, verdict) };
    const picked = verdict.readings.find((r) => r.e164 === chosen) ?? readPhone(chosen, countries).best;
    if (!picked) {
      issues.push(issue(`phones.${index}.e164`, 'not_a_phone_number', `${chosen} is not a valid number`, { number: chosen }));
      return { ...typed, ...storedReading(phone.raw, verdict) };
    }
    // A person chose: the number is settled.
    return {
      ...typed,
      raw: phone.raw,
      e164: picked.e164,
      country: picked.country,
      nsn: picked.subscriberDigits,
      status: 'ok' as const,
      alternatives: null,
      extension: verdict.extension,
      confirmed: true,
      spelled: { e164: picked.e164, nationalDigits: picked.nationalDigits, subscriberDigits: picked.subscriberDigits },
    };
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return rows;
}

/** A typed phone with its reading, ready to store. */
export type ReadPhoneInput = Omit<PhoneInputRow, 'e164'> & PhoneReadingFields;

type PhoneTable = typeof contactPhones | typeof companyPhones;
const ownerColumn = (table: PhoneTable) => ('contactId' in table ? table.contactId : table.companyId);

/**
 * Writes a record's phones in place: a phone keeps its id (and so its history elsewhere) while it is
 * edited, by the id the form sent or, failing that, by the same text; new ones are added, missing ones
 * removed. A sync with the company server can then follow each phone.
 */
export function savePhones(ctx: CrmContext, tx: WriteDb, table: PhoneTable, ownerId: string, rows: readonly ReadPhoneInput[]): void {
  const owner = ownerColumn(table);
  const existing = tx
    .select({ id: table.id, raw: table.raw, e164: table.e164, country: table.country, nsn: table.nsn, status: table.status, alternatives: table.alternatives, confirmed: table.confirmed })
    .from(table)
    .where(eq(owner, ownerId))
    .all();
  const unclaimed = new Map(existing.map((p) => [p.id, p]));
  const now = ctx.clock.now();
  const author = ctx.settings().currentEmployeeId;
  rows.forEach((row, position) => {
    const match = (row.id && unclaimed.get(row.id)) || [...unclaimed.values()].find((p) => p.raw === row.raw);
    // A reading a person settled stays while the text stays the same (an edit of the name does not undo it).
    const kept = match && match.confirmed && !row.confirmed && match.raw === row.raw ? match : row;
    const values = {
      kind: row.kind,
      raw: row.raw,
      e164: kept.e164,
      country: kept.country,
      nsn: kept.nsn,
      status: kept.status,
      alternatives: kept.alternatives,
      extension: row.extension,
      confirmed: kept.confirmed,
      position,
      updatedAt: now,
      updatedBy: author,
    };
    if (match) {
      unclaimed.delete(match.id);
      tx.update(table).set(values).where(eq(table.id, match.id)).run();
    } else if ('contactId' in table) {
      tx.insert(contactPhones).values({ id: ctx.ids.next(), contactId: ownerId, ...values }).run();
    } else {
      tx.insert(companyPhones).values({ id: ctx.ids.next(), companyId: ownerId, ...values }).run();
    }
  });
  for (const gone of unclaimed.keys()) tx.delete(table).where(eq(table.id, gone)).run();
}

/** A record's phones as its card shows them. */
export function phonesOf(db: ReadDb, table: PhoneTable, ownerId: string) {
  return db
    .select({ id: table.id, kind: table.kind, raw: table.raw, e164: table.e164, country: table.country, status: table.status, alternatives: table.alternatives, extension: table.extension })
    .from(table)
    .where(eq(ownerColumn(table), ownerId))
    .orderBy(asc(table.position))
    .all()
    .map((p) => ({ ...p, alternatives: p.alternatives ? (JSON.parse(p.alternatives) as string[]) : [] }));
}
