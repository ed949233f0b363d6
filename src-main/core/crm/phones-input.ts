import type { PayloadIssue } from '#contract';
import { InvalidInputError } from '#core/shared/errors';
import { normalizePhone } from '#core/shared/phone';

export interface PhoneRow {
  kind: 'mobile' | 'work' | 'home' | 'fax' | 'other';
  raw: string;
  e164: string;
}

/**
 * Reads the phones an operator typed. A number that cannot be read is refused on its own
 * field ("phones.1.raw: not a possible number") so it is corrected, not silently kept unusable.
 */
export function readPhonesOrThrow(phones: readonly { kind: PhoneRow['kind']; raw: string }[], defaultCountry: string): PhoneRow[] {
  const issues: PayloadIssue[] = [];
  const rows: PhoneRow[] = [];
  phones.forEach((phone, index) => {
    const parsed = normalizePhone(phone.raw, defaultCountry);
    if (parsed.ok) rows.push({ kind: phone.kind, raw: phone.raw, e164: parsed.e164 });
    else issues.push({ path: `phones.${index}.raw`, message: `${phone.raw}: ${parsed.reason}` });
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return rows;
}
