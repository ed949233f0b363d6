import { describe, expect, it } from 'vitest';
import { answerMove, replay, type RunStep } from '#core/scripts/run-replay';

const step = (kind: RunStep['kind'], nodeId: string | null, answerId: string | null = null): RunStep => ({ kind, nodeId, answerId, at: 1 });

describe('replaying a run from its appended moves', () => {
  it('follows answers and records the answer picked on each node', () => {
    const position = replay('a', 0, [step('answer', 'b', 'x'), step('answer', 'c', 'y')]);
    expect(position.trail.map((e) => [e.nodeId, e.answerId])).toEqual([
      ['a', 'x'],
      ['b', 'y'],
      ['c', null],
    ]);
    expect(position).toMatchObject({ returns: [], ended: false, undoable: 2 });
  });

  it('back undoes the last move still standing, including an objection and its return point', () => {
    const moves = [step('answer', 'b', 'x'), step('objection', 'o'), step('back', null)];
    expect(replay('a', 0, moves)).toMatchObject({ returns: [], undoable: 1, trail: [{ nodeId: 'a', answerId: 'x' }, { nodeId: 'b', answerId: null }] });
    // Two backs after two moves are back at the start; a further back changes nothing.
    expect(replay('a', 0, [...moves, step('back', null), step('back', null)])).toMatchObject({ undoable: 0, trail: [{ nodeId: 'a', answerId: null }] });
  });

  it('an answer leading nowhere returns from nested objection handlers innermost first, then ends the script', () => {
    const inner = replay('a', 0, [step('objection', 'o1'), step('objection', 'o2')]);
    expect(inner.returns).toEqual(['a', 'o1']);
    expect(answerMove(inner, null)).toEqual({ kind: 'return', nodeId: 'o1' });
    const out = replay('a', 0, [step('objection', 'o1'), step('objection', 'o2'), step('return', 'o1', 'r'), step('return', 'a', 'r')]);
    expect(out).toMatchObject({ returns: [], ended: false });
    expect(answerMove(out, null)).toEqual({ kind: 'answer', nodeId: null });
    expect(replay('a', 0, [step('answer', null, 'bye')])).toMatchObject({ ended: true, trail: [{ nodeId: 'a', answerId: 'bye' }] });
  });
});
