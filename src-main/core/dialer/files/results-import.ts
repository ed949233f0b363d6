import { and, eq } from 'drizzle-orm';
import type { CampaignFileIssue, ResultsImportReport } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { WriteDb } from '#core/db/handles';
import { campaignDispositions, campaignEntries, contacts } from '#core/db/schema';
import { InvalidInputError, issue } from '#core/shared/errors';
import { fileIssue, type ReadFile, type ResultsEntry, type ResultsFile } from './campaign-file-format';
import { requireCampaign } from './campaign-records';
import { scheduleCallback } from '#core/dialer/session/callbacks';
import { applyAttempt, applyDoNotCall, foreign, hourOf, isLater, noneApplied, recountAbandonHours, transactionsOf } from './record-upserts';

/**
 * Applies the results of a campaign worked on another workstation: each entry takes the later of its two
 * states (never while its number is being dialed, here or there), attempts are added by their ids (a second
 * import finds them and adds nothing) with the person their entry has here, opt-outs taken there (attempts
 * disposed with an opt-out disposition) make the person do-not-call here, and do-not-call entries made there
 * join the same list here. The abandon figures of the hours the new attempts fall in are counted again from
 * all the campaign's attempts. A results file of another campaign is refused whole; an item that cannot be
 * applied is reported with the reason, the rest go on.
 */
export function applyResults(ctx: CrmContext, campaignId: string, read: ReadFile<ResultsFile>, progress: (done: number, total: number) => void): ResultsImportReport {
  const { file } = read;
  if (file.campaignId !== campaignId) {
    throw new InvalidInputError([issue('campaignId', 'campaign_file_other_campaign', `These are results of campaign ${file.campaignId}, not of ${campaignId}`, { detail: file.campaignId })]);
  }
  const campaign = requireCampaign(ctx.database.read, campaignId);
  const now = ctx.clock.now();
  const rejected: CampaignFileIssue[] = [...read.rejected];
  const flagged: CampaignFileIssue[] = [];
  const report: ResultsImportReport = { campaignId, entries: noneApplied(), attempts: noneApplied(), optOuts: noneApplied(), contactsOptedOut: 0, rejected, flagged };
  const optOuts = new Set(
    ctx.database.read
      .select({ id: campaignDispositions.id })
      .from(campaignDispositions)
      .where(and(eq(campaignDispositions.campaignId, campaignId), eq(campaignDispositions.optOut, true)))
      .all()
      .map((d) => d.id),
  );
  const items = [
    ...file.entries.map((entry) => ({ kind: 'entry' as const, entry })),
    ...file.attempts.map((attempt) => ({ kind: 'attempt' as const, attempt })),
    ...file.doNotCall.map((record) => ({ kind: 'doNotCall' as const, record })),
  ];
  let done = 0;
  for (const batch of transactionsOf(items)) {
    ctx.database.write((tx) => {
      const touchedHours = new Set<number>();
      for (const item of batch) {
        switch (item.kind) {
          case 'entry': {
            const applied = applyEntryState(tx, campaignId, item.entry);
            if (applied.kind === 'rejected') rejected.push(applied.issue);
            else report.entries[applied.kind]++;
            // A callback promised there goes into the operator's calendar here, as a disposition here puts it.
            if (applied.kind === 'updated' && applied.callback) scheduleCallback(tx, { ids: ctx.ids, now }, { ...applied.callback, campaignName: campaign.name });
            break;
          }
          case 'attempt': {
            const { attempt } = item;
            const entry = tx.select({ contactId: campaignEntries.contactId }).from(campaignEntries).where(and(eq(campaignEntries.id, attempt.entryId), eq(campaignEntries.campaignId, campaignId))).get();
            if (!entry) {
              rejected.push(fileIssue('attempts', attempt.id, 'entryId', 'attempt_entry_unknown', `Entry ${attempt.entryId} is not in this campaign's list here`, { detail: attempt.entryId }));
              break;
            }
            if (attempt.state !== 'ended') {
              rejected.push(fileIssue('attempts', attempt.id, 'state', 'attempt_still_open', 'The call was still going on when the results were written; export them again after it', { detail: attempt.state }));
              break;
            }
            const applied = applyAttempt(tx, campaignId, attempt, entry.contactId);
            if (applied.applied === foreign) {
              rejected.push(fileIssue('attempts', attempt.id, 'id', 'campaign_file_other_campaign', 'This attempt belongs to another campaign here'));
              break;
            }
            report.attempts[applied.applied]++;
            if (applied.unreadableBecause) flagged.push(fileIssue('attempts', attempt.id, 'allowedBecause', 'allowed_because_unreadable', 'The "allowed because" record does not read as one; kept as written'));
            if (applied.unknownOperator) flagged.push(fileIssue('attempts', attempt.id, 'operatorId', 'record_unknown_here', `No employee ${attempt.operatorId ?? ''} here; the attempt is kept without one`, { detail: 'operatorId' }));
            if (applied.applied === 'unchanged') break;
            touchedHours.add(hourOf(attempt.startedAt));
            if (attempt.dispositionId !== null && optOuts.has(attempt.dispositionId)) {
              report.contactsOptedOut += tx.update(contacts).set({ doNotCall: true, updatedAt: now }).where(and(eq(contacts.id, entry.contactId), eq(contacts.doNotCall, false))).run().changes;
            }
            break;
          }
          case 'doNotCall': {
            const applied = applyDoNotCall(tx, campaignId, item.record);
            if (applied === foreign) rejected.push(fileIssue('doNotCall', item.record.id, 'campaignId', 'campaign_file_other_campaign', `Another campaign's list (${item.record.campaignId ?? ''})`, { detail: item.record.campaignId ?? '' }));
            else report.optOuts[applied]++;
            break;
          }
        }
      }
      // In the same transaction as the attempts: a crash never leaves an hour counted without them, or them without it.
      recountAbandonHours(tx, campaignId, touchedHours, now);
    });
    progress((done += batch.length), items.length);
  }
  return report;
}

/**
 * An entry's later state from there; refused while its number is being dialed on either side. A callback it
 * brings (one the entry did not have here) is named, for the operator's calendar.
 */
function applyEntryState(
  tx: WriteDb,
  campaignId: string,
  entry: ResultsEntry,
):
  | { kind: 'unchanged' }
  | { kind: 'updated'; callback: { contactId: string; operatorId: string; phone: string; at: number } | null }
  | { kind: 'rejected'; issue: CampaignFileIssue } {
  const stored = tx
    .select({ state: campaignEntries.state, updatedAt: campaignEntries.updatedAt, callbackAt: campaignEntries.callbackAt, contactId: campaignEntries.contactId, operatorId: campaignEntries.operatorId, phone: campaignEntries.phone })
    .from(campaignEntries)
    .where(and(eq(campaignEntries.id, entry.id), eq(campaignEntries.campaignId, campaignId)))
    .get();
  if (!stored) return { kind: 'rejected', issue: fileIssue('entries', entry.id, 'id', 'entry_not_in_list', `Entry ${entry.id} is not in this campaign's list here`, { detail: entry.id }) };
  // An entry away in a part takes whatever its results say: it was worked there, not here.
  if (stored.state !== 'away' && !isLater(entry, stored)) return { kind: 'unchanged' };
  if (entry.state === 'dialing' || stored.state === 'dialing') {
    const message = 'The number was being dialed when the results were written, or is being dialed here now; apply the results again after the call';
    return { kind: 'rejected', issue: fileIssue('entries', entry.id, 'state', 'entry_being_dialed', message) };
  }
  const { id, ...state } = entry;
  tx.update(campaignEntries).set(state).where(eq(campaignEntries.id, id)).run();
  const promised = entry.state === 'waiting' && entry.callbackAt !== null && entry.callbackAt !== stored.callbackAt && stored.operatorId !== null;
  return { kind: 'updated', callback: promised ? { contactId: stored.contactId, operatorId: stored.operatorId!, phone: stored.phone, at: entry.callbackAt! } : null };
}
