import { randomUUID } from 'node:crypto';

/** Ids are injected so tests and the demo generator can produce stable ones. */
export interface IdGenerator {
  next(): string;
}

export const uuidGenerator: IdGenerator = { next: () => randomUUID() };

/** Deterministic ids `prefix-000001`, `prefix-000002`, … */
export function sequentialIds(prefix: string): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}
