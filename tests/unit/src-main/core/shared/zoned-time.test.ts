import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, instantsOfWallTime, isKnownZone, offsetStretches, wallClock } from '#core/shared/zoned-time';
import { calleeClock } from '#tests/unit/src-main/core/dialer/rules/fixtures';

const ZONES = Intl.supportedValuesOf('timeZone');
const at = (iso: string): number => Date.parse(iso);

describe('wall clocks in IANA zones', () => {
  it('reads the local date, time and weekday', () => {
    // 2025-03-12 12:30 UTC: Moscow 15:30, Vladivostok 22:30, New York 08:30 (already on daylight time).
    expect(wallClock(at('2025-03-12T12:30:00Z'), 'Europe/Moscow')).toEqual({ date: '2025-03-12', secondOfDay: 15.5 * 3600, weekday: 3 });
    expect(wallClock(at('2025-03-12T12:30:00Z'), 'Asia/Vladivostok')).toEqual({ date: '2025-03-12', secondOfDay: 22.5 * 3600, weekday: 3 });
    expect(wallClock(at('2025-03-12T12:30:00Z'), 'America/New_York').secondOfDay).toBe(8.5 * 3600);
    expect(wallClock(at('2025-03-12T20:00:00Z'), 'Asia/Vladivostok')).toEqual({ date: '2025-03-13', secondOfDay: 6 * 3600, weekday: 4 });
  });

  it('knows real zone names and refuses made-up ones', () => {
    expect(isKnownZone('Asia/Yekaterinburg')).toBe(true);
    expect(isKnownZone('Europe/Kyiv')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('finds a wall time that DST skips at the moment the clocks jump past it', () => {
    // London, 30 March 2025: 01:00 GMT becomes 02:00 BST, so 01:30 never happens.
    expect(instantsOfWallTime('2025-03-30', 1.5 * 3600, 'Europe/London')).toEqual([at('2025-03-30T01:00:00Z')]);
    // New York, 9 March 2025: 02:00 EST becomes 03:00 EDT.
    expect(instantsOfWallTime('2025-03-09', 2.5 * 3600, 'America/New_York')).toEqual([at('2025-03-09T07:00:00Z')]);
  });

  it('finds both instants of a wall time DST repeats', () => {
    // London, 26 October 2025: 02:00 BST goes back to 01:00 GMT, so 01:30 happens twice.
    expect(instantsOfWallTime('2025-10-26', 1.5 * 3600, 'Europe/London')).toEqual([at('2025-10-26T00:30:00Z'), at('2025-10-26T01:30:00Z')]);
  });

  it('finds the instant of an ordinary wall time in any zone, and it reads back as that wall time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: at('2020-01-01T00:00:00Z') / 1000, max: at('2030-01-01T00:00:00Z') / 1000 }), (zone, seconds) => {
        const instant = seconds * 1000;
        const clock = wallClock(instant, zone);
        const independent = calleeClock(instant, zone);
        expect(clock).toEqual({ date: independent.date, secondOfDay: independent.seconds, weekday: independent.weekday });
        const found = instantsOfWallTime(clock.date, clock.secondOfDay, zone);
        expect(found).toContain(instant);
        for (const other of found) expect(calleeClock(other, zone)).toEqual(independent);
      }),
      { numRuns: 1_500 },
    );
  });
});

describe('stretches of constant offset', () => {
  it('finds Kyiv’s spring and autumn changes to the second', () => {
    const year = offsetStretches(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), 'Europe/Kyiv');
    expect(year).toEqual([
      { until: at('2026-03-29T01:00:00Z'), offsetMs: 2 * 3_600_000 },
      { until: at('2026-10-25T01:00:00Z'), offsetMs: 3 * 3_600_000 },
      { until: null, offsetMs: 2 * 3_600_000 },
    ]);
  });

  it('finds a change that falls in the last seconds of the period', () => {
    expect(offsetStretches(at('2026-03-29T00:00:00Z'), at('2026-03-29T01:00:01Z'), 'Europe/Kyiv')).toEqual([
      { until: at('2026-03-29T01:00:00Z'), offsetMs: 2 * 3_600_000 },
      { until: null, offsetMs: 3 * 3_600_000 },
    ]);
  });

  it('is one stretch in a zone without DST and in a period between changes', () => {
    expect(offsetStretches(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), 'Asia/Tokyo')).toEqual([{ until: null, offsetMs: 9 * 3_600_000 }]);
    expect(offsetStretches(at('2026-04-01T00:00:00Z'), at('2026-05-01T00:00:00Z'), 'Europe/Kyiv')).toEqual([{ until: null, offsetMs: 3 * 3_600_000 }]);
  });
});
