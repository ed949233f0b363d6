import { Worker } from 'node:worker_threads';
import { jobKinds, type JobKind, type JobProgress } from '#contract';
import { DomainError } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { Disposable } from '#core/shared/disposable';
import { WorkerMessageSchema, type DatabaseLocation, type JobRequest } from './protocol';
import type { WorkerScript } from './worker-script';

export interface JobRunnerOptions {
  script: WorkerScript;
  database: DatabaseLocation;
  ids: IdGenerator;
  onProgress: (progress: JobProgress) => void;
}

/** A finished job: its last progress and, for queries, the answer. */
export type JobOutcome = JobProgress & { result?: unknown };

/** Jobs the operator sees (with a progress notice); queries run quietly. */
function isAnnounced(kind: string): kind is JobKind {
  return (jobKinds as readonly string[]).includes(kind);
}

/**
 * Runs heavy work (imports, demo data, big reports) in worker threads, so calls and the UI
 * never wait for it. Each job gets a thread of its own; progress of the jobs the operator
 * started goes out as `job.progress` events.
 */
export class JobRunner implements Disposable {
  private readonly running = new Map<string, Worker>();

  constructor(private readonly options: JobRunnerOptions) {}

  /**
   * Starts a job and resolves when it has finished; rejects with the job's DomainError.
   * `beforeDone` runs before "done" is announced (an export marks its file downloadable), so
   * whoever hears "done" can act on it at once.
   */
  run(job: JobRequest, beforeDone?: (result: unknown) => void): { jobId: string; finished: Promise<JobOutcome> } {
    const jobId = this.options.ids.next();
    const worker = new Worker(this.options.script.source, { eval: this.options.script.eval });
    this.running.set(jobId, worker);
    const report = (progress: Omit<JobProgress, 'jobId' | 'kind'>): JobOutcome => {
      const full = { jobId, kind: job.kind as JobKind, ...progress };
      if (isAnnounced(job.kind)) this.options.onProgress(full);
      return full;
    };
    report({ state: 'running', done: 0, total: 0 });

    const finished = new Promise<JobOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(jobId);
        outcome();
      };
      worker.on('message', (raw: unknown) => {
        const message = WorkerMessageSchema.parse(raw);
        if (message.type === 'progress') report({ state: 'running', done: message.done, total: message.total });
        else if (message.type === 'done') {
          settle(() => {
            beforeDone?.(message.result);
            resolve({ ...report({ state: 'done', done: message.done, total: message.total }), result: message.result });
          });
        }
        else
          settle(() => {
            report({ state: 'failed', done: 0, total: 0, message: message.message });
            reject(new DomainError(message.code, message.message));
          });
      });
      worker.on('error', (error) =>
        settle(() => {
          report({ state: 'failed', done: 0, total: 0, message: error.message });
          reject(error);
        }),
      );
      worker.on('exit', (code) =>
        settle(() => {
          const message = `The worker for ${job.kind} stopped (exit code ${code}) before finishing`;
          report({ state: 'failed', done: 0, total: 0, message });
          reject(new DomainError('internal', message));
        }),
      );
    });
    worker.postMessage({ database: this.options.database, job });
    // The caller may only want the id (an API method answering at once); failures are reported as events.
    finished.catch(() => undefined);
    return { jobId, finished };
  }

  get activeJobs(): number {
    return this.running.size;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.running.values()].map((worker) => worker.terminate()));
    this.running.clear();
  }
}
