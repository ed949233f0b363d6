import { describe, expect, it } from 'vitest';
import { defineLifecycle, InvalidTransitionError } from '#core/shared/lifecycle';

type Light = 'red' | 'green' | 'yellow' | 'off';
const light = defineLifecycle<Light>('traffic light', { red: ['green'], green: ['yellow'], yellow: ['red'] });

describe('defineLifecycle', () => {
  it('allows exactly the moves in its table', () => {
    expect(light.can('red', 'green')).toBe(true);
    expect(light.can('green', 'red')).toBe(false);
    expect(light.can('off', 'red')).toBe(false);
  });

  it('names the lifecycle and both states when a move is refused', () => {
    expect(() => light.assert('yellow', 'green')).toThrow(InvalidTransitionError);
    expect(() => light.assert('yellow', 'green')).toThrow('A traffic light cannot go from yellow to green');
    expect(() => light.assert('yellow', 'red')).not.toThrow();
  });
});
