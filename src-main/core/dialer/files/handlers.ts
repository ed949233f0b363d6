import { and, eq } from 'drizzle-orm';
import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { startExport } from '#core/crm/transfer/export-start';
import type { TransferStore } from '#core/crm/transfer/transfer-store';
import { campaignEntries, employees } from '#core/db/schema';
import { fileSafeName } from '#core/scripts/script-json';
import { BugError, InvalidInputError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { JobRunner } from '#core/workers/job-runner';
import { requireCampaign } from './campaign-records';
import { CampaignImportOutcomeSchema, type CampaignExport, type CampaignImport, type CampaignImportOutcome } from './file-jobs';
import { campaignOfOperator } from './part-export';

/**
 * A campaign's files: the operator's part for another workstation and its results back, the supervisor's
 * list and audit log. Exports start a job and answer with it and the file to download once it is done;
 * imports read an uploaded file in a job and answer with its report, or refuse the file naming every problem.
 */
export function campaignFileHandlers({ ctx, jobs, transfers, logger }: { ctx: CrmContext; jobs: JobRunner; transfers: TransferStore; logger: Logger }) {
  const db = ctx.database.read;
  const me = () => ctx.settings().currentEmployeeId;
  const day = () => new Date(ctx.clock.now()).toISOString().slice(0, 10);
  const exportFile = (fileName: string, what: CampaignExport) =>
    startExport({ jobs, transfers, logger }, fileName, (target) => ({ kind: 'export.campaign', params: { now: ctx.clock.now(), ...target, employeeId: me(), export: what } }));
  const importFile = async (uploadId: string, what: CampaignImport): Promise<Exclude<CampaignImportOutcome, { refused: unknown }>> => {
    const { file } = transfers.upload(uploadId);
    const done = await jobs.run({ kind: 'import.campaign', params: { now: ctx.clock.now(), file, employeeId: me(), workingCountries: ctx.settings().workingCountries, import: what } }).finished;
    const outcome = CampaignImportOutcomeSchema.parse(done.result);
    if ('refused' in outcome) throw new InvalidInputError(outcome.refused);
    return outcome;
  };
  const nameOf = (campaignId: string) => fileSafeName(requireCampaign(db, campaignId).name, 'campaign');

  return defineHandlers({
    'campaigns.exportPart': ({ campaignId, operatorId }) => {
      const campaign = campaignOfOperator(db, campaignId, operatorId);
      // The part's numbers are worked there now: never dialed here too (no number called twice), until their results come back.
      handOut(ctx, campaignId, operatorId, 'waiting', 'away');
      const operator = db.select({ name: employees.name }).from(employees).where(eq(employees.id, operatorId)).get()?.name ?? operatorId;
      return exportFile(`${fileSafeName(campaign.name, 'campaign')} — ${fileSafeName(operator, 'operator')} ${day()}.part.json`, { kind: 'part', campaignId, operatorId });
    },
    'campaigns.takeBackPart': ({ campaignId, operatorId }) => {
      campaignOfOperator(db, campaignId, operatorId);
      return { entries: handOut(ctx, campaignId, operatorId, 'away', 'waiting') };
    },
    'campaigns.importPart': async ({ uploadId }) => {
      const outcome = await importFile(uploadId, { kind: 'part' });
      if (!('part' in outcome)) throw new BugError('A part import answered without its report');
      return outcome.part;
    },
    'campaigns.exportResults': ({ campaignId }) => exportFile(`${nameOf(campaignId)} ${day()}.results.json`, { kind: 'results', campaignId }),
    'campaigns.importResults': async ({ campaignId, uploadId }) => {
      requireCampaign(db, campaignId);
      const outcome = await importFile(uploadId, { kind: 'results', campaignId });
      if (!('results' in outcome)) throw new BugError('A results import answered without its report');
      return outcome.results;
    },
    'campaigns.exportReport': ({ campaignId, format }) => exportFile(`${nameOf(campaignId)} ${day()}.${format}`, { kind: 'list', campaignId, format }),
    'campaigns.exportAudit': ({ campaignId, format }) => exportFile(`${nameOf(campaignId)} audit ${day()}.${format}`, { kind: 'audit', campaignId, format }),
  });
}

/** Moves an operator's entries between waiting here and away in a part; how many moved. */
function handOut(ctx: CrmContext, campaignId: string, operatorId: string, from: 'waiting' | 'away', to: 'waiting' | 'away'): number {
  const now = ctx.clock.now();
  return ctx.database.write(
    (tx) =>
      tx
        .update(campaignEntries)
        .set({ state: to, updatedAt: now, updatedBy: ctx.settings().currentEmployeeId })
        .where(and(eq(campaignEntries.campaignId, campaignId), eq(campaignEntries.operatorId, operatorId), eq(campaignEntries.state, from)))
        .run().changes,
  );
}
