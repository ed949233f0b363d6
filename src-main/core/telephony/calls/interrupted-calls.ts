import { isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '#core/db/connection';
import { calls } from '#core/db/schema';

export const interruptedReason = 'The workstation stopped during this call (closed or crashed); when the call really ended is not known';

/**
 * Calls the history still shows ringing or in progress when the phone starts were cut off by the workstation
 * stopping: nothing can end them any more. They are closed now, honestly: ended by the system at the last
 * moment known of them (the answer, else the start), answered ones kept as answered, others as missed
 * (incoming) or failed (outgoing). Returns how many were closed.
 */
export function closeInterruptedCalls(database: AppDatabase): number {
  return database.write(
    (tx) =>
      tx
        .update(calls)
        .set({
          endedAt: sql`coalesce(${calls.answeredAt}, ${calls.startedAt})`,
          endedBy: 'system',
          endReason: interruptedReason,
          disposition: sql`case when ${calls.answeredAt} is not null then 'answered' when ${calls.direction} = 'in' then 'missed' else 'failed' end`,
        })
        .where(isNull(calls.endedAt))
        .run().changes,
  );
}
