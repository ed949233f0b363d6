import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWindowOpen, nextOpening, readZone, type CalleePlace, type WindowRules } from '#core/dialer/rules/calling-window';
import { calleeClock, isHolidayIndependently, policyOf } from './fixtures';

const at = (iso: string): number => Date.parse(iso);
const place = (zones: string[], country: string | null = 'RU'): CalleePlace => ({ zones, country, holidayRegion: null });

describe('the calling window in the callee’s local time', () => {
  const collection = policyOf('RU', 'debt_collection').window;

  it('a Moscow evening is a Vladivostok night', () => {
    // Wednesday 12 March 2025, 19:30 in Moscow = 02:30 on Thursday in Vladivostok.
    const evening = at('2025-03-12T16:30:00Z');
    expect(isWindowOpen(evening, collection, place(['Europe/Moscow']))).toBe(true);
    expect(isWindowOpen(evening, collection, place(['Asia/Vladivostok']))).toBe(false);
    // Vladivostok opens at 08:00 local, 22:00 UTC.
    expect(nextOpening(evening, collection, place(['Asia/Vladivostok']))).toBe(at('2025-03-12T22:00:00Z'));
  });

  it('uses the weekend window on a Russian public holiday under 230-FZ', () => {
    // 12 June 2025 (Russia Day) is a Thursday: 08:30 in Moscow would be open on a working day.
    const holidayMorning = at('2025-06-12T05:30:00Z');
    const reading = readZone(holidayMorning, 'Europe/Moscow', collection, place(['Europe/Moscow']));
    expect(reading).toMatchObject({ day: 'holiday', span: { from: 9 * 3600, to: 20 * 3600 }, open: false });
    expect(nextOpening(holidayMorning, collection, place(['Europe/Moscow']))).toBe(at('2025-06-12T06:00:00Z'));
    // The day after is an ordinary Friday: 08:30 is open.
    expect(isWindowOpen(holidayMorning + 86_400_000, collection, place(['Europe/Moscow']))).toBe(true);
  });

  it('holds the window in every zone a number may be in', () => {
    const both = place(['Europe/Moscow', 'Asia/Yekaterinburg']);
    // 20:30 in Moscow is 22:30 in Yekaterinburg: closed for the pair.
    expect(isWindowOpen(at('2025-03-12T17:30:00Z'), collection, both)).toBe(false);
    // Opens when Moscow reaches 08:00 (Yekaterinburg is already at 10:00).
    expect(nextOpening(at('2025-03-12T17:30:00Z'), collection, both)).toBe(at('2025-03-13T05:00:00Z'));
  });

  it('answers at 01:30 on a spring-forward day without crashing or lying', () => {
    const night: WindowRules = { weekdays: { from: 1.5 * 3600, to: 3 * 3600 }, weekends: { from: 1.5 * 3600, to: 3 * 3600 }, holidaysAsWeekend: false, weekendDays: [0, 6] };
    const london = place(['Europe/London'], 'GB');
    // 00:59:59 GMT on 30 March 2025 is the last second before the jump; 01:30 never shows on a London clock that day.
    expect(isWindowOpen(at('2025-03-30T00:59:59Z'), night, london)).toBe(false);
    expect(nextOpening(at('2025-03-30T00:30:00Z'), night, london)).toBe(at('2025-03-30T01:00:00Z'));
    expect(calleeClock(at('2025-03-30T01:00:00Z'), 'Europe/London').seconds).toBe(2 * 3600);
  });

  it('gives no opening when the zones share no hour of the window', () => {
    // Eight hours apart each: 08:00-21:00 in London, Shanghai and Los Angeles never overlap all three.
    const apart = place(['Europe/London', 'Asia/Shanghai', 'America/Los_Angeles'], 'US');
    expect(nextOpening(at('2025-03-12T12:00:00Z'), policyOf('US', 'sales').window, apart)).toBeNull();
  });

  it('finds the real first opening for any window, zone and clock, DST gaps included', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const clock = fc.integer({ min: 0, max: 48 }).map((halfHours) => halfHours * 1800);
    const span = fc
      .tuple(clock, clock)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
    const rules = fc.record({
      weekdays: fc.option(span, { nil: null }),
      weekends: fc.option(span, { nil: null }),
      holidaysAsWeekend: fc.boolean(),
      weekendDays: fc.constant([0, 6]),
    });
    const country = fc.constantFrom('RU', 'US', 'GB', 'UA', null);
    const instant = fc.oneof(
      fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }),
      // Hours around the 2024 and 2025 transitions in London and New York.
      fc
        .tuple(fc.constantFrom('2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z', '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z'), fc.integer({ min: -6 * 3_600_000, max: 6 * 3_600_000 }))
        .map(([transition, shift]) => at(transition) + shift),
    );
    const zone = fc.oneof(fc.constantFrom(...zones), fc.constantFrom('Europe/London', 'America/New_York', 'America/Santiago', 'Asia/Beirut', 'Australia/Lord_Howe'));
    let found = 0;
    fc.assert(
      fc.property(rules, fc.array(zone, { minLength: 1, maxLength: 2 }), country, instant, (windowRules, zoneList, callee, from) => {
        const where = { zones: zoneList, country: callee, holidayRegion: null };
        const openIn = (t: number): boolean =>
          zoneList.every((z) => {
            const local = calleeClock(t, z);
            const holiday = windowRules.holidaysAsWeekend && callee !== null && isHolidayIndependently(local.date, callee);
            const window = !holiday && local.weekday !== 0 && local.weekday !== 6 ? windowRules.weekdays : windowRules.weekends;
            return window !== null && local.seconds >= window.from && local.seconds < window.to;
          });
        const opening = nextOpening(from, windowRules, where);
        if (opening === null) return;
        found++;
        expect(opening).toBeGreaterThanOrEqual(from);
        expect(openIn(opening)).toBe(true);
        // The second before it is closed (or before the question was asked): it is the first opening.
        if (opening - 1000 >= from) expect(openIn(opening - 1000)).toBe(false);
      }),
      { numRuns: 800 },
    );
    expect(found).toBeGreaterThan(250);
  }, 60_000);
});
