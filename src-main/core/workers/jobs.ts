import { assertNever } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { reportSummary } from '#core/reports/summary';
import type { JobRequest } from './protocol';

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
 * few milliseconds on a big database. Pure over the database handle, so tests may run it in-thread.
 */
export function runJob(database: AppDatabase, job: JobRequest, report: (progress: JobProgressReport) => void): JobResult {
  switch (job.kind) {
    case 'demo.seed':
      return seedDemo(database, job.params, report);
    case 'reports.summary':
      return { done: 1, total: 1, result: reportSummary(database.read) };
    default:
      return assertNever(job, 'job');
  }
}
