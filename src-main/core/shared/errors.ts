import type { ErrorCode, ErrorParams, ErrorReason, PayloadIssue } from '#contract';

/**
 * An expected failure: bad input, a record that is gone, a server that said no.
 * It travels to the renderer as a value (`{ ok: false, error }`) with a stable code, and a reason
 * with params that the renderer words in the operator's language; the message stays English for logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    message: string,
    readonly params: ErrorParams = {},
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
    super('invalid_payload', issues[0]?.code ?? 'invalid_value', issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}

/** One field refused by a rule of main's, for InvalidInputError. */
export function issue(path: string, code: ErrorReason, message: string, params: ErrorParams = {}): PayloadIssue {
  return { path, code, params, message };
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', 'record_gone', `${what} ${id} does not exist (it may have been merged or erased)`, { id });
}
