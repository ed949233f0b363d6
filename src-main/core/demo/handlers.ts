import { defineHandlers } from '#core/api/registry';
import { countContacts } from '#core/crm/contacts';
import type { AppDatabase } from '#core/db/connection';
import type { Clock } from '#core/shared/clock';
import { DomainError } from '#core/shared/errors';
import type { JobRunner } from '#core/workers/job-runner';

export function demoHandlers(database: AppDatabase, jobs: JobRunner, clock: Clock) {
  return defineHandlers({
    'demo.seed': ({ contacts }) => {
      // Checked here as well as in the worker, so the operator hears "no" at once rather than via a failed job.
      if (countContacts(database.read) > 0) {
        throw new DomainError('conflict', 'Demo data can only be loaded into an empty workplace; this one already has contacts');
      }
      return { jobId: jobs.run({ kind: 'demo.seed', params: { contacts, now: clock.now() } }).jobId };
    },
  });
}
