/**
 * A lifecycle as an explicit transition table: every state lists the states it may move to, and a move
 * the table does not list is a bug in the caller, thrown at once rather than shown to the operator.
 * Calls, registrations and (as they come) campaigns, dialing modes and sync each declare one.
 */
export class InvalidTransitionError extends Error {
  constructor(
    readonly lifecycle: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`A ${lifecycle} cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export interface Lifecycle<S extends string> {
  readonly name: string;
  can(from: S, to: S): boolean;
  /** Throws InvalidTransitionError when the table has no such move. */
  assert(from: S, to: S): void;
}

export function defineLifecycle<S extends string>(name: string, table: Partial<Record<S, readonly S[]>>): Lifecycle<S> {
  const can = (from: S, to: S): boolean => table[from]?.includes(to) ?? false;
  return {
    name,
    can,
    assert(from, to) {
      if (!can(from, to)) throw new InvalidTransitionError(name, from, to);
    },
  };
}
