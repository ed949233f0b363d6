import { assertNever } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import type { JobRequest } from './protocol';

export interface JobProgressReport {
  done: number;
  total: number;
}

/** The work a worker thread can do. Pure over the database handle, so tests may also run it in-thread. */
export function runJob(database: AppDatabase, job: JobRequest, report: (progress: JobProgressReport) => void): JobProgressReport {
  switch (job.kind) {
    case 'demo.seed':
      return seedDemo(database, job.params, report);
    default:
      return assertNever(job.kind, 'job kind');
  }
}
