import type { ScriptNode } from '#contract';

/** A stored move of a run (a row of script_run_steps). */
export interface RunStep {
  kind: 'answer' | 'back' | 'objection' | 'return';
  /** The node the move led to; null when an answer ended the script. */
  nodeId: string | null;
  answerId: string | null;
  at: number;
}

export interface TrailEntry {
  nodeId: string;
  /** The answer picked on this node to leave it (null while the operator is on it, or left it for an objection). */
  answerId: string | null;
  at: number;
}

/** Where a run stands after its moves. */
export interface RunPosition {
  trail: readonly TrailEntry[];
  /** Nodes to return to when the objection handlers being followed are done, innermost last. */
  returns: readonly string[];
  /** An answer leading nowhere ended the script. */
  ended: boolean;
  /** How many moves Backspace can undo. */
  undoable: number;
}

interface Frame {
  trail: TrailEntry[];
  returns: string[];
  ended: boolean;
}

/**
 * Replays a run's moves over its version. Every move is appended, never rewritten: `back` undoes the
 * last move still standing, so the replay keeps a stack of positions (a run has tens of moves, not more).
 */
export function replay(startNodeId: string, startedAt: number, steps: readonly RunStep[]): RunPosition {
  const frames: Frame[] = [{ trail: [{ nodeId: startNodeId, answerId: null, at: startedAt }], returns: [], ended: false }];
  for (const step of steps) {
    const top = frames[frames.length - 1]!;
    if (step.kind === 'back') {
      if (frames.length > 1) frames.pop();
      continue;
    }
    const trail = [...top.trail];
    const returns = [...top.returns];
    const last = trail[trail.length - 1]!;
    if (step.kind !== 'objection') trail[trail.length - 1] = { ...last, answerId: step.answerId };
    if (step.kind === 'objection') returns.push(last.nodeId);
    if (step.kind === 'return') returns.pop();
    if (step.nodeId !== null) trail.push({ nodeId: step.nodeId, answerId: null, at: step.at });
    frames.push({ trail, returns, ended: step.nodeId === null });
  }
  const top = frames[frames.length - 1]!;
  return { ...top, undoable: frames.length - 1 };
}

/** The move an answer makes: on to its node, back to where an objection was raised, or the end. */
export function answerMove(position: RunPosition, next: string | null): { kind: 'answer' | 'return'; nodeId: string | null } {
  if (next !== null) return { kind: 'answer', nodeId: next };
  const returnTo = position.returns[position.returns.length - 1];
  return returnTo === undefined ? { kind: 'answer', nodeId: null } : { kind: 'return', nodeId: returnTo };
}

/** A run stands on an end: an answer ended it, an end node, or a node that sets a disposition and offers nothing more. */
export function isFinished(position: RunPosition, node: ScriptNode): boolean {
  return position.ended || node.kind === 'end' || (node.answers.length === 0 && node.disposition !== null);
}

/** The disposition of the last node reached that sets one. */
export function dispositionOf(position: RunPosition, nodes: ReadonlyMap<string, ScriptNode>): ScriptNode['disposition'] {
  for (let i = position.trail.length - 1; i >= 0; i--) {
    const disposition = nodes.get(position.trail[i]!.nodeId)?.disposition ?? null;
    if (disposition) return disposition;
  }
  return null;
}
