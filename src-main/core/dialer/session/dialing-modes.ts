import { defineLifecycle } from '#core/shared/lifecycle';

/**
 * Where an operator working a campaign stands. `previewing`: the next person's card is on screen (preview
 * mode only); `dialing`: attempts are out and the operator waits for an answer; `on_call`: talking;
 * `wrap_up`: the call ended and the disposition is being chosen (with the campaign's wrap-up timer);
 * `paused`: away, with a reason (or the phone is unregistered).
 */
export const operatorStates = ['off', 'ready', 'previewing', 'dialing', 'on_call', 'wrap_up', 'paused'] as const;
export type OperatorState = (typeof operatorStates)[number];

/**
 * Preview: the card first; the operator dials it (a click or the countdown) or skips it with a reason.
 *
 *   ready ─▶ previewing ─▶ dialing ─▶ on_call ─▶ wrap_up ─▶ ready
 *                │  (skip)     │ (no answer)
 *                └─▶ ready ◀───┘
 */
export const previewMode = defineLifecycle<OperatorState>('preview dialing', {
  off: ['ready', 'paused'],
  ready: ['previewing', 'paused', 'off'],
  previewing: ['dialing', 'ready', 'paused', 'off'],
  dialing: ['on_call', 'ready', 'paused'],
  on_call: ['wrap_up'],
  wrap_up: ['ready', 'paused', 'off'],
  paused: ['ready', 'off'],
});

/** Progressive and power share the operator's moves: no card first; dialing starts as soon as they are ready. */
const dialsWhenReady: Partial<Record<OperatorState, readonly OperatorState[]>> = {
  off: ['ready', 'paused'],
  ready: ['dialing', 'paused', 'off'],
  dialing: ['on_call', 'ready', 'paused'],
  on_call: ['wrap_up'],
  wrap_up: ['ready', 'paused', 'off'],
  paused: ['ready', 'off'],
};

/**
 * Progressive: the next number dials as soon as the operator is ready; one attempt at a time.
 *
 *   ready ─▶ dialing ─▶ on_call ─▶ wrap_up ─▶ ready
 *               └─(no answer)─▶ ready
 */
export const progressiveMode = defineLifecycle<OperatorState>('progressive dialing', dialsWhenReady);

/**
 * Power: the same moves, but `dialing` keeps several attempts out per ready operator at the paced ratio
 * (power-pacing.ts); the first answer goes to the operator, answers that find nobody free hear the abandon
 * message and end, counted as abandoned.
 */
export const powerMode = defineLifecycle<OperatorState>('power dialing', dialsWhenReady);

export const dialingModes = { preview: previewMode, progressive: progressiveMode, power: powerMode } as const;
