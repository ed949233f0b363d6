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
  /** The answer picked on this node to leave it (null while the operator is on it, or left it for an objection or a return). */
  answerId: string | null;
  at: number;
}

/** A list newest first whose tails positions share, so a move adds one cell instead of copying what came before. */
interface Cell<T> {
  readonly head: T;
  readonly tail: Cell<T> | null;
}

/**
 * Where a run stands after its moves. Every move is appended, never rewritten: `back` undoes the last
 * move still standing, so each position keeps the one before its last move. Positions share their
 * history, so a move costs the same on the first node and the two-hundredth.
 */
export interface RunPosition {
  /** The nodes reached, the current one first (trailOf gives them in order). */
  readonly trail: Cell<TrailEntry>;
  /** Nodes to return to when the objection handlers being followed are done, innermost first. */
  readonly returns: Cell<string> | null;
  /** An answer leading nowhere ended the script. */
  readonly ended: boolean;
  /** How many moves Backspace can undo. */
  readonly undoable: number;
  /** Where Backspace goes: the position before the last move still standing. */
  readonly previous: RunPosition | null;
}

export function startPosition(startNodeId: string, startedAt: number): RunPosition {
  return { trail: { head: { nodeId: startNodeId, answerId: null, at: startedAt }, tail: null }, returns: null, ended: false, undoable: 0, previous: null };
}

/** The position one more move leads to. */
export function advance(position: RunPosition, step: RunStep): RunPosition {
  if (step.kind === 'back') return position.previous ?? position;
  const here = position.trail.head;
  // An objection leaves the node as it was (it is returned to); any other move records how it was left.
  let trail: Cell<TrailEntry> = step.kind === 'objection' ? position.trail : { head: { ...here, answerId: step.answerId }, tail: position.trail.tail };
  if (step.nodeId !== null) trail = { head: { nodeId: step.nodeId, answerId: null, at: step.at }, tail: trail };
  const returns = step.kind === 'objection' ? { head: here.nodeId, tail: position.returns } : step.kind === 'return' ? (position.returns?.tail ?? null) : position.returns;
  return { trail, returns, ended: step.nodeId === null, undoable: position.undoable + 1, previous: position };
}

/** Replays a run's moves from its start: how a position is rebuilt from script_run_steps. */
export function replay(startNodeId: string, startedAt: number, steps: readonly RunStep[]): RunPosition {
  return steps.reduce(advance, startPosition(startNodeId, startedAt));
}

/** The nodes reached, in the order they were reached. */
export function trailOf(position: RunPosition): TrailEntry[] {
  const entries: TrailEntry[] = [];
  for (let cell: Cell<TrailEntry> | null = position.trail; cell; cell = cell.tail) entries.push(cell.head);
  return entries.reverse();
}

/** The node the operator is on. */
export function currentNodeId(position: RunPosition): string {
  return position.trail.head.nodeId;
}

/** Where the innermost objection handler being followed returns to, if one is. */
export function returnTo(position: RunPosition): string | null {
  return position.returns?.head ?? null;
}

/** The move an answer makes: on to its node, back to where an objection was raised, or the end. */
export function answerMove(position: RunPosition, next: string | null): { kind: 'answer' | 'return'; nodeId: string | null } {
  if (next !== null) return { kind: 'answer', nodeId: next };
  const back = returnTo(position);
  return back === null ? { kind: 'answer', nodeId: null } : { kind: 'return', nodeId: back };
}

/** A run stands on an end: an answer ended it, an end node, or a node that sets a disposition and offers nothing more. */
export function isFinished(position: RunPosition, node: ScriptNode): boolean {
  return position.ended || node.kind === 'end' || (node.answers.length === 0 && node.disposition !== null);
}

/** The disposition of the last node reached that sets one. */
export function dispositionOf(position: RunPosition, nodes: ReadonlyMap<string, ScriptNode>): ScriptNode['disposition'] {
  for (let cell: Cell<TrailEntry> | null = position.trail; cell; cell = cell.tail) {
    const disposition = nodes.get(cell.head.nodeId)?.disposition ?? null;
    if (disposition) return disposition;
  }
  return null;
}
