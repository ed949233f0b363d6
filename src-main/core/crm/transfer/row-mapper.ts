import type { CustomField, ImportTarget, RejectedRow } from '#contract';
import { normalizePhone, type NormalizedPhone } from '#core/shared/phone';
import { readCustomValue } from '#core/crm/custom-fields';

/** A row read into what the importer writes. */
export interface ImportedPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  company: string;
  position: string;
  phones: ({ kind: 'mobile' | 'work' | 'other'; raw: string } & NormalizedPhone)[];
  emails: string[];
  address: string;
  city: string;
  tags: string[];
  notes: string;
  source: string;
  doNotCall: boolean;
  custom: { fieldId: string; value: string; number: number | null }[];
}

export type MappedRow = { ok: true; person: ImportedPerson } | { ok: false; rejection: RejectedRow };

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
 * Reads one row by the column mapping. Every problem is reported against the row's line and
 * the column's header ("line 12, Телефон: not a possible number"); a row with a problem is
 * refused whole, so nothing half-imported hides in the list.
 */
export function mapRow(
  line: number,
  cells: readonly string[],
  headers: readonly string[],
  mapping: readonly ImportTarget[],
  fieldsById: ReadonlyMap<string, CustomField>,
  defaultCountry: string,
): MappedRow {
  if (cells.length !== mapping.length) {
    return { ok: false, rejection: { line, field: null, reason: `has ${cells.length} columns, the file's header has ${mapping.length}` } };
  }
  const person: ImportedPerson = {
    lastName: '', firstName: '', middleName: '', company: '', position: '', phones: [], emails: [], address: '', city: '', tags: [], notes: '', source: '', doNotCall: false, custom: [],
  };
  const reject = (column: number, reason: string): MappedRow => ({ ok: false, rejection: { line, field: headers[column] ?? `column ${column + 1}`, reason } });

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
        for (const raw of value.split(/[,;/]|\s{2,}/).map((v) => v.trim()).filter(Boolean)) {
          const parsed = normalizePhone(raw, defaultCountry);
          if (!parsed.ok) return reject(column, `${raw}: ${parsed.reason}`);
          person.phones.push({ kind: target === 'mobile' ? 'mobile' : target === 'workPhone' ? 'work' : 'other', raw, e164: parsed.e164, nationalDigits: parsed.nationalDigits, subscriberDigits: parsed.subscriberDigits });
        }
        break;
      case 'email':
        for (const email of value.split(/[,;\s]+/).filter(Boolean)) {
          if (!emailPattern.test(email) || email.length > 254) return reject(column, `${email}: not an e-mail address`);
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
        if (!field) return reject(column, 'the custom field mapped to this column no longer exists');
        const read = readCustomValue(field, value);
        if (!read.ok) return reject(column, read.problem);
        person.custom.push({ fieldId: field.id, value: read.value, number: read.number });
      }
    }
  }
  if (!person.lastName && !person.firstName && !person.middleName && !person.company) {
    return { ok: false, rejection: { line, field: null, reason: 'has neither a person’s name nor a company' } };
  }
  return { ok: true, person };
}
