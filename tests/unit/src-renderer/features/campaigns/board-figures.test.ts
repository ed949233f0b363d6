import { describe, expect, it } from 'vitest';
import { abandonGauge, minutesSince } from '#renderer/features/campaigns/board-figures';

describe('the abandon gauge', () => {
  it('shows the share of the cap used, turning yellow at half and red near the cap', () => {
    expect(abandonGauge(0.01, 0.03)).toEqual({ percentOfCap: expect.closeTo(33.3, 1), color: 'teal' });
    expect(abandonGauge(0.015, 0.03).color).toBe('yellow');
    expect(abandonGauge(0.025, 0.03).color).toBe('red');
    expect(abandonGauge(0.05, 0.03)).toEqual({ percentOfCap: 100, color: 'red' });
  });

  it('is full and red for any abandon under a cap of zero', () => {
    expect(abandonGauge(0, 0)).toEqual({ percentOfCap: 0, color: 'teal' });
    expect(abandonGauge(0.001, 0)).toEqual({ percentOfCap: 100, color: 'red' });
  });
});

describe('time in a state', () => {
  it('counts whole minutes', () => {
    expect(minutesSince(0, 59_999)).toBe(0);
    expect(minutesSince(0, 180_000)).toBe(3);
    expect(minutesSince(10_000, 0)).toBe(0);
  });
});
