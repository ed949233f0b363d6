import type { ErrorCode } from '#contract';

/**
 * An expected failure: bad input, a record that is gone, a server that said no.
 * It travels to the renderer as a value (`{ ok: false, error }`) with a stable code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A broken invariant in our own code. Logged loudly; the renderer sees only `internal`. */
export class BugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
}
