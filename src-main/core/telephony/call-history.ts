import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { MethodOutput, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calls, contacts, employees, interactions } from '#core/db/schema';
import { interactionItemColumns } from '#core/crm/interaction-columns';


/**
 * A missed call counts as returned once the number was called back, or called again and got an
 * answer. Index lookup on calls(remote_key, started_at).
 */
const returned = sql`exists (select 1 from "calls" as "later" where "later"."remote_key" = "calls"."remote_key" and "later"."remote_key" <> '' and "later"."started_at" > "calls"."started_at" and ("later"."direction" = 'out' or "later"."answered_at" is not null))`;

/** How far back the missed-call badge looks. */
export const missedBadgeDays = 7;

/**
 * Calls in and out, newest first: the client history's calls (kind = call) with what the phone
 * recorded about them. Calls logged by hand have no telephony facts and are listed all the same.
 */
export function callHistory(db: ReadDb, request: MethodParams<'calls.history'>): MethodOutput<'calls.history'> {
  const where = and(
    eq(interactions.kind, 'call'),
    request.direction ? eq(interactions.direction, request.direction) : undefined,
    request.missed ? eq(calls.disposition, 'missed') : undefined,
    request.employeeId ? eq(interactions.employeeId, request.employeeId) : undefined,
    request.from !== undefined ? gte(interactions.occurredAt, request.from) : undefined,
    request.to !== undefined ? lte(interactions.occurredAt, request.to) : undefined,
  );
  const rows = db
    .select({
      ...interactionItemColumns,
      contactId: interactions.contactId,
      contactName: contacts.fullName,
      durationSeconds: interactions.durationSeconds,
      remoteNumber: calls.remoteNumber,
      remoteName: calls.remoteName,
      disposition: calls.disposition,
      endedBy: calls.endedBy,
      endReason: calls.endReason,
      mos: calls.mos,
      hasRecording: sql<number>`${calls.recordingFile} is not null`,
      returned: sql<number>`case when ${calls.disposition} = 'missed' then ${returned} else 0 end`,
    })
    .from(interactions)
    .leftJoin(calls, eq(calls.interactionId, interactions.id))
    .leftJoin(contacts, eq(contacts.id, interactions.contactId))
    .leftJoin(employees, eq(employees.id, interactions.employeeId))
    .where(where)
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(request.limit)
    .offset(request.offset)
    .all();
  const total = db.select({ n: count() }).from(interactions).leftJoin(calls, eq(calls.interactionId, interactions.id)).where(where).get()?.n ?? 0;
  return { total, rows: rows.map((row) => ({ ...row, returned: row.returned === 1, hasRecording: row.hasRecording === 1 })) };
}

/** The badge: missed calls of the last days that nobody answered or called back yet. */
export function missedCalls(db: ReadDb, now: number): MethodOutput<'calls.missed'> {
  const since = now - missedBadgeDays * 86_400_000;
  const row = db
    .select({ n: count() })
    .from(calls)
    .where(and(eq(calls.disposition, 'missed'), gte(calls.startedAt, since), sql`not ${returned}`))
    .get();
  return { count: row?.n ?? 0, since };
}
