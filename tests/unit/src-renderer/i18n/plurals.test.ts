import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '#contract';
import { i18nOptions } from '#renderer/i18n';
import { en } from '#renderer/i18n/en';
import { ru } from '#renderer/i18n/ru';
import { uk } from '#renderer/i18n/uk';

const counts = [1, 2, 5, 11, 21, 22, 25, 111] as const;
const catalogues = { en, uk, ru } as const;

async function translator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(language));
  return instance.t;
}

/** Every key with plural forms (`x_one`, `x_other`…), as `section.x`. */
function pluralKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') return k.endsWith('_other') ? [path.slice(0, -'_other'.length)] : [];
    return pluralKeys(v, path);
  });
}

function lookup(messages: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** A value for every placeholder the forms of a plural text use, so only a missing form can leave `{{…}}` behind. */
function placeholdersOf(messages: unknown, key: string): Record<string, string> {
  const section = lookup(messages, key.split('.').slice(0, -1).join('.')) as Record<string, unknown>;
  const base = key.split('.').at(-1) ?? '';
  const texts = Object.entries(section).filter(([k, v]) => k.startsWith(`${base}_`) && typeof v === 'string').map(([, v]) => v as string);
  return Object.fromEntries(texts.flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1] as string, 'X'])));
}

const t: Partial<Record<Language, TFunction>> = {};
beforeAll(async () => {
  for (const language of ['en', 'uk', 'ru'] as const) t[language] = await translator(language);
});

describe('plural forms', () => {
  it('every count-bearing text has each form its language needs (CLDR: one/other in English; one/few/many/other in Ukrainian and Russian)', () => {
    const needed = { en: ['one', 'other'], uk: ['one', 'few', 'many', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
    expect(pluralKeys(en).length).toBeGreaterThan(5);
    for (const language of ['en', 'uk', 'ru'] as const) {
      expect(pluralKeys(catalogues[language]).sort()).toEqual(pluralKeys(en).sort());
      for (const key of pluralKeys(en)) for (const form of needed[language]) expect(lookup(catalogues[language], `${key}_${form}`), `${language} ${key}_${form}`).toEqual(expect.any(String));
    }
  });

  it.each([
    ['en', 'complaints.lastDays', ['Last 1 day', 'Last 2 days', 'Last 5 days', 'Last 11 days', 'Last 21 days', 'Last 22 days', 'Last 25 days', 'Last 111 days']],
    ['uk', 'complaints.lastDays', ['Останній 1 день', 'Останні 2 дні', 'Останні 5 днів', 'Останні 11 днів', 'Останній 21 день', 'Останні 22 дні', 'Останні 25 днів', 'Останні 111 днів']],
    ['ru', 'complaints.lastDays', ['Последний 1 день', 'Последние 2 дня', 'Последние 5 дней', 'Последние 11 дней', 'Последний 21 день', 'Последние 22 дня', 'Последние 25 дней', 'Последние 111 дней']],
    ['uk', 'calls.missedBadge', ['1 пропущений дзвінок', '2 пропущені дзвінки', '5 пропущених дзвінків', '11 пропущених дзвінків', '21 пропущений дзвінок', '22 пропущені дзвінки', '25 пропущених дзвінків', '111 пропущених дзвінків']],
    ['ru', 'calls.missedBadge', ['1 пропущенный звонок', '2 пропущенных звонка', '5 пропущенных звонков', '11 пропущенных звонков', '21 пропущенный звонок', '22 пропущенных звонка', '25 пропущенных звонков', '111 пропущенных звонков']],
    ['en', 'calls.missedBadge', ['1 missed call ', '2 missed calls', '5 missed calls', '11 missed calls', '21 missed calls', '22 missed calls', '25 missed calls', '111 missed calls']],
    ['uk', 'timeline.colleagueDeals', ['1 відкрита угода', '2 відкриті угоди', '5 відкритих угод', '11 відкритих угод', '21 відкрита угода', '22 відкриті угоди', '25 відкритих угод', '111 відкритих угод']],
    ['ru', 'timeline.colleagueContacts', ['1 контакт', '2 контакта', '5 контактов', '11 контактов', '21 контакт', '22 контакта', '25 контактов', '111 контактов']],
    ['uk', 'errorText.too_big_string', ['до 1 символу', 'до 2 символів', 'до 5 символів', 'до 11 символів', 'до 21 символу', 'до 22 символів', 'до 25 символів', 'до 111 символів']],
    ['ru', 'errorText.too_small_string', ['минимум 1 символ.', 'минимум 2 символа.', 'минимум 5 символов.', 'минимум 11 символов.', 'минимум 21 символ.', 'минимум 22 символа.', 'минимум 25 символов.', 'минимум 111 символов.']],
    ['en', 'errorText.too_big_string', ['to 1 character.', 'to 2 characters', 'to 5 characters', 'to 11 characters', 'to 21 characters', 'to 22 characters', 'to 25 characters', 'to 111 characters']],
  ] as const)('%s %s agrees with 1, 2, 5, 11, 21, 22, 25, 111', (language, key, expected) => {
    const translate = t[language] as TFunction;
    counts.forEach((count, i) => expect(translate(key, { count }), `${count}`).toContain(expected[i]));
  });

  it('every plural text in every language is whole for 1, 2, 5, 11, 21, 22, 25 and 111 (a form found, nothing left unfilled)', () => {
    for (const language of ['en', 'uk', 'ru'] as const) {
      const translate = t[language] as TFunction;
      for (const key of pluralKeys(en)) {
        for (const count of counts) {
          const text = translate(key, { ...placeholdersOf(catalogues[language], key), count });
          expect(text, `${language} ${key} ${count}`).not.toMatch(/\{\{|_one|_other|^[a-zA-Z]+\./);
        }
      }
    }
  });
});
