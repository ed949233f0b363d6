import { startExport } from '#core/crm/transfer/export-start';
import type { TransferStore } from '#core/crm/transfer/transfer-store';
import { defineHandlers } from '#core/api/registry';
import type { ReadDb } from '#core/db/handles';
import type { Clock } from '#core/shared/clock';
import type { Logger } from '#core/shared/logger';
import type { JobRunner } from '#core/workers/job-runner';
import { reportFilterChoices } from './filter-choices';

export interface ReportHandlerDeps {
  jobs: JobRunner;
  transfers: TransferStore;
  logger: Logger;
  clock: Clock;
  read: ReadDb;
  /** The zone a report's days are cut in unless the request names another: the workstation's. */
  zone: () => string;
}

/**
 * Reports aggregate whole tables, so they run in the pooled query worker (never on main, where calls live);
 * the window may cancel one by the id it chose. The dispatcher checks every answer's shape.
 */
export function reportHandlers(deps: ReportHandlerDeps) {
  const { jobs } = deps;
  const context = () => ({ now: deps.clock.now(), zone: deps.zone() });
  return defineHandlers({
    'reports.run': async ({ jobId, request }) => (await jobs.run({ kind: 'reports.run', params: { ...context(), request } }, jobId).finished).result as never,
    'reports.drill': async (request) => (await jobs.run({ kind: 'reports.drill', params: { ...context(), request } }).finished).result as never,
    'reports.cancel': ({ jobId }) => {
      try {
        jobs.cancel(jobId);
        return { cancelled: true };
      } catch {
        // The report finished (or never started) before the cancel arrived: nothing left to stop.
        return { cancelled: false };
      }
    },
    'reports.export': (request) =>
      startExport(deps, `report-${request.request.report}.${request.format}`, (target) => ({ kind: 'export.report', params: { ...context(), ...target, export: request } })),
    'reports.filterChoices': () => reportFilterChoices(deps.read),
  });
}
