/** The countries our operators' clients most often call from, then the rest of Europe, the CIS and beyond. */
const preferred = [
  'UA', 'RU', 'KZ', 'BY', 'PL', 'DE', 'GB', 'US', 'MD', 'RO', 'CZ', 'LT', 'LV', 'EE', 'GE', 'AM', 'AZ', 'UZ', 'KG', 'TJ', 'TM', 'IT', 'ES', 'FR',
  'NL', 'BE', 'AT', 'CH', 'SE', 'NO', 'FI', 'DK', 'PT', 'IE', 'SK', 'HU', 'BG', 'HR', 'RS', 'SI', 'GR', 'TR', 'IL', 'AE', 'CN', 'IN', 'CA', 'AU',
];

/** Country names in the interface language, from Intl. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return preferred.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}
