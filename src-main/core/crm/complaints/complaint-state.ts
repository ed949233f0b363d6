import type { ComplaintState, ErrorReason } from '#contract';

/**
 * The complaint state machine (the diagram is on ComplaintState in the contract):
 *
 *   new ──▶ investigating ──▶ resolved ──▶ closed
 *                 ▲               │          │
 *                 └─── reopen ────┴──────────┘
 */
const allowed: Record<ComplaintState, readonly ComplaintState[]> = {
  new: ['investigating'],
  investigating: ['resolved'],
  resolved: ['closed', 'investigating'],
  closed: ['investigating'],
};

/** States in which a complaint is still being worked: a resolved one waits only for the client's confirmation. */
export const openComplaintStates = ['new', 'investigating'] as const satisfies readonly ComplaintState[];

/** What a move needs beyond being allowed. */
export interface TransitionInput {
  resolution?: string | undefined;
  result?: string | undefined;
  note?: string | undefined;
}

export type TransitionCheck = { ok: true; reopening: boolean } | { ok: false; code: ErrorReason; reason: string };

/** Whether a complaint may move from `from` to `to`, and what the refusal says when it may not. */
export function checkTransition(from: ComplaintState, to: ComplaintState, input: TransitionInput): TransitionCheck {
  if (!allowed[from].includes(to)) {
    return { ok: false, code: 'complaint_move_not_allowed', reason: `A ${from} complaint cannot become ${to}; from ${from} it can become ${allowed[from].join(' or ')}` };
  }
  const reopening = to === 'investigating' && (from === 'resolved' || from === 'closed');
  if (to === 'resolved' && (!input.resolution || !input.result)) {
    return { ok: false, code: 'resolve_needs_resolution', reason: 'Resolving needs the resolution (what was done) and the result for the client' };
  }
  if (reopening && !input.note) return { ok: false, code: 'reopen_needs_note', reason: 'Reopening needs a note saying why' };
  return { ok: true, reopening };
}

export function nextStates(from: ComplaintState): readonly ComplaintState[] {
  return allowed[from];
}
