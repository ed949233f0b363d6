import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppliedCounts } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { campaignAbandonHours, campaignAttempts, doNotCallNumbers, employees } from '#core/db/schema';
import { abandonFiguresSql } from '#core/dialer/call-facts-reader';
import { becauseSchema } from '#core/dialer/rules/index';
import type { AbandonHour, AttemptRecord, DoNotCallRecord } from './campaign-file-format';

/**
 * Applying a campaign file's rows by their ids, the later state winning: a row new here is added, one whose
 * `updatedAt` is later than ours replaces the fields that move, anything else is left as it is. So a file
 * applied twice changes nothing, and no row is ever doubled.
 */

export type Applied = 'added' | 'updated' | 'unchanged';

/** Items per transaction: a file of any size is applied without holding the database from calls for long. */
const itemsPerTransaction = 2_000;

/** A file's items, a transaction's worth at a time. */
export function* transactionsOf<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let at = 0; at < items.length; at += itemsPerTransaction) yield items.slice(at, at + itemsPerTransaction);
}

export function noneApplied(): AppliedCounts {
  return { added: 0, updated: 0, unchanged: 0 };
}

/** A row of the file belongs to another campaign than the one it is applied to. */
export const foreign = 'foreign';

export function isLater(incoming: { updatedAt: number }, here: { updatedAt: number }): boolean {
  return incoming.updatedAt > here.updatedAt;
}

/** What became of one attempt, and what it says that a report names. */
export interface AttemptApplied {
  applied: Applied | typeof foreign;
  /** Its "allowed because" record does not read as one: kept as written, since the call happened. */
  unreadableBecause: boolean;
  /** Its operator is no employee here: the attempt is kept without one. */
  unknownOperator: boolean;
}

/**
 * An attempt by its id, for the person its entry has here. Its call stays on the workstation that made it
 * (no call id here); the abandon figures of its hour are the caller's to recount.
 */
export function applyAttempt(tx: WriteDb, campaignId: string, attempt: AttemptRecord, contactId: string): AttemptApplied {
  const here = tx.select({ campaignId: campaignAttempts.campaignId, updatedAt: campaignAttempts.updatedAt }).from(campaignAttempts).where(eq(campaignAttempts.id, attempt.id)).get();
  const outcome = { unreadableBecause: false, unknownOperator: false };
  if (here && here.campaignId !== campaignId) return { ...outcome, applied: foreign };
  const moving = {
    state: attempt.state,
    answeredAt: attempt.answeredAt,
    endedAt: attempt.endedAt,
    outcome: attempt.outcome,
    dispositionId: attempt.dispositionId,
    amdVerdict: attempt.amdVerdict,
    updatedAt: attempt.updatedAt,
    updatedBy: attempt.updatedBy,
  };
  if (here) {
    if (!isLater(attempt, here)) return { ...outcome, applied: 'unchanged' };
    tx.update(campaignAttempts).set(moving).where(eq(campaignAttempts.id, attempt.id)).run();
    return { ...outcome, applied: 'updated' };
  }
  outcome.unreadableBecause = !becauseSchema.safeParse(attempt.allowedBecause).success;
  outcome.unknownOperator = attempt.operatorId !== null && !tx.select({ id: employees.id }).from(employees).where(eq(employees.id, attempt.operatorId)).get();
  tx.insert(campaignAttempts)
    .values({
      ...moving,
      id: attempt.id,
      campaignId,
      entryId: attempt.entryId,
      contactId,
      phone: attempt.phone,
      operatorId: outcome.unknownOperator ? null : attempt.operatorId,
      callId: null,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      allowedBecause: typeof attempt.allowedBecause === 'string' ? attempt.allowedBecause : JSON.stringify(attempt.allowedBecause ?? null),
    })
    .run();
  return { ...outcome, applied: 'added' };
}

/**
 * A do-not-call entry: added unless this list here has it already (by id, or the same number on the same
 * list); an entry stays on the list once there, so it is never "updated". Only the workstation's list and
 * this campaign's own are accepted.
 */
export function applyDoNotCall(tx: WriteDb, campaignId: string, record: DoNotCallRecord): Applied | typeof foreign {
  if (record.campaignId !== null && record.campaignId !== campaignId) return foreign;
  const byId = tx.select({ id: doNotCallNumbers.id }).from(doNotCallNumbers).where(eq(doNotCallNumbers.id, record.id)).get();
  const sameList = record.campaignId === null ? isNull(doNotCallNumbers.campaignId) : eq(doNotCallNumbers.campaignId, record.campaignId);
  const listed = tx.select({ id: doNotCallNumbers.id }).from(doNotCallNumbers).where(and(eq(doNotCallNumbers.phone, record.phone), sameList, isNull(doNotCallNumbers.deletedAt))).get();
  if (byId || listed) return 'unchanged';
  tx.insert(doNotCallNumbers).values({ ...record, updatedBy: null }).run();
  return 'added';
}

export const hourMs = 3_600_000;

export function hourOf(at: number): number {
  return Math.floor(at / hourMs) * hourMs;
}

/**
 * The campaign's abandon figures of the hours given, counted again from its attempts (every attempt of the
 * campaign is here once results are in): answered calls other than machines are live; abandoned ones, and
 * people handed over later than the law allows (reached_late), abandoned: as the figures are kept call by
 * call (attempt-log.ts) and read for the part-hour (call-facts-reader.ts).
 */
export function recountAbandonHours(tx: WriteDb, campaignId: string, hours: Iterable<number>, now: number): void {
  for (const hour of hours) {
    const counted = tx
      .select({
        live: sql<number>`${sql.raw(abandonFiguresSql.live)}`,
        abandoned: sql<number>`${sql.raw(abandonFiguresSql.abandoned)}`,
      })
      .from(campaignAttempts)
      .where(and(eq(campaignAttempts.campaignId, campaignId), sql`${campaignAttempts.startedAt} >= ${hour} AND ${campaignAttempts.startedAt} < ${hour + hourMs}`, sql`${campaignAttempts.answeredAt} IS NOT NULL`))
      .get() ?? { live: 0, abandoned: 0 };
    tx.insert(campaignAbandonHours)
      .values({ id: `${campaignId}:${hour}`, campaignId, hour, ...counted, updatedAt: now, updatedBy: null })
      .onConflictDoUpdate({
        target: campaignAbandonHours.id,
        set: { ...counted, updatedAt: now },
        setWhere: sql`${campaignAbandonHours.live} <> ${counted.live} OR ${campaignAbandonHours.abandoned} <> ${counted.abandoned}`,
      })
      .run();
  }
}

/**
 * The campaign's abandon figures as the workstation that runs it counted them, where a part is worked: an hour
 * takes the larger of the two counts, so loading a part again never takes back calls counted here since.
 */
export function raiseAbandonHours(tx: WriteDb, campaignId: string, hours: readonly AbandonHour[], now: number): void {
  for (const { hour, live, abandoned } of hours) {
    tx.insert(campaignAbandonHours)
      .values({ id: `${campaignId}:${hour}`, campaignId, hour, live, abandoned, updatedAt: now, updatedBy: null })
      .onConflictDoUpdate({
        target: campaignAbandonHours.id,
        set: { live: sql`max(${campaignAbandonHours.live}, ${live})`, abandoned: sql`max(${campaignAbandonHours.abandoned}, ${abandoned})`, updatedAt: now },
        setWhere: sql`${campaignAbandonHours.live} < ${live} OR ${campaignAbandonHours.abandoned} < ${abandoned}`,
      })
      .run();
  }
}
