import { defineHandlers } from '#core/api/registry';
import type { JobJournal } from './job-journal';
import type { JobRunner } from './job-runner';

/** Background work as the operator manages it: what ran, what was cut short, resume, cancel, dismiss. */
export function jobHandlers(jobs: JobRunner, journal: JobJournal) {
  return defineHandlers({
    'jobs.list': ({ states, limit }) => journal.list(states, limit),
    'jobs.resume': ({ id }) => ({ jobId: jobs.resume(id).jobId }),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.dismiss': ({ id }) => journal.dismiss(id),
  });
}
