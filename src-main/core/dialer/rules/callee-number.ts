import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { timezones } from 'libphonenumber-geo-carrier';

/** What a number says about where its callee is: the country and the time zones its range is in. */
export interface CalleeNumber {
  e164: string;
  /** ISO 3166 alpha-2, or null for non-geographic numbers (+800, +882…). */
  country: string | null;
  /** IANA zones of the number's range (libphonenumber's data), or null when the data has none. */
  zones: string[] | null;
}

/**
 * Reads a number's country and time zones. The dataset is read from disk per call, so the dialer
 * reads each number once (at import or first dial) and stores the answer with the campaign row; the
 * answer only changes with the library's data.
 */
export async function readCalleeNumber(e164: string): Promise<CalleeNumber> {
  const parsed = parsePhoneNumberWithError(e164);
  const zones = await timezones(parsed);
  return { e164: parsed.number, country: parsed.country ?? null, zones: zones === null || zones.length === 0 ? null : zones };
}
