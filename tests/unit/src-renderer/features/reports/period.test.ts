import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodRange } from '#renderer/features/reports/period';

// The workstation's zone is the window's own: Kyiv here, for its DST change on 29 March 2026 (03:00 → 04:00).
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Kyiv';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const utc = (iso: string) => Date.parse(iso);
/** Sunday 29 March 2026, 15:00 in Kyiv (UTC+3 since 04:00 that morning). */
const dstSunday = utc('2026-03-29T12:00:00Z');

describe('report periods, cut at the workstation’s midnights', () => {
  it('today is 23 hours long on the day clocks go forward', () => {
    expect(periodRange({ preset: 'today' }, dstSunday)).toEqual({ from: utc('2026-03-28T22:00:00Z'), to: utc('2026-03-29T21:00:00Z') });
  });

  it('a week starts on Monday, even seen from its Sunday', () => {
    expect(periodRange({ preset: 'this_week' }, dstSunday)).toEqual({ from: utc('2026-03-22T22:00:00Z'), to: utc('2026-03-29T21:00:00Z') });
    expect(periodRange({ preset: 'last_week' }, dstSunday)).toEqual({ from: utc('2026-03-15T22:00:00Z'), to: utc('2026-03-22T22:00:00Z') });
  });

  it('a week seen from its Monday just after midnight is that week', () => {
    expect(periodRange({ preset: 'this_week' }, utc('2026-03-29T21:00:01Z'))).toEqual({ from: utc('2026-03-29T21:00:00Z'), to: utc('2026-04-05T21:00:00Z') });
  });

  it('yesterday of the first of a month is the last of the one before', () => {
    expect(periodRange({ preset: 'yesterday' }, utc('2026-04-01T06:00:00Z'))).toEqual({ from: utc('2026-03-30T21:00:00Z'), to: utc('2026-03-31T21:00:00Z') });
  });

  it('months cross the year and the DST change', () => {
    expect(periodRange({ preset: 'last_month' }, utc('2026-01-10T10:00:00Z'))).toEqual({ from: utc('2025-11-30T22:00:00Z'), to: utc('2025-12-31T22:00:00Z') });
    expect(periodRange({ preset: 'this_month' }, dstSunday)).toEqual({ from: utc('2026-02-28T22:00:00Z'), to: utc('2026-03-31T21:00:00Z') });
  });

  it('a custom range includes its last day, and is no period while incomplete or backwards', () => {
    expect(periodRange({ preset: 'custom', firstDay: '2026-03-28', lastDay: '2026-03-29' }, dstSunday)).toEqual({ from: utc('2026-03-27T22:00:00Z'), to: utc('2026-03-29T21:00:00Z') });
    expect(periodRange({ preset: 'custom', firstDay: '2026-03-28', lastDay: '2026-03-28' }, dstSunday)).toEqual({ from: utc('2026-03-27T22:00:00Z'), to: utc('2026-03-28T22:00:00Z') });
    expect(periodRange({ preset: 'custom', firstDay: '2026-03-28' }, dstSunday)).toBeNull();
    expect(periodRange({ preset: 'custom', firstDay: '2026-03-29', lastDay: '2026-03-28' }, dstSunday)).toBeNull();
  });
});
