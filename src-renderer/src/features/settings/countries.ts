/** The countries our operators' clients most often call from. */
const preferred = ['UA', 'PL', 'DE', 'GB', 'US', 'MD', 'RO', 'CZ', 'LT', 'LV', 'EE', 'KZ', 'GE', 'RU', 'BY', 'IT', 'ES', 'FR'];

/** Country names in the interface language, from Intl. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return preferred.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}
