import { parsePhoneNumberWithError, type PhoneNumber } from 'libphonenumber-js/max';

/** A number read into E.164, with the spellings people type it in, for search. */
export interface NormalizedPhone {
  e164: string;
  /** Digits as dialled inside the country, trunk prefix included: "0671234567", "84951234567". */
  nationalDigits: string;
  /** The national significant number: "671234567". */
  subscriberDigits: string;
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
 * Digit strings to look for when an operator types part of a number: what they typed, and what
 * it becomes without a dialling prefix ("8 067…" → "067…", "00 44…" → "44…", "+380 67" → "38067").
 */
export function typedDigitAlternatives(digits: string, countries: readonly string[]): string[] {
  const alternatives = new Set([digits]);
  if (digits.startsWith('00') && digits.length > 3) alternatives.add(digits.slice(2));
  if (countries.includes('UA') && digits.startsWith('80') && digits.length > 2) alternatives.add(digits.slice(1));
  return [...alternatives];
}
