import type { Logger } from '#core/shared/logger';
import type { JobRunner } from '#core/workers/job-runner';
import type { JobRequest } from '#core/workers/protocol';
import type { TransferStore } from './transfer-store';

/**
 * Starts a job writing into a new transfer file, which becomes downloadable as the job announces it is done;
 * the answer names both, for the window to follow the job and then download the file.
 */
export function startExport(
  deps: { jobs: JobRunner; transfers: TransferStore; logger: Logger },
  fileName: string,
  job: (target: { fileId: string; file: string }) => JobRequest,
): { jobId: string; fileId: string } {
  const target = deps.transfers.newExport(fileName);
  const { fileId } = target;
  const started = deps.jobs.run(job(target));
  started.finished.catch((error: unknown) => deps.logger.warn('Export failed', { fileId, error: String(error) }));
  return { jobId: started.jobId, fileId };
}
