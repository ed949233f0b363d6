import { describe, expect, it } from 'vitest';
import { demoLanguage } from '#core/demo/language';

describe('the language a demo is generated in', () => {
  it('is the one chosen in Settings, whatever the system speaks', () => {
    expect(demoLanguage('ru', 'uk-UA')).toBe('ru');
    expect(demoLanguage('en', null)).toBe('en');
  });

  it('is the system locale’s when nothing is chosen and we speak it', () => {
    expect(demoLanguage(null, 'ru-RU')).toBe('ru');
    expect(demoLanguage(null, 'en_GB')).toBe('en');
    expect(demoLanguage(null, 'uk')).toBe('uk');
  });

  it('is Ukrainian when the system speaks something else or nothing is known', () => {
    expect(demoLanguage(null, 'de-DE')).toBe('uk');
    expect(demoLanguage(null, '')).toBe('uk');
    expect(demoLanguage(null, null)).toBe('uk');
  });
});
