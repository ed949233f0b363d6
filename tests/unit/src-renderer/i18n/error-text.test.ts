import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, errorReasons, type ApiError, type ErrorReason, type Language } from '#contract';
import { i18nOptions } from '#renderer/i18n';
import { apiErrorText, issueText, namedIssueText } from '#renderer/i18n/error-text';
import { en } from '#renderer/i18n/en';
import { ru } from '#renderer/i18n/ru';
import { uk } from '#renderer/i18n/uk';

const languages = ['en', 'uk', 'ru'] as const;
const t: Partial<Record<Language, TFunction>> = {};
beforeAll(async () => {
  for (const language of languages) {
    const instance = i18next.createInstance();
    await instance.init(i18nOptions(language));
    t[language] = instance.t;
  }
});
const tr = (language: Language) => t[language] as TFunction;

/** Params of the kind each reason gets from main, so every placeholder has a value. */
const sample = { count: 3, origin: 'string', format: 'email', expected: 'string', keys: 'isAdmin', values: 'a, b', divisor: 5, name: 'Birthday', options: 'A, B', number: '+380671234567', stages: '“Won”', from: 'new', to: 'closed', state: 'held', command: 'hold', detail: '486 Busy Here', file: 'clients.csv', line: 1, mapped: 4, target: 'abc', kind: 'stage', id: 'x', piece: 2, value: 'olena@', zone: 'Europe/Kyiv', view: 'operator', minimum: 0, maximum: 5 };

describe('error texts', () => {
  it('words every reason the contract knows, in English, Ukrainian and Russian, with every placeholder filled', () => {
    const catalogues = { en, uk, ru };
    for (const language of languages) {
      const texts = catalogues[language].errorText as Record<string, unknown>;
      for (const reason of errorReasons) {
        const own = Object.keys(texts).some((key) => key === reason || key.startsWith(`${reason}_`));
        expect(own, `${language} has no errorText.${reason}`).toBe(true);
        const text = apiErrorText(tr(language), { code: 'conflict', message: 'English for logs', reason, params: sample });
        expect(text, `${language} ${reason}`).not.toMatch(/\{\{|\$t\(|errorText\.|English for logs/);
      }
    }
  });

  it('never shows the English message, for any code, even without a reason', () => {
    for (const language of languages) {
      for (const code of errorCodes) {
        const text = apiErrorText(tr(language), { code, message: 'Raw English from main' });
        expect(text).not.toContain('Raw English');
        expect(text).not.toMatch(/\{\{/);
      }
    }
  });

  it('says a different sentence in each language (nothing left in English)', () => {
    for (const reason of errorReasons) {
      const error: ApiError = { code: 'conflict', message: '', reason, params: sample };
      const english = apiErrorText(tr('en'), error);
      expect(apiErrorText(tr('uk'), error), reason).not.toBe(english);
      expect(apiErrorText(tr('ru'), error), reason).not.toBe(english);
    }
  });

  it('words zod limits with the number and the right plural, and names the field when shown away from it', () => {
    const tooLong = { path: 'firstName', code: 'too_big' as ErrorReason, params: { origin: 'string', count: 100 }, message: 'Too big: expected string to have <=100 characters' };
    expect(issueText(tr('en'), tooLong)).toBe('Shorten it to 100 characters or fewer.');
    expect(issueText(tr('uk'), tooLong)).toBe('Скоротіть до 100 символів.');
    expect(namedIssueText(tr('uk'), tooLong)).toBe('Ім’я: Скоротіть до 100 символів.');
    expect(namedIssueText(tr('ru'), { ...tooLong, path: 'phones.2.raw', params: { origin: 'string', count: 64 } })).toBe('Телефон: Сократите до 64 символов.');
  });

  it('words the states a refusal names in the interface language', () => {
    const error: ApiError = { code: 'conflict', message: '', reason: 'complaint_move_not_allowed', params: { from: 'new', to: 'closed' } };
    expect(apiErrorText(tr('uk'), error)).toContain('«Нова» не може стати «Закрита»');
  });

  it('words the states of a campaign through the campaign vocabulary, not as the codes main sends', () => {
    const error: ApiError = { code: 'conflict', message: 'A finished campaign cannot become running', reason: 'campaign_state_refused', params: { from: 'finished', to: 'running' } };
    expect(apiErrorText(tr('en'), error)).toBe('A campaign that is “Finished” cannot become “Running”.');
    expect(apiErrorText(tr('uk'), error)).toBe('Кампанію в стані «Завершено» не можна перевести в «Триває».');
    expect(apiErrorText(tr('ru'), error)).toBe('Кампанию в состоянии «Завершена» нельзя перевести в «Идёт».');
  });

  it('words the state of a refused command as a call state or else as an operator session state, and leaves a code no vocabulary knows as sent', () => {
    const refused = (state: string): ApiError => ({ code: 'conflict', message: '', reason: 'call_command_refused', params: { state } });
    expect(apiErrorText(tr('ru'), refused('held'))).toBe('Этого нельзя сделать в состоянии «На удержании».');
    expect(apiErrorText(tr('uk'), refused('wrap_up'))).toBe('Цього не можна зробити у стані «Завершення розмови».');
    expect(apiErrorText(tr('en'), refused('from_a_newer_main'))).toBe('That cannot be done while the state is “from_a_newer_main”.');
  });

  it('words every issue of a refusal on several fields, not only the first', () => {
    const error: ApiError = {
      code: 'invalid_payload',
      message: 'custom.f1: Birthday takes a date as YYYY-MM-DD; custom.f2: Size takes a number',
      reason: 'custom_needs_date',
      params: {},
      issues: [
        { path: 'custom.f1', code: 'custom_needs_date', params: { name: 'День народження' }, message: 'Birthday takes a date as YYYY-MM-DD' },
        { path: 'custom.f2', code: 'custom_needs_number', params: { name: 'Розмір' }, message: 'Size takes a number' },
      ],
    };
    expect(apiErrorText(tr('uk'), error)).toBe('Додаткове поле: «День народження» приймає дату: виберіть її в календарі. Додаткове поле: «Розмір» приймає число: введіть цифри.');
  });

  it('falls back to a translated sentence for a reason it has no text for', () => {
    const unknown = { path: '', code: 'from_a_newer_main' as ErrorReason, params: {}, message: 'x' };
    expect(issueText(tr('ru'), unknown)).toBe(ru.errorText.fallback);
  });
});
