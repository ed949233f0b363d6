import { describe, expect, it } from 'vitest';
import {
  addAnswer,
  addNode,
  answerEdges,
  answerOfEdge,
  freePosition,
  isWarning,
  newScript,
  nextId,
  problemsByNode,
  removeAnswer,
  removeNode,
  updateAnswer,
} from '#renderer/features/scripts/script-draft';

describe('editing a script draft', () => {
  it('gives the first free short id', () => {
    expect(nextId('n', ['n1', 'n2', 'n4'])).toBe('n3');
    expect(nextId('a', [])).toBe('a1');
  });

  it('adds nodes right of the others and answers that lead nowhere until connected', () => {
    const { script, nodeId } = addNode(newScript('Greeting'), 'objection', 'Too expensive', freePosition(newScript('Greeting')));
    expect(nodeId).toBe('n2');
    expect(script.nodes[1]).toMatchObject({ id: 'n2', kind: 'objection', position: { x: 320, y: 0 } });
    const withAnswer = addAnswer(addAnswer(script, 'n1', 'Yes'), 'n1', 'No');
    expect(withAnswer.nodes[0]?.answers).toEqual([
      { id: 'a1', label: 'Yes', next: null },
      { id: 'a2', label: 'No', next: null },
    ]);
  });

  it('draws one edge per answer that leads to an existing node, and reads the edge back', () => {
    let script = addNode(newScript('Greeting'), 'step', 'Offer', { x: 300, y: 0 }).script;
    script = addAnswer(addAnswer(script, 'n1', 'Yes'), 'n1', 'Later');
    script = updateAnswer(script, 'n1', 'a1', { next: 'n2' });
    script = updateAnswer(script, 'n1', 'a2', { next: 'gone' });
    expect(answerEdges(script)).toEqual([{ id: 'n1:a1', source: 'n1', sourceHandle: 'a1', target: 'n2' }]);
    expect(answerOfEdge('n1:a1')).toEqual({ nodeId: 'n1', answerId: 'a1' });
    expect(answerOfEdge('broken')).toBeNull();
  });

  it('turns answers that led to a removed node into endings', () => {
    let script = addNode(newScript('Greeting'), 'step', 'Offer', { x: 300, y: 0 }).script;
    script = updateAnswer(addAnswer(script, 'n1', 'Yes'), 'n1', 'a1', { next: 'n2' });
    const removed = removeNode(script, 'n2');
    expect(removed.nodes.map((n) => n.id)).toEqual(['n1']);
    expect(removed.nodes[0]?.answers[0]?.next).toBeNull();
    expect(removeAnswer(script, 'n1', 'a1').nodes[0]?.answers).toEqual([]);
  });

  it('groups problems by node and tells warnings from errors that stop publishing', () => {
    const grouped = problemsByNode([
      { nodeId: 'n2', code: 'unreachable', detail: null },
      { nodeId: 'n2', code: 'dead_end', detail: null },
      { nodeId: null, code: 'missing_start', detail: 'n9' },
    ]);
    expect(grouped.get('n2')?.map((p) => p.code)).toEqual(['unreachable', 'dead_end']);
    expect(grouped.get(null)?.length).toBe(1);
    expect(isWarning({ code: 'unreachable' })).toBe(true);
    expect(isWarning({ code: 'missing_target' })).toBe(false);
  });
});
