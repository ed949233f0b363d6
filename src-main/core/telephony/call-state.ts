import type { CallState } from '#contract';
import { defineLifecycle } from '#core/shared/lifecycle';

/**
 * A call's life, as the operator sees it:
 *
 *   out:  dialing ─▶ ringing_out ─┐
 *   in:   ringing_in ─▶ answering ─┴─▶ active ⇄ holding ─▶ held ⇄ resuming
 *                                       │  (a refused hold or resume falls back)
 *   any state ─▶ ending ─▶ ended         └──▶ ended
 *
 * "held" only after the other side accepted the re-INVITE: the phone bar never claims a hold
 * that did not happen.
 */
export const callLifecycle = defineLifecycle<CallState>('call', {
  dialing: ['ringing_out', 'active', 'ending', 'ended'],
  ringing_out: ['active', 'ending', 'ended'],
  ringing_in: ['answering', 'ending', 'ended'],
  answering: ['active', 'ending', 'ended'],
  active: ['holding', 'ending', 'ended'],
  holding: ['held', 'active', 'ending', 'ended'],
  held: ['resuming', 'ending', 'ended'],
  resuming: ['active', 'held', 'ending', 'ended'],
  ending: ['ended'],
  ended: [],
});

/** What the operator may do in a state, for command checks and their messages. */
export const commands = {
  answer: ['ringing_in'],
  reject: ['ringing_in'],
  hangup: ['dialing', 'ringing_out', 'active', 'holding', 'held', 'resuming', 'answering'],
  hold: ['active'],
  resume: ['held'],
  dtmf: ['active'],
  transfer: ['active', 'held'],
} as const satisfies Record<string, readonly CallState[]>;

export type CallCommand = keyof typeof commands;

/** Why a command is refused in a state, and what to do instead. */
export function commandRefusal(command: CallCommand, state: CallState): string | null {
  if ((commands[command] as readonly CallState[]).includes(state)) return null;
  if (command === 'hangup' && state === 'ringing_in') return 'The call is still ringing: reject it instead of hanging up';
  if (command === 'answer' && state !== 'ringing_in') return 'Only a ringing incoming call can be answered';
  if (command === 'resume' && state === 'active') return 'The call is not on hold';
  if (command === 'hold' && state === 'held') return 'The call is already on hold';
  return `Cannot ${command} a call that is ${state.replace('_', ' ')}`;
}
