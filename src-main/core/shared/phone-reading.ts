import { getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * How a phone number as people write it ("8 (912) 345-67-89", "044 123 45 67", "+7 343 288-22-10",
 * "00 48 22 123 45 67", "8-10-49-30-1234567", "380441234567", "067 123 45 67 доб. 12") is read when an
 * office works with several countries at once.
 *
 * The international forms are tried first (`+…`, `00…`, `810…` where RU/KZ/BY are worked with,
 * `011…` where US/CA are, then a leading country code without `+` when the length fits), then the
 * national forms of each working country in order (with its trunk prefix — 8 in RU/KZ/BY, 0 in UA
 * and most of Europe — or without it). Only readings libphonenumber calls *valid* count:
 * - exactly one distinct number → `ok`, stored in E.164;
 * - several → `ambiguous`: the first in the order above is stored, the others kept for review;
 * - none → `invalid`: the text is kept as typed and flagged, never dropped.
 */

/** Which written form a reading took the text to be. */
export type ReadingForm = 'international' | 'international_prefix' | 'country_code_without_plus' | 'national_trunk' | 'national';

export interface PhoneReading {
  e164: string;
  /** The number's own country (ISO 3166 alpha-2), as libphonenumber places it; null for non-geographic numbers. */
  country: string | null;
  form: ReadingForm;
  /** The working country whose national form this is (for `national`). */
  readAs: string | null;
  /** Digits as dialled inside the country, trunk prefix included: "0671234567", "84951234567". */
  nationalDigits: string;
  /** The national significant number: "671234567". */
  subscriberDigits: string;
}

export type PhoneStatus = 'ok' | 'ambiguous' | 'invalid';

export interface PhoneVerdict {
  status: PhoneStatus;
  /** The reading stored: the only one, or the first of several; null when none is valid. */
  best: PhoneReading | null;
  /** Every distinct valid reading, best first. */
  readings: PhoneReading[];
  /** The readings tried, in order, for reports ("+380441234567 (international)", "RU national"). */
  tried: string[];
  /** An extension written after the number ("доб. 123", "ext 5"), kept apart from it. */
  extension: string | null;
  /** Why nothing valid was found (for invalid numbers). */
  reason: string | null;
}

const extensionPattern = /\s*[,;]?\s*(?:(?:доб|вн|внутр|ext|extn|extension|x)\.?|#|добавочный|внутренний)\s*[:№]?\s*(\d{1,7})\s*$/iu;
/** Where people type an "8 10" international prefix, and "011". */
const prefix810Countries = new Set(['RU', 'KZ', 'BY', 'UZ', 'TJ', 'TM', 'KG']);
const prefix011Countries = new Set(['US', 'CA']);

const trunkPrefixes = new Map<string, string | null>();

/** A country's trunk prefix ("8" in RU/KZ/BY, "0" in UA, DE, GB; none in PL, US's "1"), from libphonenumber's metadata. */
function trunkPrefixOf(country: string): string | null {
  if (!trunkPrefixes.has(country)) {
    let prefix: string | null = null;
    try {
      const metadata = new Metadata();
      metadata.selectNumberingPlan(country as CountryCode);
      prefix = (metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined } | undefined)?.nationalPrefix() ?? null;
    } catch {
      // Not a country libphonenumber knows: no national readings come from it anyway.
    }
    trunkPrefixes.set(country, prefix);
  }
  return trunkPrefixes.get(country) ?? null;
}

const callingCodeOf = (country: string): string | null => {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return null;
  }
};

function validOrNull(text: string, country?: string): PhoneNumber | null {
  const parsed = country ? parsePhoneNumberFromString(text, country as CountryCode) : parsePhoneNumberFromString(text);
  return parsed?.isValid() ? parsed : null;
}

function toReading(number: PhoneNumber, form: ReadingForm, readAs: string | null): PhoneReading {
  return {
    e164: number.number,
    country: number.country ?? null,
    form,
    readAs,
    nationalDigits: number.formatNational().replace(/\D/g, ''),
    subscriberDigits: String(number.nationalNumber),
  };
}

/** Reads a phone number with the working countries, in order (a per-row country, when known, goes first). */
export function readPhone(raw: string, countries: readonly string[]): PhoneVerdict {
  const tried: string[] = [];
  const invalid = (reason: string, extension: string | null = null): PhoneVerdict => ({ status: 'invalid', best: null, readings: [], tried, extension, reason });
  let text = raw.normalize('NFKC').trim();
  if (text === '') return invalid('empty');
  if (text.length > 64) return invalid('too long for a phone number');
  const ext = extensionPattern.exec(text);
  const extension = ext && text.slice(0, ext.index).replace(/\D/g, '').length >= 5 ? (ext[1] ?? null) : null;
  if (extension !== null && ext) text = text.slice(0, ext.index);
  if (/[^\d\s()+.\-/]/.test(text)) return invalid('has characters that are not part of a phone number', extension);
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5) return invalid('too short for a phone number', extension);
  if (digits.length > 17) return invalid('too long for a phone number', extension);

  // Readings by rank; within a rank, in the order they were tried (working countries in their order).
  const ranked: { rank: number; reading: PhoneReading }[] = [];
  const add = (number: PhoneNumber | null, rank: number, form: ReadingForm, readAs: string | null, label: string) => {
    tried.push(label);
    if (number && !ranked.some((r) => r.reading.e164 === number.number)) ranked.push({ rank, reading: toReading(number, form, readAs) });
  };

  if (/^\+/.test(text)) {
    // A written "+" says the country code follows: no national reading applies.
    add(validOrNull(`+${digits}`), 0, 'international', null, `+${digits} (international)`);
  } else {
    const working = [...new Set(countries.map((c) => c.toUpperCase()))];
    if (digits.startsWith('00')) add(validOrNull(`+${digits.slice(2)}`), 0, 'international_prefix', null, `+${digits.slice(2)} (00 prefix)`);
    if (digits.startsWith('810') && working.some((c) => prefix810Countries.has(c))) add(validOrNull(`+${digits.slice(3)}`), 0, 'international_prefix', null, `+${digits.slice(3)} (8-10 prefix)`);
    if (digits.startsWith('011') && working.some((c) => prefix011Countries.has(c))) add(validOrNull(`+${digits.slice(3)}`), 0, 'international_prefix', null, `+${digits.slice(3)} (011 prefix)`);
    // An explicit international dialling prefix settles it.
    if (ranked.length === 0) {
      const trunks = new Set(working.map(trunkPrefixOf).filter((p): p is string => p !== null));
      // "8 495 …" is Moscow dialled with its trunk prefix, not Vietnam; "(495) …" is an area code.
      const mayCarryCountryCode = digits.length >= 8 && !digits.startsWith('0') && ![...trunks].some((t) => digits.startsWith(t)) && !text.startsWith('(');
      if (mayCarryCountryCode) {
        const number = validOrNull(`+${digits}`);
        // The "+" lost on the way: first when the country is one we work with, else after every national reading.
        const ours = number !== null && working.some((c) => callingCodeOf(c) === String(number.countryCallingCode));
        add(number, ours ? 1 : 4, 'country_code_without_plus', null, `+${digits} (country code without +)`);
      }
      for (const country of working) {
        const trunk = trunkPrefixOf(country);
        const withTrunk = trunk !== null && digits.startsWith(trunk);
        // Written with the country's trunk prefix ("8 912…", "044…") before written without it ("912…").
        add(validOrNull(digits, country), withTrunk ? 2 : 3, withTrunk ? 'national_trunk' : 'national', country, `${country} national`);
        // Ukrainians still write the old long-distance "8" before the area code: "8 044 …".
        if (country === 'UA' && /^80\d{9}$/.test(digits)) add(validOrNull(digits.slice(1), 'UA'), 2, 'national_trunk', 'UA', 'UA national after the old 8 prefix');
      }
    }
  }
  const readings = ranked.sort((a, b) => a.rank - b.rank).map((r) => r.reading);
  const best = readings[0] ?? null;
  if (!best) return invalid('not a valid number in any of the working countries', extension);
  return { status: readings.length === 1 ? 'ok' : 'ambiguous', best, readings, tried, extension, reason: null };
}

/** The national significant number a caller ID may carry without its country part: "3432882210" from "83432882210". */
export function nationalSignificantCandidates(raw: string): string[] {
  const digits = raw.replace(/\D/g, '');
  if (/^\+/.test(raw.trim()) || digits.length < 6 || digits.length > 14) return [];
  const out = new Set([digits]);
  // A trunk prefix the PBX left on: 0 (UA, most of Europe), 8 (RU, KZ, BY).
  if (/^[08]/.test(digits)) out.add(digits.slice(1));
  return [...out];
}

/** The one spelling a call's number is stored in: E.164 when it reads as a number (in whatever form it came), else the text as sent. */
export function canonicalNumber(raw: string, countries: readonly string[]): string {
  return readPhone(raw, countries).best?.e164 ?? raw.trim();
}

/** For matching calls to each other (a missed call and its call back): the canonical number, case-folded when it is not one. */
export function phoneKey(canonical: string): string {
  return canonical.startsWith('+') ? canonical : canonical.toLowerCase();
}
