import { describe, expect, it } from 'vitest';
import { isPublicHoliday } from '#core/dialer/rules/public-holidays';

describe('public holidays per country', () => {
  it('counts every day of Russia’s New Year holidays, not just the first', () => {
    for (let day = 1; day <= 8; day++) expect(isPublicHoliday(`2025-01-0${day}`, 'RU')).toBe(true);
    expect(isPublicHoliday('2025-01-09', 'RU')).toBe(false);
  });

  it('reads regional holidays when the region is known', () => {
    // The summer bank holiday is England's and Wales's, not Scotland's.
    expect(isPublicHoliday('2025-08-25', 'GB', 'ENG')).toBe(true);
    expect(isPublicHoliday('2025-08-25', 'GB', 'SCT')).toBe(false);
  });

  it('knows no holidays for a country the data does not cover', () => {
    expect(isPublicHoliday('2025-01-01', 'XX')).toBe(false);
  });
});
