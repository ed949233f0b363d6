import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { ReadDb } from '#core/db/handles';
import { campaignAttempts, campaignEntries, campaigns, doNotCallNumbers } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import type { AttemptRecord, DoNotCallRecord } from './campaign-file-format';

/**
 * The rows a campaign file carries beside its entries, read for the entries a condition selects (an
 * operator's waiting part, or the whole list).
 */

/** The campaign, or "not found" before any work starts. */
export function requireCampaign(db: ReadDb, campaignId: string): typeof campaigns.$inferSelect {
  const campaign = db.select().from(campaigns).where(and(eq(campaigns.id, campaignId), isNull(campaigns.deletedAt))).get();
  if (!campaign) throw notFound('Campaign', campaignId);
  return campaign;
}

/** A stored "allowed because" record as it travels: the record itself, or its text when it no longer reads as JSON. */
function becauseValue(stored: string): unknown {
  try {
    return JSON.parse(stored);
  } catch {
    // A damaged record travels as written: the audit export reports it, and the attempt still counts for the caps.
    return stored;
  }
}

/** The attempts at the entries selected; the person and the call stay behind (the entry names the person wherever the file is read). */
export function attemptRecords(db: ReadDb, campaignId: string, entries: SQL | undefined): AttemptRecord[] {
  return db
    .select()
    .from(campaignAttempts)
    .where(and(eq(campaignAttempts.campaignId, campaignId), inArray(campaignAttempts.entryId, db.select({ id: campaignEntries.id }).from(campaignEntries).where(entries))))
    .orderBy(campaignAttempts.startedAt, campaignAttempts.id)
    .all()
    .map(({ campaignId: _campaign, contactId: _contact, callId: _call, allowedBecause, ...attempt }) => ({ ...attempt, allowedBecause: becauseValue(allowedBecause) }));
}

/** The do-not-call entries (the workstation's list and the campaign's own) of the selected entries' numbers. */
export function doNotCallRecords(db: ReadDb, campaignId: string, entries: SQL | undefined): DoNotCallRecord[] {
  return db
    .select({
      id: doNotCallNumbers.id,
      phone: doNotCallNumbers.phone,
      campaignId: doNotCallNumbers.campaignId,
      source: doNotCallNumbers.source,
      addedAt: doNotCallNumbers.addedAt,
      updatedAt: doNotCallNumbers.updatedAt,
    })
    .from(doNotCallNumbers)
    .where(
      and(
        inArray(doNotCallNumbers.phone, db.select({ phone: campaignEntries.phone }).from(campaignEntries).where(entries)),
        or(isNull(doNotCallNumbers.campaignId), eq(doNotCallNumbers.campaignId, campaignId)),
        isNull(doNotCallNumbers.deletedAt),
      ),
    )
    .orderBy(doNotCallNumbers.addedAt, doNotCallNumbers.id)
    .all();
}
