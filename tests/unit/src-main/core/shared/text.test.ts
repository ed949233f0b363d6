import { describe, expect, it } from 'vitest';
import { foldForSearch, phoneDigits, prefixUpperBound, searchWords } from '#core/shared/text';

describe('foldForSearch', () => {
  it('lower-cases Cyrillic and Latin alike', () => {
    expect(foldForSearch('ШЕВЧЕНКО Taras')).toBe('шевченко taras');
  });

  it('treats ё as е and drops apostrophes, so either spelling finds the person', () => {
    expect(foldForSearch('Семёнов')).toBe(foldForSearch('Семенов'));
    expect(foldForSearch('Мар’яна')).toBe(foldForSearch("Мар'яна"));
    expect(foldForSearch('Марʼяна')).toBe('маряна');
  });

  it('collapses and trims whitespace', () => {
    expect(foldForSearch('  Іван \t Петрович  ')).toBe('іван петрович');
  });
});

describe('phoneDigits', () => {
  it.each([
    ['+380 (67) 123-45-67', '380671234567'],
    ['067 123', '067123'],
    ['8 (495) 123.45.67', '84951234567'],
  ])('reads %s as digits', (text, digits) => {
    expect(phoneDigits(text)).toBe(digits);
  });

  it.each(['Іван', '12', 'ab 123', ''])('does not treat %j as a phone query', (text) => {
    expect(phoneDigits(text)).toBeNull();
  });
});

describe('prefixUpperBound', () => {
  it('bounds every string that starts with the prefix and nothing after', () => {
    const upper = prefixUpperBound('шев');
    expect('шевченко' < upper).toBe(true);
    expect('шевчук' >= 'шев').toBe(true);
    expect('шеж' < upper).toBe(false);
  });
});

describe('foldForSearch across alphabets', () => {
  it('drops accents from Latin letters so Müller is found as muller', () => {
    expect(foldForSearch('Müller')).toBe('muller');
    expect(foldForSearch('Łukasz Wałęsa')).toBe('lukasz walesa');
  });

  it('keeps Ukrainian and Russian letters that only look accented', () => {
    expect(foldForSearch('Андрій Йосипович Їжак')).toBe('андрій йосипович їжак');
  });
});

describe('searchWords', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(searchWords('Дніпро-Трейд, o.shevchenko@firm.example')).toEqual(['дніпро', 'трейд', 'o', 'shevchenko', 'firm', 'example']);
  });
});
