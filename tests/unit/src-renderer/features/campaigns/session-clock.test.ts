import { describe, expect, it } from 'vitest';
import { calleeLocalTime, secondsUntil, wallClockToEpoch, wrapUpTimer } from '#renderer/features/campaigns/session-clock';

describe('countdowns', () => {
  it('counts whole seconds down, past zero', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 12_000)).toBe(-2);
  });

  it('says when the wrap-up is overdue and by how much', () => {
    expect(wrapUpTimer(30_000, 0)).toEqual({ seconds: 30, overdue: false });
    expect(wrapUpTimer(30_000, 45_000)).toEqual({ seconds: 15, overdue: true });
  });
});

describe('the callee’s clock', () => {
  const noonUtc = Date.UTC(2026, 0, 14, 12, 0);

  it('shows the time in the callee’s zone', () => {
    expect(calleeLocalTime('Asia/Vladivostok', noonUtc, 'en-GB')).toBe('Wed 22:00');
    expect(calleeLocalTime('Europe/Kyiv', noonUtc, 'en-GB')).toBe('Wed 14:00');
  });

  it('shows nothing without a zone, or with one Intl does not know', () => {
    expect(calleeLocalTime(null, noonUtc, 'en-GB')).toBeNull();
    expect(calleeLocalTime('Mars/Olympus', noonUtc, 'en-GB')).toBeNull();
  });

  it('reads a callback time in the callee’s zone', () => {
    expect(wallClockToEpoch('2026-01-14 22:00:00', 'Asia/Vladivostok')).toBe(noonUtc);
    expect(wallClockToEpoch('2026-07-14 15:00:00', 'Europe/Kyiv')).toBe(Date.UTC(2026, 6, 14, 12, 0));
  });
});
