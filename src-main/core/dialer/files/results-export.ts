import { eq } from 'drizzle-orm';
import type { ReadDb } from '#core/db/handles';
import { campaignEntries } from '#core/db/schema';
import { campaignFileFormats, campaignFileVersion, type ResultsFile } from './campaign-file-format';
import { attemptRecords, doNotCallRecords, requireCampaign } from './campaign-records';

/**
 * What this workstation did with a campaign, for the workstation that runs it: every entry of the list here
 * as it stands, every attempt (with its "allowed because" record), and the do-not-call entries of the list's
 * numbers, opt-outs taken during calls among them.
 */
export function resultsDocument(db: ReadDb, request: { campaignId: string; now: number; exportedBy: string | null }): ResultsFile {
  const campaign = requireCampaign(db, request.campaignId);
  const list = eq(campaignEntries.campaignId, campaign.id);
  return {
    format: campaignFileFormats.results,
    version: campaignFileVersion,
    exportedAt: request.now,
    exportedBy: request.exportedBy,
    campaignId: campaign.id,
    entries: db
      .select({
        id: campaignEntries.id,
        state: campaignEntries.state,
        priority: campaignEntries.priority,
        nextAt: campaignEntries.nextAt,
        callbackAt: campaignEntries.callbackAt,
        attempts: campaignEntries.attempts,
        lastAttemptAt: campaignEntries.lastAttemptAt,
        lastOutcome: campaignEntries.lastOutcome,
        dispositionId: campaignEntries.dispositionId,
        lastRefusal: campaignEntries.lastRefusal,
        excludedReason: campaignEntries.excludedReason,
        updatedAt: campaignEntries.updatedAt,
        updatedBy: campaignEntries.updatedBy,
      })
      .from(campaignEntries)
      .where(list)
      .orderBy(campaignEntries.id)
      .all()
      // Entries away in a part were not worked here: their results come from where they are.
      .flatMap((entry) => (entry.state === 'away' ? [] : [{ ...entry, state: entry.state }])),
    attempts: attemptRecords(db, campaign.id, list),
    doNotCall: doNotCallRecords(db, campaign.id, list),
  };
}
