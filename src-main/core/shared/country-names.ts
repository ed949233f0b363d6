import { getCountries } from 'libphonenumber-js/max';
import { foldForSearch } from './text';

let byName: Map<string, string> | undefined;

/** Every country libphonenumber knows, by its ISO code and its names in Ukrainian, Russian and English (from the runtime's ICU). */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const displays = ['uk', 'ru', 'en'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
  for (const code of getCountries()) {
    byName.set(code.toLowerCase(), code);
    for (const display of displays) {
      const name = display.of(code);
      if (name) byName.set(foldForSearch(name), code);
    }
  }
  // What people write that ICU's names do not cover.
  for (const [alias, code] of [['россия', 'RU'], ['российская федерация', 'RU'], ['рф', 'RU'], ['украина', 'UA'], ['usa', 'US'], ['сша', 'US'], ['uk', 'GB'], ['england', 'GB'], ['беларусь', 'BY'], ['білорусь', 'BY'], ['казахстан', 'KZ']] as const) {
    byName.set(alias, code);
  }
  return byName;
}

/** "UA", "Україна", "Украина", "Ukraine", "рф" → the ISO 3166 code; null when it names no country we know. */
export function countryFromText(text: string): string | null {
  const folded = foldForSearch(text).replace(/[.]/g, '').trim();
  if (folded === '') return null;
  return names().get(folded) ?? null;
}
