import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CampaignSheetFormatSchema, PartLoadReportSchema, PayloadIssueSchema, ResultsImportReportSchema } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { writeStreamed, writeTable, type TableFormat } from '#core/crm/transfer/table-writer';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { InvalidInputError } from '#core/shared/errors';
import { timeOrderedIds } from '#core/shared/ids';
import { readPartFile, readResultsFile } from './campaign-file-format';
import { auditTable, listTable, type Table } from './campaign-sheets';
import { jobContext } from './job-context';
import { partDocument } from './part-export';
import { loadPart } from './part-load';
import { applyResults } from './results-import';
import { resultsDocument } from './results-export';

/** Which campaign file an `export.campaign` job writes. */
export const CampaignExportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('part'), campaignId: z.string(), operatorId: z.string() }),
  z.object({ kind: z.literal('results'), campaignId: z.string() }),
  z.object({ kind: z.literal('list'), campaignId: z.string(), format: CampaignSheetFormatSchema }),
  z.object({ kind: z.literal('audit'), campaignId: z.string(), format: CampaignSheetFormatSchema }),
]);
export type CampaignExport = z.infer<typeof CampaignExportSchema>;

/** Which campaign file an `import.campaign` job reads. */
export const CampaignImportSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('part') }), z.object({ kind: z.literal('results'), campaignId: z.string() })]);
export type CampaignImport = z.infer<typeof CampaignImportSchema>;

/**
 * What an `import.campaign` job hands back: its report, or the problems that refused the file whole (a job
 * failure carries one reason; a refused file names every problem, each with its field).
 */
export const CampaignImportOutcomeSchema = z.union([
  z.object({ part: PartLoadReportSchema }),
  z.object({ results: ResultsImportReportSchema }),
  z.object({ refused: z.array(PayloadIssueSchema) }),
]);
export type CampaignImportOutcome = z.infer<typeof CampaignImportOutcomeSchema>;

type Progress = (progress: { done: number; total: number }) => void;

/** Writes a campaign file in a worker (see core/workers/jobs.ts): a part or results for another workstation, or a supervisor's table. */
export async function runCampaignExport(
  database: AppDatabase,
  params: { now: number; file: string; employeeId: string | null; export: CampaignExport },
  report: Progress,
): Promise<{ done: number; total: number }> {
  const { export: what } = params;
  const db = database.read;
  // JSON in one line, as readPartFile and readResultsFile read it back.
  const json = async (document: { entries: unknown[] }) => {
    await writeStreamed(params.file, [JSON.stringify(document)]);
    return { done: document.entries.length, total: document.entries.length };
  };
  const table = async (t: Table, format: TableFormat) => {
    let done = 0;
    await writeTable(params.file, format, t, () => {
      done++;
      if (done % 5_000 === 0) report({ done, total: t.total });
    });
    return { done, total: t.total };
  };
  switch (what.kind) {
    case 'part':
      return json(partDocument(db, { campaignId: what.campaignId, operatorId: what.operatorId, profiles: loadProfiles(BUILT_IN_PROFILE_FILES).accepted, now: params.now, exportedBy: params.employeeId }));
    case 'results':
      return json(resultsDocument(db, { campaignId: what.campaignId, now: params.now, exportedBy: params.employeeId }));
    case 'list':
      return table(listTable(db, what.campaignId), what.format);
    case 'audit':
      return table(auditTable(db, what.campaignId), what.format);
  }
}

/** Reads and applies a campaign file in a worker: a part made on another workstation, or the results of one worked there. */
export function runCampaignImport(
  database: AppDatabase,
  params: { now: number; file: string; employeeId: string | null; workingCountries: string[]; import: CampaignImport },
  report: Progress,
): { done: number; total: number; result: CampaignImportOutcome } {
  const ctx = jobContext(database, { ...params, ids: timeOrderedIds() });
  const text = readFileSync(params.file, 'utf8');
  const progress = (done: number, total: number) => report({ done, total });
  try {
    const result: CampaignImportOutcome =
      params.import.kind === 'part'
        ? { part: loadPart(ctx, loadProfiles(BUILT_IN_PROFILE_FILES).accepted, readPartFile(text), progress) }
        : { results: applyResults(ctx, params.import.campaignId, readResultsFile(text), progress) };
    return { done: 1, total: 1, result };
  } catch (error) {
    if (error instanceof InvalidInputError) return { done: 0, total: 1, result: { refused: error.issues } };
    throw error;
  }
}
