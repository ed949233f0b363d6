import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export type PhoneParse = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Reads a phone number as people write it ("+380 44 123-45-67", "044 123 45 67",
 * "8 (495) 123-45-67", "00 44 20 7946 0958") into E.164, using `defaultCountry`
 * for numbers written without a country code.
 */
export function normalizePhone(raw: string, defaultCountry: string): PhoneParse {
  const text = raw.trim().replace(/^00/, '+');
  if (text === '') return { ok: false, reason: 'empty' };
  try {
    const parsed = parsePhoneNumberWithError(text, defaultCountry as CountryCode);
    if (!parsed.isPossible()) return { ok: false, reason: 'not a possible number' };
    return { ok: true, e164: parsed.number };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.toLowerCase().replace(/_/g, ' ') : 'unreadable' };
  }
}
