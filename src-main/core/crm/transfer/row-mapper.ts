import type { CustomField, ErrorParams, ErrorReason, ImportTarget, PhoneIssue, RejectedRow } from '#contract';
import { countryFromText } from '#core/shared/country-names';
import { readPhone } from '#core/shared/phone-reading';
import { readCustomValue } from '#core/crm/custom-fields';
import { storedReading, type PhoneReadingFields } from '#core/crm/phone-rows';

/** A row read into what the importer writes. */
export interface ImportedPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  company: string;
  position: string;
  phones: ({ kind: 'mobile' | 'work' | 'other' } & PhoneReadingFields)[];
  emails: string[];
  address: string;
  city: string;
  tags: string[];
  notes: string;
  source: string;
  doNotCall: boolean;
  custom: { fieldId: string; value: string; number: number | null }[];
}

/** A row goes in whole; its odd phones go in too, flagged, and are reported. */
export type MappedRow = { ok: true; person: ImportedPerson; phoneIssues: PhoneIssue[] } | { ok: false; rejection: RejectedRow };

/** Reads one written number for an import row; an odd one becomes a phone issue, never a refused row. */
export function importedPhone(
  raw: string,
  kind: ImportedPerson['phones'][number]['kind'],
  countries: readonly string[],
  where: { line: number; field: string | null },
): { phone: ImportedPerson['phones'][number]; issue: PhoneIssue | null } {
  const verdict = readPhone(raw, countries);
  const phone = { kind, ...storedReading(raw, verdict) };
  if (verdict.status === 'ok') return { phone, issue: null };
  const reason = verdict.status === 'ambiguous' ? `reads as ${verdict.readings.length} different numbers; ${verdict.readings[0]?.e164 ?? ''} stored, marked for review` : `${verdict.reason ?? 'not a valid number'}; kept as written, marked for review`;
  return { phone, issue: { ...where, value: raw, status: verdict.status, reason, tried: verdict.tried, readings: verdict.readings.map((r) => r.e164) } };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const yes = new Set(['1', 'так', 'да', 'yes', 'y', 'true', 'x', '+']);

/** Splits "Шевченко Тарас Григорович" (Ukrainian and Russian lists put the surname first) or "Taras Shevchenko". */
export function splitFullName(full: string): { lastName: string; firstName: string; middleName: string } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { lastName: '', firstName: '', middleName: '' };
  if (/^[A-Za-z\u00C0-\u024F'’-]+$/.test(parts.join('')) && parts.length === 2) return { lastName: parts[1] as string, firstName: parts[0] as string, middleName: '' };
  return { lastName: parts[0] as string, firstName: parts[1] ?? '', middleName: parts.slice(2).join(' ') };
}

/**
 * Reads one row by the column mapping. A bad e-mail or custom value refuses the row, reported
 * against its line and the column's header; a phone never does: an ambiguous or unreadable number is
 * imported as written, flagged on the contact, and reported as a phone issue with the readings tried.
 * A `country` column puts that country first for the row's numbers.
 */
export function mapRow(
  line: number,
  cells: readonly string[],
  headers: readonly string[],
  mapping: readonly ImportTarget[],
  fieldsById: ReadonlyMap<string, CustomField>,
  workingCountries: readonly string[],
): MappedRow {
  if (cells.length !== mapping.length) {
    return { ok: false, rejection: { line, field: null, reason: `has ${cells.length} columns, the file's header has ${mapping.length}`, code: 'row_column_count', params: { count: cells.length, expected: mapping.length } } };
  }
  const person: ImportedPerson = {
    lastName: '', firstName: '', middleName: '', company: '', position: '', phones: [], emails: [], address: '', city: '', tags: [], notes: '', source: '', doNotCall: false, custom: [],
  };
  const header = (column: number) => headers[column] ?? `column ${column + 1}`;
  const reject = (column: number, reason: string, code: ErrorReason, params: ErrorParams = {}): MappedRow => ({ ok: false, rejection: { line, field: header(column), reason, code, params } });
  const countryColumn = mapping.indexOf('country');
  const rowCountry = countryColumn >= 0 ? countryFromText(cells[countryColumn] ?? '') : null;
  const countries = rowCountry ? [rowCountry, ...workingCountries.filter((c) => c !== rowCountry)] : workingCountries;
  const phoneIssues: PhoneIssue[] = [];

  for (let column = 0; column < mapping.length; column++) {
    const target = mapping[column] as ImportTarget;
    const value = (cells[column] ?? '').trim();
    if (target === 'skip' || value === '') continue;
    switch (target) {
      case 'fullName':
        Object.assign(person, splitFullName(value));
        break;
      case 'lastName':
      case 'firstName':
      case 'middleName':
      case 'company':
      case 'position':
      case 'address':
      case 'city':
      case 'notes':
      case 'source':
        person[target] = value;
        break;
      case 'phone':
      case 'mobile':
      case 'workPhone':
        for (const raw of value.split(/[,;]|\s{2,}|\s\/\s/).map((v) => v.trim()).filter(Boolean)) {
          const read = importedPhone(raw, target === 'mobile' ? 'mobile' : target === 'workPhone' ? 'work' : 'other', countries, { line, field: header(column) });
          person.phones.push(read.phone);
          if (read.issue) phoneIssues.push(read.issue);
        }
        break;
      case 'country':
        break;
      case 'email':
        for (const email of value.split(/[,;\s]+/).filter(Boolean)) {
          if (!emailPattern.test(email) || email.length > 254) return reject(column, `${email}: not an e-mail address`, 'row_not_an_email', { value: email });
          person.emails.push(email);
        }
        break;
      case 'tags':
        person.tags.push(...value.split(/[,;]/).map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 60));
        break;
      case 'doNotCall':
        person.doNotCall = yes.has(value.toLowerCase());
        break;
      default: {
        const field = fieldsById.get(target.slice('custom:'.length));
        if (!field) return reject(column, 'the custom field mapped to this column no longer exists', 'row_field_gone');
        const read = readCustomValue(field, value);
        if (!read.ok) return reject(column, read.problem, read.code, read.params);
        person.custom.push({ fieldId: field.id, value: read.value, number: read.number });
      }
    }
  }
  if (!person.lastName && !person.firstName && !person.middleName && !person.company) {
    return { ok: false, rejection: { line, field: null, reason: 'has neither a person’s name nor a company', code: 'row_without_name' } };
  }
  return { ok: true, person, phoneIssues };
}
