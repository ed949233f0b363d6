import type { ErrorCode, PayloadIssue } from '#contract';

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

/** Input that passed the contract's shape but not a rule only main can check (a phone that is no number, a tag of another kind). */
export class InvalidInputError extends DomainError {
  constructor(readonly issues: PayloadIssue[]) {
    super('invalid_payload', issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `${what} ${id} does not exist (it may have been merged or erased)`, { id });
}
