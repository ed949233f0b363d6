import { describe, expect, it } from 'vitest';
import { advance, answerMove, replay, returnTo, trailOf, type RunPosition, type RunStep } from '#core/scripts/run-replay';

const step = (kind: RunStep['kind'], nodeId: string | null, answerId: string | null = null): RunStep => ({ kind, nodeId, answerId, at: 1 });

/** A position as plain values: the trail in order, the handlers' return points innermost last. */
function plain(position: RunPosition) {
  const returns: string[] = [];
  for (let cell = position.returns; cell; cell = cell.tail) returns.unshift(cell.head);
  return { trail: trailOf(position), returns, ended: position.ended, undoable: position.undoable };
}

describe('replaying a run from its appended moves', () => {
  it('follows answers and records the answer picked on each node', () => {
    const position = plain(replay('a', 0, [step('answer', 'b', 'x'), step('answer', 'c', 'y')]));
    expect(position.trail.map((e) => [e.nodeId, e.answerId])).toEqual([
      ['a', 'x'],
      ['b', 'y'],
      ['c', null],
    ]);
    expect(position).toMatchObject({ returns: [], ended: false, undoable: 2 });
  });

  it('back undoes the last move still standing, including an objection and its return point', () => {
    const moves = [step('answer', 'b', 'x'), step('objection', 'o'), step('back', null)];
    expect(plain(replay('a', 0, moves))).toMatchObject({ returns: [], undoable: 1, trail: [{ nodeId: 'a', answerId: 'x' }, { nodeId: 'b', answerId: null }] });
    // Two backs after two moves are back at the start; a further back changes nothing.
    expect(plain(replay('a', 0, [...moves, step('back', null), step('back', null)]))).toMatchObject({ undoable: 0, trail: [{ nodeId: 'a', answerId: null }] });
  });

  it('an answer leading nowhere returns from nested objection handlers innermost first, then ends the script', () => {
    const inner = replay('a', 0, [step('objection', 'o1'), step('objection', 'o2')]);
    expect(plain(inner).returns).toEqual(['a', 'o1']);
    expect(answerMove(inner, null)).toEqual({ kind: 'return', nodeId: 'o1' });
    const out = replay('a', 0, [step('objection', 'o1'), step('objection', 'o2'), step('return', 'o1', 'r'), step('return', 'a', 'r')]);
    expect(plain(out)).toMatchObject({ returns: [], ended: false });
    expect(answerMove(out, null)).toEqual({ kind: 'answer', nodeId: null });
    expect(plain(replay('a', 0, [step('answer', null, 'bye')]))).toMatchObject({ ended: true, trail: [{ nodeId: 'a', answerId: 'bye' }] });
  });

  it('a return without an answer leaves the handler on the path, and Backspace undoes it into the handler again', () => {
    const moves = [step('answer', 'b', 'x'), step('objection', 'o'), step('return', 'b')];
    const returned = replay('a', 0, moves);
    expect(plain(returned)).toMatchObject({
      returns: [],
      undoable: 3,
      trail: [
        { nodeId: 'a', answerId: 'x' },
        { nodeId: 'b', answerId: null },
        { nodeId: 'o', answerId: null },
        { nodeId: 'b', answerId: null },
      ],
    });
    const undone = replay('a', 0, [...moves, step('back', null)]);
    expect(returnTo(undone)).toBe('b');
    expect(trailOf(undone).map((e) => e.nodeId)).toEqual(['a', 'b', 'o']);
  });

  it('positions share their history: a later move leaves the earlier positions as they were', () => {
    const before = replay('a', 0, [step('answer', 'b', 'x')]);
    const answered = advance(before, step('answer', 'c', 'y'));
    const objected = advance(before, step('objection', 'o'));
    expect(trailOf(before)).toEqual([{ nodeId: 'a', answerId: 'x', at: 0 }, { nodeId: 'b', answerId: null, at: 1 }]);
    expect(trailOf(answered).map((e) => [e.nodeId, e.answerId])).toEqual([['a', 'x'], ['b', 'y'], ['c', null]]);
    expect(plain(objected)).toMatchObject({ returns: ['b'], trail: [{ nodeId: 'a' }, { nodeId: 'b', answerId: null }, { nodeId: 'o' }] });
    expect(advance(answered, step('back', null))).toBe(before);
  });
});
