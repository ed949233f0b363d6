import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from '#core/shared/ids';

describe('time-ordered ids', () => {
  it('are version-7 UUIDs that sort in the order they were made, within one millisecond too', () => {
    let now = 1_795_000_000_000;
    const ids = timeOrderedIds(() => now);
    const made = Array.from({ length: 5_000 }, (_, i) => {
      if (i % 1_000 === 0) now += 1;
      return ids.next();
    });
    expect(made.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('never go backwards when the clock does', () => {
    let now = 2_000;
    const ids = timeOrderedIds(() => now);
    const first = ids.next();
    now = 1_000;
    expect(ids.next() > first).toBe(true);
  });
});
