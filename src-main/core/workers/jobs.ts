import { writeFileSync } from 'node:fs';
import { assertNever } from '#contract';
import { findDuplicates } from '#core/crm/duplicates';
import { personalDataDocument } from '#core/crm/privacy';
import { runExport } from '#core/crm/transfer/export-job';
import { runImport } from '#core/crm/transfer/import-job';
import { runCampaignExport, runCampaignImport } from '#core/dialer/files/file-jobs';
import { rereadPhones } from '#core/crm/phone-reread';
import type { AppDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { runReportExport } from '#core/reports/report-export';
import { drillReport, runReport } from '#core/reports/run-report';
import { timeOrderedIds } from '#core/shared/ids';
import type { ReadDb } from '#core/db/handles';
import type { JobRequest, QueryRequest } from './protocol';

export interface JobProgressReport {
  done: number;
  total: number;
}

/** What a finished job hands back: its final count and, for queries, the answer. */
export interface JobResult extends JobProgressReport {
  result?: unknown;
}

/**
 * The work a worker thread can do: anything that could hold the main thread for more than a
 * few milliseconds on a big database. Pure over the database handle, so tests and the command
 * line may run it in-thread.
 */
export async function runJob(database: AppDatabase, job: JobRequest, report: (progress: JobProgressReport) => void): Promise<JobResult> {
  switch (job.kind) {
    case 'demo.seed':
      return seedDemo(database, job.params, report);
    case 'reports.run':
    case 'reports.drill':
    case 'contacts.duplicates':
      return runQuery(database.read, job, report);
    case 'export.report':
      return runReportExport(database.read, job.params, report);
    case 'import.contacts': {
      const { now, ...params } = job.params;
      const summary = await runImport(database, params, { ids: timeOrderedIds(), clock: { now: () => now } }, report);
      return { done: summary.rows, total: summary.rows, result: summary };
    }
    case 'export.contacts':
      return runExport(database, job.params, report);
    case 'phones.reread':
      return rereadPhones(database, job.params.workingCountries, report);
    case 'export.campaign':
      return runCampaignExport(database, job.params, report);
    case 'import.campaign':
      return runCampaignImport(database, job.params, report);
    case 'export.person':
      writeFileSync(job.params.file, JSON.stringify(personalDataDocument(database.read, job.params.contactId, job.params.now), null, 2));
      return { done: 1, total: 1 };
    default:
      return assertNever(job, 'job');
  }
}

/** The jobs that only read (reports, the duplicate finder): they run in the pooled read-only worker. */
export function runQuery(db: ReadDb, job: QueryRequest, report: (progress: JobProgressReport) => void): JobResult {
  switch (job.kind) {
    // A report tells its own parts as it counts them; the rest are one step.
    case 'reports.run':
      return { done: 1, total: 1, result: runReport(db, job.params.request, { now: job.params.now, zone: job.params.zone, progress: (done, total) => report({ done, total }) }) };
    case 'reports.drill':
      report({ done: 0, total: 1 });
      return { done: 1, total: 1, result: drillReport(db, job.params.request, { now: job.params.now, zone: job.params.zone }) };
    case 'contacts.duplicates':
      report({ done: 0, total: 1 });
      return { done: 1, total: 1, result: findDuplicates(db, job.params.limit) };
    default:
      return assertNever(job, 'query');
  }
}
