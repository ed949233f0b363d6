import i18next, { type InitOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '#contract';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

export const languages: readonly Language[] = ['uk', 'ru', 'en'];

/** Each language named in itself, as language pickers do. */
export const languageNames: Record<Language, string> = { uk: 'Українська', ru: 'Русский', en: 'English' };

/** The language to show: the one chosen in Settings, else the first of the system's we speak, else English. */
export function resolveLanguage(chosen: Language | null, systemLocales: readonly string[]): Language {
  if (chosen) return chosen;
  for (const locale of systemLocales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    if (base === 'uk' || base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

/** The locale for dates and numbers: the system's own region when it speaks the same language. */
export function formattingLocale(language: Language, systemLocales: readonly string[]): string {
  const sameLanguage = systemLocales.find((l) => l.toLowerCase().startsWith(language));
  if (sameLanguage && sameLanguage.includes('-')) return sameLanguage;
  return { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' }[language];
}

/** The catalogues and settings the app runs i18next with (tests start their own instance from them). */
export function i18nOptions(language: Language): InitOptions {
  return {
    resources: { en: { translation: en }, uk: { translation: uk }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  };
}

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init(i18nOptions(language));
  return i18next;
}
