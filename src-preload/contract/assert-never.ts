/**
 * Closes a `switch` over a union (call states, areas, job kinds): adding a member breaks
 * compilation wherever it is not handled. Reaching it at run time is a bug.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
