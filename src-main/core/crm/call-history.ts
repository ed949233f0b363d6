import { and, desc, eq, sql } from 'drizzle-orm';
import type { MethodOutput, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { contacts, employees, interactions } from '#core/db/schema';
import { interactionItemColumns } from './interaction-columns';

/** Calls in and out, newest first, from the interaction history (kind = call). */
export function callHistory(db: ReadDb, request: MethodParams<'calls.history'>): MethodOutput<'calls.history'> {
  const where = and(
    eq(interactions.kind, 'call'),
    request.direction ? eq(interactions.direction, request.direction) : undefined,
  );
  const rows = db
    .select({
      ...interactionItemColumns,
      contactId: interactions.contactId,
      contactName: contacts.fullName,
      durationSeconds: interactions.durationSeconds,
    })
    .from(interactions)
    .leftJoin(contacts, eq(contacts.id, interactions.contactId))
    .leftJoin(employees, eq(employees.id, interactions.employeeId))
    .where(where)
    .orderBy(desc(interactions.occurredAt))
    .limit(request.limit)
    .offset(request.offset)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(interactions).where(where).get()?.n ?? 0;
  return { total, rows };
}
