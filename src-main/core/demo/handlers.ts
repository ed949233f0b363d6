import { defineHandlers } from '#core/api/registry';
import { countContacts } from '#core/crm/contacts';
import type { Language } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import type { Clock } from '#core/shared/clock';
import { DomainError } from '#core/shared/errors';
import type { JobRunner } from '#core/workers/job-runner';

/** `language` gives the demo's language when the caller names none (see language.ts). */
export function demoHandlers(database: AppDatabase, jobs: JobRunner, clock: Clock, language: () => Language) {
  return defineHandlers({
    'demo.seed': ({ contacts, language: chosen }) => {
      // Checked here as well as in the worker, so the operator hears "no" at once rather than via a failed job.
      if (countContacts(database.read) > 0) {
        throw new DomainError('conflict', 'demo_needs_empty_workplace', 'Demo data can only be loaded into an empty workplace; this one already has contacts');
      }
      return { jobId: jobs.run({ kind: 'demo.seed', params: { contacts, language: chosen ?? language(), now: clock.now() } }).jobId };
    },
  });
}
