import { parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/** A number read into E.164, with the spellings people type it in, for search. */
export interface NormalizedPhone {
  e164: string;
  /** Digits as dialled inside the country, trunk prefix included: "0671234567", "84951234567". */
  nationalDigits: string;
  /** The national significant number: "671234567". */
  subscriberDigits: string;
}

export type PhoneParse = ({ ok: true } & NormalizedPhone) | { ok: false; reason: string };

/**
 * Reads a phone number as people write it ("+380 44 123-45-67", "044 123 45 67",
 * "8 (495) 123-45-67", "00 44 20 7946 0958", "8 044 123 45 67") into E.164, using
 * `defaultCountry` for numbers written without a country code.
 */
export function normalizePhone(raw: string, defaultCountry: string): PhoneParse {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 64) return { ok: false, reason: 'too long for a phone number' };
  try {
    const parsed = parsePhoneNumberWithError(rewriteDialPrefixes(text, defaultCountry), defaultCountry as CountryCode);
    if (!parsed.isPossible()) return { ok: false, reason: 'not a possible number' };
    return { ok: true, ...spellings(parsed) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.toLowerCase().replace(/_/g, ' ') : 'unreadable' };
  }
}

/**
 * Dialling habits libphonenumber does not read: "00" for "+", and in Ukraine the old
 * long-distance "8" before the area code ("8 044 …", still on many business cards).
 */
function rewriteDialPrefixes(text: string, defaultCountry: string): string {
  if (/^00\d/.test(text.replace(/[\s()-]/g, ''))) return '+' + text.replace(/^[\s(]*0\s*0/, '');
  if (defaultCountry === 'UA') {
    const digits = text.replace(/\D/g, '');
    if (!text.startsWith('+') && /^80\d{9}$/.test(digits)) return digits.slice(1);
  }
  return text;
}

function spellings(parsed: PhoneNumber): NormalizedPhone {
  const nationalDigits = parsed.formatNational().replace(/\D/g, '');
  return { e164: parsed.number, nationalDigits, subscriberDigits: String(parsed.nationalNumber) };
}

/** The spellings of a stored E.164 number (for the search index), or null if it no longer parses. */
export function spellingsOf(e164: string): NormalizedPhone | null {
  try {
    return spellings(parsePhoneNumberWithError(e164));
  } catch {
    // A stored value that libphonenumber cannot read is searched by its digits alone.
    return null;
  }
}

/**
 * The E.164 numbers an incoming caller ID may stand for. PBXs send numbers in every shape:
 * "+380671234567", "380671234567", "0671234567", "671234567", "80671234567".
 */
export function callerIdCandidates(raw: string, defaultCountry: string): string[] {
  const candidates = new Set<string>();
  const parsed = normalizePhone(raw, defaultCountry);
  if (parsed.ok) candidates.add(parsed.e164);
  const digits = raw.replace(/\D/g, '');
  if (!raw.trim().startsWith('+') && digits.length >= 10) {
    // International digits without the plus.
    const international = normalizePhone('+' + digits, defaultCountry);
    if (international.ok) candidates.add(international.e164);
  }
  return [...candidates];
}

/**
 * Digit strings to look for when an operator types part of a number: what they typed, and what
 * it becomes without a dialling prefix ("8 067…" → "067…", "00 44…" → "44…", "+380 67" → "38067").
 */
export function typedDigitAlternatives(digits: string, defaultCountry: string): string[] {
  const alternatives = new Set([digits]);
  if (digits.startsWith('00') && digits.length > 3) alternatives.add(digits.slice(2));
  if (defaultCountry === 'UA' && digits.startsWith('80') && digits.length > 2) alternatives.add(digits.slice(1));
  return [...alternatives];
}
