import { eq } from 'drizzle-orm';
import type { AppDatabase } from '#core/db/connection';
import { preparedOnce } from '#core/db/prepared-once';
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
  /** The campaign a dialer placed the call for (none: the operator's own call). */
  campaignId?: string | null;
  startedAt: number;
}

/** What every call writes as it starts, is answered and ends (a power dialer's several a second): prepared once per connection. */
const statements = preparedOnce((sqlite) => ({
  companyOf: sqlite.prepare<[string], { companyId: string | null }>('SELECT company_id AS companyId FROM contacts WHERE id = ?'),
  interaction: sqlite.prepare<[Pick<CallStart, 'interactionId' | 'direction' | 'startedAt' | 'employeeId' | 'contactId' | 'companyId'>]>(
    `INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, contact_id, company_id, subject, duration_seconds, created_at)
     VALUES (@interactionId, 'call', @direction, @startedAt, @employeeId, @contactId, @companyId, '', 0, @startedAt)`,
  ),
  call: sqlite.prepare<[Omit<CallStart, 'contactId' | 'companyId' | 'campaignId'> & { campaignId: string | null }]>(
    `INSERT INTO calls (interaction_id, account_id, direction, remote_number, remote_raw, remote_name, remote_key, sip_call_id, started_at, disposition, employee_id, campaign_id)
     VALUES (@interactionId, @accountId, @direction, @remoteNumber, @remoteRaw, @remoteName, @remoteKey, @sipCallId, @startedAt, 'ringing', @employeeId, @campaignId)`,
  ),
  answered: sqlite.prepare<[number, string]>(`UPDATE calls SET answered_at = ?, disposition = 'active' WHERE interaction_id = ?`),
  answeredAt: sqlite.prepare<[string], { answeredAt: number | null }>('SELECT answered_at AS answeredAt FROM calls WHERE interaction_id = ?'),
  ended: sqlite.prepare<[{ interactionId: string; at: number; by: string; reason: string | null; disposition: Disposition; talk: number; hold: number }]>(
    `UPDATE calls SET ended_at = @at, ended_by = @by, end_reason = @reason, disposition = @disposition, talk_seconds = @talk, hold_seconds = @hold
     WHERE interaction_id = @interactionId`,
  ),
  // The first wrap-up only: later edits of the subject do not make the operator's wrap-up time longer.
  wrappedUp: sqlite.prepare<[{ interactionId: string; at: number }]>(
    `UPDATE calls SET wrap_up_seconds = CASE WHEN ended_at IS NULL THEN 0 ELSE MAX(0, (@at - ended_at + 500) / 1000) END
     WHERE interaction_id = @interactionId AND wrap_up_seconds IS NULL`,
  ),
  duration: sqlite.prepare<[number, string]>('UPDATE interactions SET duration_seconds = ? WHERE id = ?'),
}));

/**
 * Writes calls into the history as they happen, from main, whatever the window does: a row when
 * the call starts ringing, its answer time, its end (who hung up, why, for how long). Each step is
 * its own small transaction, so a crash keeps what was known up to then.
 */
export class CallLog {
  constructor(private readonly database: AppDatabase) {}

  started(call: CallStart): void {
    this.database.write((tx) => {
      const s = statements(tx);
      const companyId = call.companyId ?? (call.contactId ? (s.companyOf.get(call.contactId)?.companyId ?? null) : null);
      const { interactionId, direction, startedAt, employeeId, contactId } = call;
      s.interaction.run({ interactionId, direction, startedAt, employeeId, contactId, companyId });
      const { accountId, remoteNumber, remoteRaw, remoteName, remoteKey, sipCallId } = call;
      const campaignId = call.campaignId ?? null;
      s.call.run({ interactionId, accountId, direction, remoteNumber, remoteRaw, remoteName, remoteKey, sipCallId, startedAt, employeeId, campaignId });
    });
  }

  answered(interactionId: string, at: number): void {
    this.database.write((tx) => statements(tx).answered.run(at, interactionId));
  }

  /** `heldMs`: how long the other side was on hold (see CallSession.heldMs); talk time is the answered time without it. */
  ended(interactionId: string, end: { at: number; by: 'local' | 'remote' | 'system'; reason: string | null; disposition: Disposition; heldMs: number }): void {
    this.database.write((tx) => {
      const s = statements(tx);
      const row = s.answeredAt.get(interactionId);
      const { heldMs, ...rest } = end;
      const seconds = row?.answeredAt ? Math.max(0, Math.round((end.at - row.answeredAt) / 1000)) : 0;
      const hold = row?.answeredAt ? Math.min(seconds, Math.round(heldMs / 1000)) : 0;
      s.ended.run({ interactionId, ...rest, talk: seconds - hold, hold });
      s.duration.run(seconds, interactionId);
    });
  }

  /**
   * The operator's wrap-up: what the call was about and how it went. The first one also fixes the wrap-up time
   * (from the call's end to `at`; 0 when written while the call was still up).
   */
  wrapUp(interactionId: string, subject: string, outcome: string | null, at: number): void {
    this.database.write((tx) => {
      tx.update(interactions).set({ subject, outcome }).where(eq(interactions.id, interactionId)).run();
      statements(tx).wrappedUp.run({ interactionId, at });
    });
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
