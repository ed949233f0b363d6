import { BugError } from '#core/shared/errors';

/** An account's sync, as a person sees it in the calendar's side panel. */
export type SyncPhase = 'idle' | 'connecting' | 'pulling' | 'pushing' | 'offline' | 'failed';
export type SyncStep = 'start' | 'connected' | 'pulled' | 'pushed' | 'unreachable' | 'refused';

/**
 * Every allowed step of a sync run. `unreachable` (server down, timeout) leaves the account offline and
 * retried by itself; `refused` (wrong password, not CalDAV) waits for the person.
 */
const transitions: Record<SyncPhase, Partial<Record<SyncStep, SyncPhase>>> = {
  idle: { start: 'connecting' },
  offline: { start: 'connecting' },
  failed: { start: 'connecting' },
  connecting: { connected: 'pulling', unreachable: 'offline', refused: 'failed' },
  pulling: { pulled: 'pushing', unreachable: 'offline', refused: 'failed' },
  pushing: { pushed: 'idle', unreachable: 'offline', refused: 'failed' },
};

export function nextPhase(phase: SyncPhase, step: SyncStep): SyncPhase {
  const next = transitions[phase][step];
  if (!next) throw new BugError(`Calendar sync: no step "${step}" from "${phase}"`);
  return next;
}

export function isRunning(phase: SyncPhase): boolean {
  return phase === 'connecting' || phase === 'pulling' || phase === 'pushing';
}
