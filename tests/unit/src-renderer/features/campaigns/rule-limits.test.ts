import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { limitsBeside, limitText, type ProfileLimits } from '#renderer/features/campaigns/rule-limits';
import { i18nOptions } from '#renderer/i18n';

const t: Record<'en' | 'uk', TFunction> = {} as Record<'en' | 'uk', TFunction>;
beforeAll(async () => {
  for (const language of ['en', 'uk'] as const) {
    const instance = i18next.createInstance();
    await instance.init(i18nOptions(language));
    t[language] = instance.t;
  }
});

const profile = (id: string, limits: ProfileLimits['limits']): ProfileLimits => ({ profile: id, version: '2025.1', limits });

describe('the law’s limits beside the campaign editor’s fields', () => {
  it('says which way each rule may only go: caps at most, delays and hours at least, the abandon share as a percentage', () => {
    expect(limitText(t.en, 'attemptCaps.day', 3)).toBe('at most 3');
    expect(limitText(t.en, 'retryDelayMinutes.busy', 60)).toBe('at least 60 min');
    expect(limitText(t.en, 'abandonRedialHours', 72)).toBe('at least 72 h');
    expect(limitText(t.en, 'minRingSeconds', 15)).toBe('at least 15 s');
    expect(limitText(t.en, 'abandonRate', 0.03)).toBe('at most 3 %');
    expect(limitText(t.uk, 'abandonRate', 0.025)).toBe('не більше 2,5 %');
  });

  it('words windows, no limit and consent, and has no words for a path that is no field', () => {
    expect(limitText(t.en, 'window.weekends', '09:00-20:00')).toBe('09:00–20:00');
    expect(limitText(t.uk, 'window.weekends', 'closed')).toBe('дзвінки заборонені');
    expect(limitText(t.en, 'contactCaps.week', null)).toBe('no limit');
    expect(limitText(t.en, 'requireConsent', true)).toBe('consent required');
    expect(limitText(t.en, 'holidaysAsWeekend', true)).toBeNull();
    expect(limitText(t.en, 'attemptCaps.day', undefined)).toBeNull();
  });

  it('says a duty only where a profile imposes one: barred modes by name, the abandon message, the hand-over time to an operator', () => {
    expect(limitText(t.uk, 'barredModes', 'power')).toBe('заборонено: Потужний');
    expect(limitText(t.en, 'barredModes', null)).toBeNull();
    expect(limitText(t.en, 'abandonMessage', true)).toBe('a message required');
    expect(limitText(t.en, 'abandonMessage', false)).toBeNull();
    expect(limitText(t.en, 'operatorWithinMs', 2000)).toBe('an operator within 2 s of the answer');
    expect(limitText(t.en, 'operatorWithinMs', null)).toBeNull();
  });

  it('names one profile with its version, and several by the figure they agree on', () => {
    expect(limitsBeside(t.en, [profile('UA', { abandonRate: 0.03 })], 'abandonRate')).toEqual(['UA 2025.1: at most 3 %']);
    const byNumber = [profile('UA', { 'contactCaps.day': null }), profile('RU', { 'contactCaps.day': 1 }), profile('UK', { 'contactCaps.day': null }), profile('US', {})];
    expect(limitsBeside(t.en, byNumber, 'contactCaps.day')).toEqual(['UA, UK: no limit', 'RU: at most 1']);
    expect(limitsBeside(t.en, byNumber, 'abandonRate')).toEqual([]);
  });
});
