import type { DemoCountry } from './places';
import type { SeededRandom } from './random';

export interface DemoPhone {
  /** As an operator would have typed it. */
  raw: string;
  e164: string;
  /** The number's country (ISO 3166 alpha-2), also the one to read `raw` with. */
  country: string;
  /** The national significant number: e164 without its country code. */
  nsn: string;
  kind: 'mobile' | 'work';
}

/**
 * Serial ranges that keep kinds of numbers apart: a contact's first number uses the contact's serial,
 * these offsets the others, so a million contacts with all their numbers stay below 8,000,000 (the
 * size of the numbering space below) and no two share a number.
 */
export const phoneSerials = { secondPhone: 3_000_000, companyPhone: 6_000_000, unknownCaller: 7_500_000 } as const;

/** Splits digits into groups: group('1234567', [3, 2, 2]) → ['123', '45', '67']. */
function groups(digits: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out;
}

/**
 * The subscriber digits after an area or mobile code, derived from `serial` through a bijection on
 * 0…8·10^(n-1)-1, so distinct serials get distinct numbers (caller ID must find exactly one person).
 * The first digit is 2–9: numbers starting 0 or 1 are not given out in most plans (London, New York).
 */
function subscriberDigits(serial: number, length: number): string {
  const rest = 10 ** (length - 1);
  const value = (serial * 7_919 + 1_234_567) % (8 * rest);
  return String(2 + Math.floor(value / rest)) + String(value % rest).padStart(length - 1, '0');
}

/** A mobile number of the country, or a landline in the area given (a company's city). */
export function demoPhone(random: SeededRandom, country: DemoCountry, serial: number, landlineArea: string | null): DemoPhone {
  const code = landlineArea ?? random.pick(country.mobile);
  const local = subscriberDigits(serial, country.nsnLength - code.length);
  const nsn = code + local;
  const e164 = `+${country.callingCode}${nsn}`;
  return { raw: typedForm(random, country, code, local), e164, country: country.code, nsn, kind: landlineArea ? 'work' : 'mobile' };
}

/** The forms operators type: national ones with the trunk prefix at home, international ones for abroad. */
function typedForm(random: SeededRandom, country: DemoCountry, code: string, local: string): string {
  const [a, b, c] = local.length === 7 ? groups(local, [3, 2, 2]) : local.length === 6 ? groups(local, [2, 2, 2]) : groups(local, [3, 3, local.length - 6]);
  const t = country.trunk;
  if (country.code === 'UA') {
    return random.pick([
      `+380 ${code} ${a} ${b} ${c}`, `${t}${code}-${a}-${b}-${c}`, `(${t}${code}) ${a} ${b}${c}`, `${t}${code}${local}`,
      `+380${code}${local}`, `380 (${code}) ${a}-${b}-${c}`, `${t} ${code} ${a} ${b} ${c}`,
    ]);
  }
  if (country.code === 'RU') {
    return random.pick([`+7 (${code}) ${a}-${b}-${c}`, `${t} ${code} ${a}-${b}-${c}`, `+7 ${code} ${local}`, `${t}(${code})${local}`]);
  }
  if (country.code === 'US') return random.pick([`+1 (${code}) ${local.slice(0, 3)}-${local.slice(3)}`, `+1 ${code}-${local.slice(0, 3)}-${local.slice(3)}`]);
  return random.pick([`+${country.callingCode} ${code} ${local}`, `+${country.callingCode} ${code} ${a} ${b} ${c}`]);
}
