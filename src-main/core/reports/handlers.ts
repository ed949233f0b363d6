import { defineHandlers } from '#core/api/registry';
import type { JobRunner } from '#core/workers/job-runner';

/** Reports aggregate whole tables, so they run in a worker thread; the dispatcher checks the answer's shape. */
export function reportHandlers(jobs: JobRunner) {
  return defineHandlers({
    'reports.summary': async () => (await jobs.run({ kind: 'reports.summary', params: {} }).finished).result as never,
  });
}
