import { describe, expect, it } from 'vitest';
import { formatCompactDate, formatCompactDateTime, formatTimeRange } from '#renderer/i18n/format';

// Local time, as the workplace shows it.
const morning = new Date(2026, 0, 2, 9, 5).getTime();
const halfPastTen = new Date(2026, 0, 2, 10, 30).getTime();
const afternoon = new Date(2026, 0, 2, 13, 30).getTime();

describe('compact dates keep the whole year', () => {
  it.each([
    ['uk', '02.01.2026'],
    ['ru', '02.01.2026'],
    ['en', '01/02/2026'],
  ])('%s: %s', (locale, expected) => {
    expect(formatCompactDate(locale, morning)).toBe(expected);
  });

  it.each([
    ['uk', '02.01.2026, 09:05'],
    ['ru', '02.01.2026, 09:05'],
    ['en', '01/02/2026, 09:05 AM'],
  ])('%s with the time: %s', (locale, expected) => {
    expect(formatCompactDateTime(locale, morning).replace(/\s/g, ' ')).toBe(expected);
  });
});

describe('time ranges are written the locale’s way', () => {
  it('says AM/PM once when both ends share it, and at each end when they differ', () => {
    expect(formatTimeRange('en', morning, halfPastTen).replace(/\s/g, ' ')).toBe('9:05 – 10:30 AM');
    expect(formatTimeRange('en', morning, afternoon).replace(/\s/g, ' ')).toBe('9:05 AM – 1:30 PM');
  });

  it('is a plain 24-hour span in Ukrainian and Russian', () => {
    expect(formatTimeRange('uk', morning, afternoon)).toBe('09:05–13:30');
    expect(formatTimeRange('ru', morning, afternoon)).toBe('09:05–13:30');
  });
});
