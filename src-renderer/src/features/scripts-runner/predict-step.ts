import type { ScriptRunGuide, ScriptRunState } from '#contract';

type GuideNode = ScriptRunGuide['nodes'][number];

/** A run's guide by node id. */
export function guideIndex(guide: ScriptRunGuide): ReadonlyMap<string, GuideNode> {
  return new Map(guide.nodes.map((node) => [node.id, node]));
}

/**
 * The state an answer leads to, as main will store it, for showing the next node before main has
 * answered. Only the plain case is foretold: an answer leading on to a node of the same version. An
 * answer that ends the script or returns from an objection handler, or a finished run, waits for main.
 */
export function predictAnswer(state: ScriptRunState, nodes: ReadonlyMap<string, GuideNode>, index: number, now: number): ScriptRunState | null {
  if (state.finishedAt !== null) return null;
  const answer = nodes.get(state.node.id)?.answers[index];
  const next = answer?.next ? nodes.get(answer.next) : undefined;
  if (!answer || !next) return null;
  const finished = next.kind === 'end' || (next.answers.length === 0 && next.disposition !== null);
  const left = state.path.map((step, i) => (i === state.path.length - 1 ? { ...step, answer: answer.label } : step));
  return {
    ...state,
    node: { ...next, answers: next.answers.map(({ id, label }) => ({ id, label })) },
    canGoBack: true,
    finishedAt: finished ? now : null,
    path: [...left, { nodeId: next.id, title: next.title, answer: null, at: now }],
  };
}
