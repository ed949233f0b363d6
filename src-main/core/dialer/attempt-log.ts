import { and, eq, ne } from 'drizzle-orm';
import type { CrmContext } from '#core/crm/crm-context';
import type { WriteDb } from '#core/db/handles';
import { preparedOnce } from '#core/db/prepared-once';
import { campaignAttempts, campaignEntries, contacts, doNotCallNumbers } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { Because, DialMode } from './rules/index';

/** How an attempt ended on the line; `reached` waits for the operator's disposition. */
export type LineOutcome = 'busy' | 'no_answer' | 'failed' | 'machine' | 'abandoned' | 'reached';

export interface AttemptStart {
  campaignId: string;
  entry: { id: string; contactId: string; phone: string };
  operatorId: string | null;
  mode: DialMode;
  because: Because;
}

/** The disposition the operator chose, as the campaign defines it. */
export interface ChosenDisposition {
  id: string;
  kind: 'final' | 'retry' | 'callback';
  optOut: boolean;
  retryMinutes: number | null;
}

interface AttemptRow {
  campaignId: string;
  entryId: string;
  contactId: string;
  phone: string;
  startedAt: number;
  answeredAt: number | null;
  amdVerdict: 'human' | 'machine' | 'silence' | null;
  outcome: string | null;
}

interface NewAttempt {
  id: string;
  campaignId: string;
  entryId: string;
  contactId: string;
  phone: string;
  operatorId: string | null;
  mode: DialMode;
  allowedBecause: string;
  now: number;
  me: string | null;
}

/** What every attempt writes, a few times a second on a power dialer's lines: prepared once per connection. */
const statements = preparedOnce((sqlite) => ({
  insert: sqlite.prepare<[NewAttempt]>(
    `INSERT INTO campaign_attempts (id, campaign_id, entry_id, contact_id, phone, operator_id, mode, state, started_at, allowed_because, updated_at, updated_by)
     VALUES (@id, @campaignId, @entryId, @contactId, @phone, @operatorId, @mode, 'placing', @now, @allowedBecause, @now, @me)`,
  ),
  dialing: sqlite.prepare<[{ entryId: string; now: number; me: string | null }]>(
    `UPDATE campaign_entries SET state = 'dialing', attempts = attempts + 1, last_attempt_at = @now, updated_at = @now, updated_by = @me WHERE id = @entryId`,
  ),
  attempt: sqlite.prepare<[string], AttemptRow>(
    `SELECT campaign_id AS campaignId, entry_id AS entryId, contact_id AS contactId, phone, started_at AS startedAt, answered_at AS answeredAt,
       amd_verdict AS amdVerdict, outcome FROM campaign_attempts WHERE id = ?`,
  ),
  ringing: sqlite.prepare<[{ id: string; callId: string; now: number }]>(
    `UPDATE campaign_attempts SET state = 'ringing', call_id = @callId, updated_at = @now WHERE id = @id`,
  ),
  answered: sqlite.prepare<[{ id: string; at: number }]>(
    `UPDATE campaign_attempts SET state = 'answered', answered_at = @at, updated_at = @at WHERE id = @id`,
  ),
  ended: sqlite.prepare<[{ id: string; outcome: string; now: number }]>(
    `UPDATE campaign_attempts SET state = 'ended', ended_at = @now, outcome = @outcome, updated_at = @now WHERE id = @id`,
  ),
  backInList: sqlite.prepare<[{ entryId: string; outcome: LineOutcome; now: number; me: string | null }]>(
    `UPDATE campaign_entries SET state = 'waiting', next_at = @now, last_outcome = @outcome, updated_at = @now, updated_by = @me WHERE id = @entryId AND state = 'dialing'`,
  ),
  abandonHour: sqlite.prepare<[{ id: string; campaignId: string; hour: number; live: number; abandoned: number; now: number }]>(
    `INSERT INTO campaign_abandon_hours (id, campaign_id, hour, live, abandoned, updated_at, updated_by) VALUES (@id, @campaignId, @hour, @live, @abandoned, @now, NULL)
     ON CONFLICT (id) DO UPDATE SET live = live + excluded.live, abandoned = abandoned + excluded.abandoned, updated_at = excluded.updated_at`,
  ),
}));

/**
 * Every attempt of a campaign, written as it happens so that a kill -9 at any moment loses nothing and
 * dials nothing twice: the attempt row (with the rules' "allowed because") and its entry's "dialing" go
 * in one transaction before the INVITE leaves; the line's outcome and the operator's disposition each in
 * their own. An attempt never ended is closed at the next start as interrupted.
 */
export class AttemptLog {
  constructor(private readonly ctx: CrmContext) {}

  private me(): string | null {
    return this.ctx.settings().currentEmployeeId;
  }

  /** In the transaction that chose the number: the attempt exists before the call does. */
  begin(tx: WriteDb, start: AttemptStart): string {
    const id = this.ctx.ids.next();
    const now = this.ctx.clock.now();
    const me = this.me();
    const s = statements(tx);
    s.insert.run({
      id,
      campaignId: start.campaignId,
      entryId: start.entry.id,
      contactId: start.entry.contactId,
      phone: start.entry.phone,
      operatorId: start.operatorId,
      mode: start.mode,
      allowedBecause: JSON.stringify(start.because),
      now,
      me,
    });
    s.dialing.run({ entryId: start.entry.id, now, me });
    return id;
  }

  /** The INVITE is out: the attempt is tied to its call in the history. */
  placed(attemptId: string, callId: string): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => statements(tx).ringing.run({ id: attemptId, callId, now }));
  }

  /** Answered: a live call for the abandon rate until the machine detector says otherwise. */
  answered(attemptId: string, at: number): void {
    this.ctx.database.write((tx) => {
      const attempt = this.attempt(tx, attemptId);
      statements(tx).answered.run({ id: attemptId, at });
      countAbandonHour(tx, attempt, { live: 1 }, at);
    });
  }

  /**
   * A person reached the operator later after their answer than the law allows (TCPA, Ofcom: 2 s, e.g.
   * while the machine detector listened): a conversation all the same, but an abandoned call for the rate.
   */
  connectedLate(attemptId: string): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => {
      const attempt = this.attempt(tx, attemptId);
      tx.update(campaignAttempts).set({ outcome: 'reached_late', updatedAt: now }).where(eq(campaignAttempts.id, attemptId)).run();
      countAbandonHour(tx, attempt, { abandoned: 1 }, now);
    });
  }

  amdVerdict(attemptId: string, verdict: 'human' | 'machine' | 'silence'): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => {
      const attempt = this.attempt(tx, attemptId);
      tx.update(campaignAttempts).set({ amdVerdict: verdict, updatedAt: now }).where(eq(campaignAttempts.id, attemptId)).run();
      // A machine's answer is no live call: the abandon rate is counted over people reached.
      if (verdict === 'machine' && attempt.answeredAt !== null && attempt.amdVerdict !== 'machine') countAbandonHour(tx, attempt, { live: -1 }, now);
    });
  }

  /**
   * The line is done. A conversation waits for the operator's disposition (its entry stays "dialing");
   * anything else puts the number back in the list, where the rules' retry delays decide when it is next due.
   */
  ended(attemptId: string, outcome: LineOutcome): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => {
      const s = statements(tx);
      const attempt = this.attempt(tx, attemptId);
      const kept = outcome === 'reached' && attempt.outcome === 'reached_late' ? attempt.outcome : outcome;
      s.ended.run({ id: attemptId, outcome: kept, now });
      if (outcome === 'abandoned') countAbandonHour(tx, attempt, { abandoned: 1 }, now);
      if (outcome === 'reached') return;
      s.backInList.run({ entryId: attempt.entryId, outcome, now, me: this.me() });
    });
  }

  /**
   * The operator's disposition of a conversation, in one transaction: the number is done, called again
   * later, or called back at the time the client chose; an opt-out marks the person do-not-call and puts the
   * number on the workstation's list before anything else can dial it. `alsoInTx` adds what goes with it
   * (a callback's calendar entry).
   */
  dispose(attemptId: string, disposition: ChosenDisposition, callbackAt: number | null, alsoInTx?: (tx: WriteDb) => void): void {
    const now = this.ctx.clock.now();
    const me = this.me();
    this.ctx.database.write((tx) => {
      const attempt = this.attempt(tx, attemptId);
      if (disposition.kind === 'callback' && callbackAt === null) throw new DomainError('invalid_payload', 'callback_needs_time', 'A callback needs the time the client chose');
      tx.update(campaignAttempts).set({ dispositionId: disposition.id, updatedAt: now, updatedBy: me }).where(eq(campaignAttempts.id, attemptId)).run();
      const entry =
        disposition.kind === 'final'
          ? { state: 'done' as const }
          : disposition.kind === 'retry'
            ? { state: 'waiting' as const, priority: 1, nextAt: now + (disposition.retryMinutes ?? 60) * 60_000, callbackAt: null }
            : { state: 'waiting' as const, priority: 0, nextAt: callbackAt!, callbackAt };
      tx.update(campaignEntries)
        .set({ ...entry, dispositionId: disposition.id, lastOutcome: 'reached', updatedAt: now, updatedBy: me })
        .where(eq(campaignEntries.id, attempt.entryId))
        .run();
      if (disposition.optOut) {
        tx.update(contacts).set({ doNotCall: true, updatedAt: now }).where(eq(contacts.id, attempt.contactId)).run();
        tx.insert(doNotCallNumbers).values({ id: this.ctx.ids.next(), phone: attempt.phone, campaignId: null, source: `opt-out during a call (attempt ${attemptId})`, addedAt: now, updatedAt: now, updatedBy: me }).run();
      }
      alsoInTx?.(tx);
    });
  }

  /** A card the operator passed over in preview, saying why: it comes back after `until`, the reason kept for the supervisor. */
  skipped(entryId: string, reason: string, until: number): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) =>
      tx
        .update(campaignEntries)
        .set({ nextAt: until, lastRefusal: JSON.stringify({ rule: 'skipped', reason, at: now }), updatedAt: now, updatedBy: this.me() })
        .where(and(eq(campaignEntries.id, entryId), eq(campaignEntries.state, 'waiting')))
        .run(),
    );
  }

  /**
   * Attempts a stopped workstation left open, closed as interrupted; none is dialed again at once. One never
   * answered puts its number back in the list (the rules count it as failed, so the retry delay holds it);
   * one answered was a conversation, so its number keeps waiting for the operator's disposition, as after any
   * conversation. Returns how many were closed.
   */
  closeInterrupted(): number {
    const now = this.ctx.clock.now();
    return this.ctx.database.write((tx) => {
      const open = tx.select({ id: campaignAttempts.id, entryId: campaignAttempts.entryId, answeredAt: campaignAttempts.answeredAt }).from(campaignAttempts).where(ne(campaignAttempts.state, 'ended')).all();
      for (const attempt of open) {
        tx.update(campaignAttempts).set({ state: 'ended', endedAt: now, outcome: 'interrupted', updatedAt: now }).where(eq(campaignAttempts.id, attempt.id)).run();
        if (attempt.answeredAt !== null) continue;
        tx.update(campaignEntries)
          .set({ state: 'waiting', nextAt: now, lastOutcome: 'interrupted', updatedAt: now })
          .where(and(eq(campaignEntries.id, attempt.entryId), eq(campaignEntries.state, 'dialing')))
          .run();
      }
      return open.length;
    });
  }

  private attempt(tx: WriteDb, attemptId: string): AttemptRow {
    const row = statements(tx).attempt.get(attemptId);
    if (!row) throw notFound('Campaign attempt', attemptId);
    return row;
  }
}

const hourMs = 3_600_000;

/** Adds to the campaign's abandon figures of the hour the attempt started in (see campaign_abandon_hours). */
function countAbandonHour(tx: WriteDb, attempt: { campaignId: string; startedAt: number }, add: { live?: number; abandoned?: number }, now: number): void {
  const hour = Math.floor(attempt.startedAt / hourMs) * hourMs;
  statements(tx).abandonHour.run({ id: `${attempt.campaignId}:${hour}`, campaignId: attempt.campaignId, hour, live: add.live ?? 0, abandoned: add.abandoned ?? 0, now });
}
