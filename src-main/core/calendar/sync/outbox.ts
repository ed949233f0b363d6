import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarEvents, calendarOutbox } from '#core/db/schema';
import type { IdGenerator } from '#core/shared/ids';

export type OutboxRow = typeof calendarOutbox.$inferSelect;

/**
 * Queues an item's change for the server in the caller's transaction. One row per item, updated in place:
 * a later edit replaces what is sent (the server only needs the latest text), a delete after edits sends the delete.
 */
export function enqueue(tx: WriteDb, deps: { ids: IdGenerator; now: number; author: string | null }, eventId: string, operation: 'put' | 'delete', revision: number): void {
  tx.insert(calendarOutbox)
    .values({ id: deps.ids.next(), eventId, operation, revision, nextAttemptAt: deps.now, createdAt: deps.now, updatedAt: deps.now, updatedBy: deps.author })
    .onConflictDoUpdate({
      target: calendarOutbox.eventId,
      set: { operation, revision, attempts: 0, nextAttemptAt: deps.now, lastError: null, updatedAt: deps.now, updatedBy: deps.author },
    })
    .run();
}

/** Changes due for the server in the given calendars, oldest first. */
export function dueOutbox(db: ReadDb, now: number, calendarIds: string[], limit = 500): OutboxRow[] {
  if (calendarIds.length === 0) return [];
  return db
    .select({ outbox: calendarOutbox })
    .from(calendarOutbox)
    .innerJoin(calendarEvents, eq(calendarEvents.id, calendarOutbox.eventId))
    .where(and(lte(calendarOutbox.nextAttemptAt, now), inArray(calendarEvents.calendarId, calendarIds)))
    .orderBy(asc(calendarOutbox.nextAttemptAt))
    .limit(limit)
    .all()
    .map((r) => r.outbox);
}

/** The server took the change: the row goes, unless a newer edit arrived while it was on its way. */
export function sent(tx: WriteDb, row: OutboxRow): void {
  tx.delete(calendarOutbox).where(and(eq(calendarOutbox.id, row.id), eq(calendarOutbox.revision, row.revision))).run();
}

/** Tried and failed (server down): tried again later, later each time, up to a quarter of an hour. */
export function retryLater(tx: WriteDb, row: OutboxRow, now: number, error: string): void {
  const delay = Math.min(15 * 60_000, 5_000 * 2 ** Math.min(row.attempts, 8));
  tx.update(calendarOutbox)
    .set({ attempts: row.attempts + 1, nextAttemptAt: now + delay, lastError: error })
    .where(eq(calendarOutbox.id, row.id))
    .run();
}

/**
 * Not sent because the server is out of reach: stays due. The account's own offline retries pace the next
 * attempt, and a "sync now" once the server is back must send it at once, not after this item's backoff.
 */
export function unreachable(tx: WriteDb, row: OutboxRow, error: string): void {
  tx.update(calendarOutbox).set({ lastError: error }).where(eq(calendarOutbox.id, row.id)).run();
}

/** Held while its conflict waits for a person's choice. */
export function hold(tx: WriteDb, eventId: string, error: string): void {
  tx.update(calendarOutbox).set({ nextAttemptAt: Number.MAX_SAFE_INTEGER, lastError: error }).where(eq(calendarOutbox.eventId, eventId)).run();
}

export function drop(tx: WriteDb, eventId: string): void {
  tx.delete(calendarOutbox).where(eq(calendarOutbox.eventId, eventId)).run();
}
