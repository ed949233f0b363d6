import { Metadata, getCountryCallingCode, parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

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
  const quick = fastNormalize(text, defaultCountry);
  if (quick) return { ok: true, ...quick };
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

interface DialPlan {
  callingCode: string;
  nationalPrefix: string;
  /** Subscriber-number lengths of the country's mobile numbers: the shapes lists are full of. */
  mobileLengths: ReadonlySet<number>;
}

/**
 * The parts of libphonenumber-js's numbering plan we read. They are not in its published types;
 * the quick-path test against the full parse catches any change in them.
 */
interface NumberingPlanInternals {
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  type(name: 'MOBILE'): { possibleLengths(): number[] } | undefined;
}

const plans = new Map<string, DialPlan | null>();
/** Whether the national format of numbers starting with these digits includes the trunk prefix. */
const prefixInNationalFormat = new Map<string, boolean>();

function dialPlan(country: string): DialPlan | null {
  if (plans.has(country)) return plans.get(country) ?? null;
  let plan: DialPlan | null = null;
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country as CountryCode);
    const numbering = metadata.numberingPlan as unknown as NumberingPlanInternals | undefined;
    const prefix = numbering?.nationalPrefix();
    // Only plain trunk prefixes: countries with special parsing rules always go through libphonenumber.
    if (numbering && prefix && /^\d$/.test(prefix) && (numbering.nationalPrefixForParsing() ?? prefix) === prefix && !numbering.nationalPrefixTransformRule()) {
      plan = { callingCode: getCountryCallingCode(country as CountryCode), nationalPrefix: prefix, mobileLengths: new Set(numbering.type('MOBILE')?.possibleLengths() ?? []) };
    }
  } catch {
    // An unknown country code: libphonenumber will say so on the slow path.
  }
  plans.set(country, plan);
  return plan;
}

/**
 * The common shapes of a number in the default country (with or without the country code, the
 * trunk prefix, separators) read without a full parse: an import meets a hundred thousand of these
 * a second. Anything else returns null and gets the full libphonenumber parse; a unit test holds the
 * two to the same answers.
 */
export function fastNormalize(text: string, defaultCountry: string): NormalizedPhone | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const plan = dialPlan(defaultCountry);
  if (!plan) return null;
  const digits = text.replace(/\D/g, '');
  const international = text.startsWith('+');
  let subscriber: string | null = null;
  if (digits.startsWith(plan.callingCode) && (international || digits.length > plan.callingCode.length + 8)) {
    subscriber = digits.slice(plan.callingCode.length);
  } else if (international) {
    return null;
  } else if (digits.startsWith(plan.nationalPrefix)) {
    subscriber = digits.slice(plan.nationalPrefix.length);
  } else {
    subscriber = digits;
  }
  if (!plan.mobileLengths.has(subscriber.length) || subscriber.startsWith(plan.nationalPrefix)) return null;
  const e164 = `+${plan.callingCode}${subscriber}`;
  const key = `${defaultCountry}:${subscriber.slice(0, 3)}`;
  let withPrefix = prefixInNationalFormat.get(key);
  if (withPrefix === undefined) {
    const formatted = spellingsOf(e164);
    if (!formatted || formatted.subscriberDigits !== subscriber) return null;
    if (formatted.nationalDigits === plan.nationalPrefix + subscriber) withPrefix = true;
    else if (formatted.nationalDigits === subscriber) withPrefix = false;
    else return null;
    prefixInNationalFormat.set(key, withPrefix);
  }
  return { e164, nationalDigits: withPrefix ? plan.nationalPrefix + subscriber : subscriber, subscriberDigits: subscriber };
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

/** One spelling per number for matching calls to each other: E.164 when it reads as a phone, else the text as sent. */
export function phoneKey(raw: string, defaultCountry: string): string {
  const parsed = normalizePhone(raw, defaultCountry);
  return parsed.ok ? parsed.e164 : raw.trim().toLowerCase();
}
