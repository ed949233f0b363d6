import type { ScriptAnswer, ScriptDefinition, ScriptNode, ScriptProblem } from '#contract';

/**
 * Edits of a script's draft as pure functions: the editor keeps the draft in state and replaces it
 * with what these return, so every change is one value the canvas, the side panel and Save all read.
 */

/** The first `prefix1`, `prefix2`… not taken: ids stay short and readable in exported JSON. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newScript(startTitle: string): ScriptDefinition {
  return {
    start: 'n1',
    nodes: [{ id: 'n1', kind: 'step', title: startTitle, text: '', answers: [], disposition: null, proposeCallback: false, sectionId: null, position: { x: 0, y: 0 } }],
    questionnaireId: null,
  };
}

function mapNode(script: ScriptDefinition, nodeId: string, change: (node: ScriptNode) => ScriptNode): ScriptDefinition {
  return { ...script, nodes: script.nodes.map((node) => (node.id === nodeId ? change(node) : node)) };
}

export function updateNode(script: ScriptDefinition, nodeId: string, patch: Partial<Omit<ScriptNode, 'id'>>): ScriptDefinition {
  return mapNode(script, nodeId, (node) => ({ ...node, ...patch }));
}

/** A new node of the kind asked, placed where the editor drops it; answers its id. */
export function addNode(script: ScriptDefinition, kind: ScriptNode['kind'], title: string, position: ScriptNode['position']): { script: ScriptDefinition; nodeId: string } {
  const nodeId = nextId('n', script.nodes.map((n) => n.id));
  const node: ScriptNode = { id: nodeId, kind, title, text: '', answers: [], disposition: null, proposeCallback: false, sectionId: null, position };
  return { script: { ...script, nodes: [...script.nodes, node] }, nodeId };
}

/** Removes a node; answers that led to it end the script instead of pointing at nothing. */
export function removeNode(script: ScriptDefinition, nodeId: string): ScriptDefinition {
  return {
    ...script,
    nodes: script.nodes
      .filter((node) => node.id !== nodeId)
      .map((node) => (node.answers.some((a) => a.next === nodeId) ? { ...node, answers: node.answers.map((a) => (a.next === nodeId ? { ...a, next: null } : a)) } : node)),
  };
}

export function addAnswer(script: ScriptDefinition, nodeId: string, label: string): ScriptDefinition {
  return mapNode(script, nodeId, (node) => ({ ...node, answers: [...node.answers, { id: nextId('a', node.answers.map((a) => a.id)), label, next: null }] }));
}

export function updateAnswer(script: ScriptDefinition, nodeId: string, answerId: string, patch: Partial<Omit<ScriptAnswer, 'id'>>): ScriptDefinition {
  return mapNode(script, nodeId, (node) => ({ ...node, answers: node.answers.map((a) => (a.id === answerId ? { ...a, ...patch } : a)) }));
}

export function removeAnswer(script: ScriptDefinition, nodeId: string, answerId: string): ScriptDefinition {
  return mapNode(script, nodeId, (node) => ({ ...node, answers: node.answers.filter((a) => a.id !== answerId) }));
}

/** The problems of each node, and those about no node (a missing start), for the canvas and the list. */
export function problemsByNode(problems: readonly ScriptProblem[]): Map<string | null, ScriptProblem[]> {
  const byNode = new Map<string | null, ScriptProblem[]>();
  for (const problem of problems) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
  return byNode;
}

/** Problems other than these two stop publishing (the contract says so of ScriptDocument.problems). */
export function isWarning(problem: Pick<ScriptProblem, 'code'>): boolean {
  return problem.code === 'unreachable' || problem.code === 'dead_end';
}

/** The arrows of the canvas: one per answer that leads to a node that exists. */
export function answerEdges(script: ScriptDefinition): { id: string; source: string; sourceHandle: string; target: string }[] {
  const ids = new Set(script.nodes.map((n) => n.id));
  return script.nodes.flatMap((node) =>
    node.answers.filter((a) => a.next !== null && ids.has(a.next)).map((a) => ({ id: `${node.id}:${a.id}`, source: node.id, sourceHandle: a.id, target: a.next as string })),
  );
}

/** The edge id answerEdges gives, read back into the answer it stands for. */
export function answerOfEdge(edgeId: string): { nodeId: string; answerId: string } | null {
  const at = edgeId.indexOf(':');
  return at > 0 ? { nodeId: edgeId.slice(0, at), answerId: edgeId.slice(at + 1) } : null;
}

/** Where a new node goes: right of the rightmost node, so it never lands on top of another. */
export function freePosition(script: ScriptDefinition): ScriptNode['position'] {
  if (script.nodes.length === 0) return { x: 0, y: 0 };
  const right = Math.max(...script.nodes.map((n) => n.position.x));
  const top = Math.min(...script.nodes.map((n) => n.position.y));
  return { x: right + 320, y: top };
}
