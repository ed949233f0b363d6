import { and, eq, sql } from 'drizzle-orm';
import type { QaCall } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calls, campaigns, contacts, employees, interactions, qaReviews, questionnaireResponses, scriptRuns } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { listReviews } from './reviews';

/** One call for its page: what happened, whether it was recorded, whether a script ran, and its reviews. */
export function callPage(db: ReadDb, callId: string): QaCall {
  const row = db
    .select({
      id: interactions.id,
      occurredAt: interactions.occurredAt,
      direction: interactions.direction,
      subject: interactions.subject,
      outcome: interactions.outcome,
      durationSeconds: interactions.durationSeconds,
      remoteNumber: calls.remoteNumber,
      remoteName: calls.remoteName,
      contactId: contacts.id,
      contactName: contacts.fullName,
      operatorId: employees.id,
      operatorName: employees.name,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      disposition: calls.disposition,
      talkSeconds: calls.talkSeconds,
      holdSeconds: calls.holdSeconds,
      wrapUpSeconds: calls.wrapUpSeconds,
      mos: calls.mos,
      hasRecording: sql<number>`${calls.recordingFile} is not null`,
      // Both lookups go through the call_id indexes of their tables.
      scripted: sql<number>`EXISTS (SELECT 1 FROM ${scriptRuns} WHERE ${scriptRuns.callId} = ${interactions.id}) OR EXISTS (SELECT 1 FROM ${questionnaireResponses} WHERE ${questionnaireResponses.callId} = ${interactions.id})`,
    })
    .from(interactions)
    .leftJoin(calls, eq(calls.interactionId, interactions.id))
    .leftJoin(contacts, eq(contacts.id, interactions.contactId))
    .leftJoin(employees, eq(employees.id, sql`coalesce(${calls.employeeId}, ${interactions.employeeId})`))
    .leftJoin(campaigns, eq(campaigns.id, calls.campaignId))
    .where(and(eq(interactions.id, callId), eq(interactions.kind, 'call')))
    .get();
  if (!row) throw notFound('Call', callId);
  const ref = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    direction: row.direction,
    subject: row.subject,
    outcome: row.outcome,
    durationSeconds: row.durationSeconds,
    remoteNumber: row.remoteNumber,
    remoteName: row.remoteName,
    contact: ref(row.contactId, row.contactName),
    operator: ref(row.operatorId, row.operatorName),
    campaign: ref(row.campaignId, row.campaignName),
    disposition: row.disposition,
    talkSeconds: row.talkSeconds,
    holdSeconds: row.holdSeconds,
    wrapUpSeconds: row.wrapUpSeconds,
    mos: row.mos,
    hasRecording: row.hasRecording === 1,
    scripted: row.scripted === 1,
    reviews: listReviews(db, eq(qaReviews.callId, callId)),
  };
}
