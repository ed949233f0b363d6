import { describe, expect, it } from 'vitest';
import { dialingModes, operatorStates, previewMode, progressiveMode, type OperatorState } from '#core/dialer/session/dialing-modes';

/** States reachable from `off` by the table's moves. */
function reachable(can: (from: OperatorState, to: OperatorState) => boolean): Set<OperatorState> {
  const seen = new Set<OperatorState>(['off']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const from of [...seen]) {
      for (const to of operatorStates) {
        if (!can(from, to) || seen.has(to)) continue;
        seen.add(to);
        grew = true;
      }
    }
  }
  return seen;
}

describe('the dialing modes as transition tables', () => {
  it('only preview shows a card before dialing, and only it can skip a number back to ready', () => {
    expect(previewMode.can('ready', 'previewing')).toBe(true);
    expect(previewMode.can('ready', 'dialing')).toBe(false);
    expect(progressiveMode.can('ready', 'previewing')).toBe(false);
    expect(progressiveMode.can('ready', 'dialing')).toBe(true);
    expect(reachable(progressiveMode.can).has('previewing')).toBe(false);
  });

  it('every mode reaches every state it uses and leaves each one (no dead ends), and a call always goes through wrap-up', () => {
    for (const [name, mode] of Object.entries(dialingModes)) {
      const states = reachable(mode.can);
      for (const state of states) expect(operatorStates.some((to) => mode.can(state, to)), `${name}: ${state} is a dead end`).toBe(true);
      expect(operatorStates.filter((to) => mode.can('on_call', to))).toEqual(['wrap_up']);
      expect(() => mode.assert('on_call', 'ready')).toThrow(/cannot go from on_call to ready/);
    }
  });
});
