import { describe, expect, it } from 'vitest';
import { OfficeHours } from '#core/demo/office-hours';
import { SeededRandom } from '#core/demo/random';

const hour = 3_600_000;
/** Wednesday 2026-11-18, 10:30 in Kyiv (UTC+2). */
const wednesdayMorning = Date.UTC(2026, 10, 18, 8, 30);
const kyiv = (at: number) => new Date(at + 2 * hour);

describe('moments in the office’s working hours', () => {
  const random = new SeededRandom(1);
  const office = new OfficeHours(wednesdayMorning, 2 * hour);

  it('puts today’s moments between opening and now', () => {
    for (let i = 0; i < 200; i++) {
      const at = office.before(random, 0);
      expect(kyiv(at).getUTCDate()).toBe(18);
      expect(kyiv(at).getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(at).toBeLessThan(wednesdayMorning);
    }
  });

  it('counts back and ahead in working days, skipping the weekend', () => {
    // Three working days before Wednesday is the Friday before; the third working day ahead is Monday.
    expect(kyiv(office.before(random, 3)).getUTCDate()).toBe(13);
    expect(kyiv(office.after(random, 2)).getUTCDate()).toBe(23);
    for (let i = 0; i < 200; i++) {
      const at = office.after(random, i % 20);
      expect([0, 6]).not.toContain(kyiv(at).getUTCDay());
      expect(kyiv(at).getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(kyiv(at).getUTCHours()).toBeLessThan(18);
      expect(at % (15 * 60_000)).toBe(0);
    }
  });

  it('finds a later moment the same day, never past closing or now', () => {
    const late = Date.UTC(2026, 10, 17, 15, 50);
    for (let i = 0; i < 100; i++) {
      const later = office.laterThe(late, random, 120);
      expect(later).not.toBeNull();
      expect(later as number).toBeGreaterThan(late);
      expect(kyiv(later as number).getUTCHours()).toBeLessThan(18);
    }
    expect(office.laterThe(wednesdayMorning - 30_000, random, 120)).toBeNull();
  });

  it('leaves today out before the office opens', () => {
    const early = new OfficeHours(Date.UTC(2026, 10, 18, 6), 2 * hour);
    expect(kyiv(early.before(random, 0)).getUTCDate()).toBe(17);
  });
});
