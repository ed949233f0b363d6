import type { Language } from '#contract';

/**
 * The language a demo workplace is generated in, decided when it is seeded (the operator sees the data
 * in the interface's language, so a Ukrainian interface gets a Ukrainian call centre: +380 numbers,
 * Ukrainian names and texts; Russian gets +7 and Russian; English gets an English-speaking office):
 * 1. the interface language chosen in Settings, if any;
 * 2. else the system locale the host knows (Electron's app locale, the browser host's Intl locale),
 *    when it is one of ours;
 * 3. else Ukrainian, the product's home market.
 * The renderer picks its language the same way from the browser's locales, so the two agree on a desktop.
 */
export function demoLanguage(chosen: Language | null, systemLocale: string | null): Language {
  if (chosen) return chosen;
  const base = (systemLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ru' || base === 'en' || base === 'uk' ? base : 'uk';
}
