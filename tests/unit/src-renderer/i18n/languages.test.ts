import { describe, expect, it } from 'vitest';
import { formattingLocale, resolveLanguage } from '#renderer/i18n';
import { en } from '#renderer/i18n/en';
import { ru } from '#renderer/i18n/ru';
import { uk } from '#renderer/i18n/uk';

/** A plural form (`x_few`) counts as its base text `x`: languages differ in how many forms they need. */
const pluralForm = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(pluralForm, '')];
  return [...new Set(Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

function placeholders(messages: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') {
      const base = prefix.replace(pluralForm, '');
      out[base] = [...new Set([...(out[base] ?? []), ...[...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string)])].sort();
    }
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(messages, '');
  return out;
}

describe('languages', () => {
  it('follows the choice in Settings first', () => {
    expect(resolveLanguage('ru', ['uk-UA'])).toBe('ru');
  });

  it('otherwise takes the first system language we speak', () => {
    expect(resolveLanguage(null, ['de-DE', 'uk-UA', 'en-US'])).toBe('uk');
    expect(resolveLanguage(null, ['ru_RU'])).toBe('ru');
  });

  it('falls back to English', () => {
    expect(resolveLanguage(null, ['de-DE', 'pl'])).toBe('en');
    expect(resolveLanguage(null, [])).toBe('en');
  });

  it('formats in the system region when it speaks the language, else a sensible one', () => {
    expect(formattingLocale('en', ['en-US'])).toBe('en-US');
    expect(formattingLocale('uk', ['en-US'])).toBe('uk-UA');
    expect(formattingLocale('ru', ['de-DE'])).toBe('ru-RU');
  });

  it('has the same messages, with the same placeholders, in Ukrainian, Russian and English', () => {
    expect(keys(uk)).toEqual(keys(en));
    expect(keys(ru)).toEqual(keys(en));
    expect(placeholders(uk)).toEqual(placeholders(en));
    expect(placeholders(ru)).toEqual(placeholders(en));
  });
});
