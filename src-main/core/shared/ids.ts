import { randomBytes, randomUUID } from 'node:crypto';

/** Ids are injected so tests and the demo generator can produce stable ones. */
export interface IdGenerator {
  next(): string;
}

/** Random UUIDs (v4), for ids that are never inserted in bulk. */
export const uuidGenerator: IdGenerator = { next: () => randomUUID() };

/**
 * Time-ordered UUIDs (v7: 48 bits of milliseconds, then randomness). Records are primary-keyed by
 * these text ids, and keys that grow with time are appended to the B-tree instead of landing on a
 * random page: an import of a million rows runs close to twice as fast as with v4.
 */
export function timeOrderedIds(now: () => number = Date.now): IdGenerator {
  let lastMs = 0;
  let sequence = 0;
  // Randomness drawn 64 KB at a time: a call into the OS per id was a sixth of an import's time.
  let pool = Buffer.alloc(0);
  let at = 0;
  return {
    next: () => {
      const ms = Math.max(now(), lastMs);
      sequence = ms === lastMs ? sequence + 1 : 0;
      lastMs = ms;
      if (at + 16 > pool.length) {
        pool = randomBytes(64 * 1024);
        at = 0;
      }
      const bytes = Buffer.from(pool.subarray(at, at + 16));
      at += 16;
      bytes.writeUIntBE(ms, 0, 6);
      // 12 bits of a per-millisecond counter keep ids from one millisecond in order too.
      bytes[6] = 0x70 | ((sequence >> 8) & 0x0f);
      bytes[7] = sequence & 0xff;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}

/** Deterministic ids `prefix-000001`, `prefix-000002`, … */
export function sequentialIds(prefix: string): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}
