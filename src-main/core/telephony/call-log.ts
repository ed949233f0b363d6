import { eq } from 'drizzle-orm';
import type { AppDatabase } from '#core/db/connection';
import { calls, contacts, interactions } from '#core/db/schema';

export type Disposition = typeof calls.$inferSelect.disposition;

export interface CallStart {
  interactionId: string;
  accountId: string | null;
  direction: 'in' | 'out';
  remoteNumber: string;
  /** The identity as it arrived (header text) or as dialled. */
  remoteRaw: string | null;
  remoteName: string | null;
  /** See calls.remoteKey. */
  remoteKey: string;
  sipCallId: string | null;
  contactId: string | null;
  companyId: string | null;
  employeeId: string | null;
  startedAt: number;
}

/**
 * Writes calls into the history as they happen, from main, whatever the window does: a row when
 * the call starts ringing, its answer time, its end (who hung up, why, for how long). Each step is
 * its own small transaction, so a crash keeps what was known up to then.
 */
export class CallLog {
  constructor(private readonly database: AppDatabase) {}

  started(call: CallStart): void {
    this.database.write((tx) => {
      const companyId =
        call.companyId ??
        (call.contactId ? (tx.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, call.contactId)).get()?.companyId ?? null) : null);
      tx.insert(interactions)
        .values({
          id: call.interactionId,
          kind: 'call',
          direction: call.direction,
          occurredAt: call.startedAt,
          employeeId: call.employeeId,
          contactId: call.contactId,
          companyId,
          subject: '',
          durationSeconds: 0,
          createdAt: call.startedAt,
        })
        .run();
      tx.insert(calls)
        .values({
          interactionId: call.interactionId,
          accountId: call.accountId,
          direction: call.direction,
          remoteNumber: call.remoteNumber,
          remoteRaw: call.remoteRaw,
          remoteName: call.remoteName,
          remoteKey: call.remoteKey,
          sipCallId: call.sipCallId,
          startedAt: call.startedAt,
          disposition: 'ringing',
        })
        .run();
    });
  }

  answered(interactionId: string, at: number): void {
    this.database.write((tx) => tx.update(calls).set({ answeredAt: at, disposition: 'active' }).where(eq(calls.interactionId, interactionId)).run());
  }

  ended(interactionId: string, end: { at: number; by: 'local' | 'remote' | 'system'; reason: string | null; disposition: Disposition }): void {
    this.database.write((tx) => {
      const row = tx.select({ answeredAt: calls.answeredAt }).from(calls).where(eq(calls.interactionId, interactionId)).get();
      tx.update(calls).set({ endedAt: end.at, endedBy: end.by, endReason: end.reason, disposition: end.disposition }).where(eq(calls.interactionId, interactionId)).run();
      const seconds = row?.answeredAt ? Math.max(0, Math.round((end.at - row.answeredAt) / 1000)) : 0;
      tx.update(interactions).set({ durationSeconds: seconds }).where(eq(interactions.id, interactionId)).run();
    });
  }

  /** The operator's wrap-up: what the call was about and how it went. */
  wrapUp(interactionId: string, subject: string, outcome: string | null): void {
    this.database.write((tx) => tx.update(interactions).set({ subject, outcome }).where(eq(interactions.id, interactionId)).run());
  }

  /** A contact created from a call (or found later) gets the call on their timeline. */
  linkContact(interactionId: string, contactId: string): void {
    this.database.write((tx) => {
      const companyId = tx.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, contactId)).get()?.companyId ?? null;
      tx.update(interactions).set({ contactId, companyId }).where(eq(interactions.id, interactionId)).run();
    });
  }

  /** The call's recording file (relative to the data directory), once its first piece is written. */
  recorded(interactionId: string, fileName: string): void {
    this.database.write((tx) => tx.update(calls).set({ recordingFile: fileName }).where(eq(calls.interactionId, interactionId)).run());
  }

  quality(interactionId: string, q: { jitterMs: number; packetLossPercent: number; roundTripMs: number; mos: number }): void {
    this.database.write((tx) => tx.update(calls).set(q).where(eq(calls.interactionId, interactionId)).run());
  }
}

/**
 * How a call ended, for the history: from its direction, whether it was answered, who ended it,
 * and the SIP status of a refusal.
 */
export function dispositionOf(end: { direction: 'in' | 'out'; answered: boolean; by: 'local' | 'remote' | 'system'; statusCode: number | null; transferred: boolean }): Disposition {
  if (end.transferred) return 'transferred';
  if (end.answered) return 'answered';
  if (end.direction === 'in') return end.by === 'local' ? 'rejected' : 'missed';
  if (end.by === 'local') return 'cancelled';
  if (end.statusCode === 486 || end.statusCode === 600) return 'busy';
  if (end.statusCode === 408 || end.statusCode === 480 || end.statusCode === 487) return 'no_answer';
  if (end.statusCode === 603) return 'rejected';
  return 'failed';
}
