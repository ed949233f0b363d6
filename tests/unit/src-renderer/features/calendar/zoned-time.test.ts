import { describe, expect, it } from 'vitest';
import { addDays, instantOf, wallClockAt } from '#renderer/features/calendar/zoned-time';

describe('zoned time', () => {
  it('names the instant of a wall-clock time in its own zone, whatever the window’s zone', () => {
    expect(new Date(instantOf('2026-12-02T10:00', 'Europe/Kyiv')).toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(new Date(instantOf('2026-07-02T10:00', 'Europe/Kyiv')).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(new Date(instantOf('2026-07-02T10:00', 'America/New_York')).toISOString()).toBe('2026-07-02T14:00:00.000Z');
  });

  it('places a time the clocks skip after the gap, and takes a repeated hour’s first pass', () => {
    // Kyiv springs forward at 03:00 → 04:00 on 2026-03-29; falls back at 04:00 → 03:00 on 2026-10-25.
    expect(wallClockAt(instantOf('2026-03-29T03:30', 'Europe/Kyiv'), 'Europe/Kyiv').time).toBe('04:30');
    expect(new Date(instantOf('2026-10-25T03:30', 'Europe/Kyiv')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads an instant back as the zone’s wall clock', () => {
    const ms = Date.UTC(2026, 11, 31, 22, 30);
    expect(wallClockAt(ms, 'Europe/Kyiv')).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(wallClockAt(ms, 'UTC')).toEqual({ date: '2026-12-31', time: '22:30' });
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
