import { Worker } from 'node:worker_threads';
import { jobKinds, type JobKind, type JobProgress, type JobRecord } from '#contract';
import { DomainError, notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { Disposable } from '#core/shared/disposable';
import type { JobJournal } from './job-journal';
import { isQuery, WorkerMessageSchema, type DatabaseLocation, type JobRequest, type QueryRequest } from './protocol';
import { JobCancelledError, QueryPool } from './query-pool';
import type { WorkerScript } from './worker-script';

export interface JobRunnerOptions {
  script: WorkerScript;
  database: DatabaseLocation;
  ids: IdGenerator;
  journal: JobJournal;
  onProgress: (progress: JobProgress) => void;
  /** Progress of a quiet query (a report being counted), for the window that waits for it. */
  onQueryProgress?: (jobId: string, kind: QueryRequest['kind'], progress: { done: number; total: number }) => void;
  /**
   * Runs before "done" is announced, for every job, first run or resumed (an export marks its
   * file downloadable), so whoever hears "done" can act on it at once.
   */
  beforeDone?: (job: JobRequest, result: unknown) => void;
}

/** A finished job: its last progress and, for queries, the answer. */
export type JobOutcome = JobProgress & { result?: unknown };

/** Jobs the operator sees (with a progress notice); queries run quietly. */
function isAnnounced(kind: string): kind is JobKind {
  return (jobKinds as readonly string[]).includes(kind);
}

/**
 * Runs heavy work (imports, exports, demo data, big reports) in worker threads, so calls and the
 * UI never wait for it. Each job gets a thread of its own and a line in the journal (see
 * JobJournal), so work cut short by a crash is offered again at the next start. Progress of the
 * jobs the operator started goes out as `job.progress` events.
 */
export class JobRunner implements Disposable {
  private readonly running = new Map<string, { worker: Worker | null; cancel: () => void }>();
  /** Reports and other read-only queries: one kept worker on a read-only connection. */
  private readonly queries: QueryPool;
  /** Set while the app quits: jobs stopped then stay "running" in the journal, to be found interrupted at the next start. */
  private stopping = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.queries = new QueryPool({ script: options.script, database: options.database });
  }

  /** Starts a job (or runs an interrupted one again under its own id); `finished` rejects with the job's DomainError. */
  run(job: JobRequest, jobId: string = this.options.ids.next()): { jobId: string; finished: Promise<JobOutcome> } {
    const { journal } = this.options;
    journal.started(jobId, job);
    if (isQuery(job)) return { jobId, finished: this.query(jobId, job) };
    const worker = new Worker(this.options.script.source, { eval: this.options.script.eval });
    const report = (progress: Omit<JobProgress, 'jobId' | 'kind'>): JobOutcome => {
      const full = { jobId, kind: job.kind, ...progress };
      if (isAnnounced(job.kind)) this.options.onProgress(full);
      return full;
    };
    report({ state: 'running', done: 0, total: 0 });

    const finished = new Promise<JobOutcome>((resolve, reject) => {
      let settled = false;
      let last = { done: 0, total: 0 };
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(jobId);
        outcome();
      };
      const fail = (state: 'failed' | 'cancelled', error: Error) =>
        settle(() => {
          if (!this.stopping) journal.finished(jobId, state, { ...last, message: error.message });
          report({ state, ...last, message: error.message, ...(error instanceof DomainError ? { reason: error.reason, params: error.params } : {}) });
          reject(error);
        });
      this.running.set(jobId, {
        worker,
        cancel: () => {
          fail('cancelled', new JobCancelledError());
          void worker.terminate();
        },
      });
      worker.on('message', (raw: unknown) => {
        const message = WorkerMessageSchema.parse(raw);
        if (message.type === 'progress') {
          last = { done: message.done, total: message.total };
          journal.progress(jobId, message.done, message.total);
          report({ state: 'running', ...last });
        } else if (message.type === 'done') {
          settle(() => {
            this.options.beforeDone?.(job, message.result);
            journal.finished(jobId, 'done', { done: message.done, total: message.total });
            resolve({ ...report({ state: 'done', done: message.done, total: message.total }), result: message.result });
          });
        } else fail('failed', new DomainError(message.code, message.reason, message.message, message.params));
      });
      worker.on('error', (error) => fail('failed', error));
      worker.on('exit', (code) => fail('failed', new DomainError('internal', 'worker_stopped', `The worker for ${job.kind} stopped (exit code ${code}) before finishing`, { exitCode: code })));
    });
    worker.postMessage({ database: this.options.database, job });
    // The caller may only want the id (an API method answering at once); failures are reported as events.
    finished.catch(() => undefined);
    return { jobId, finished };
  }

  /** A read-only job, in the pooled query worker; journaled like the rest, so a crash leaves it "interrupted". */
  private query(jobId: string, job: QueryRequest): Promise<JobOutcome> {
    const { journal } = this.options;
    let last = { done: 0, total: 0 };
    this.running.set(jobId, { worker: null, cancel: () => this.queries.cancel(jobId) });
    const outcome = (state: JobOutcome['state'], message?: string): JobOutcome => ({ jobId, kind: job.kind as JobKind, state, ...last, ...(message ? { message } : {}) });
    const finished = this.queries
      .run(jobId, job, (progress) => {
        last = progress;
        journal.progress(jobId, progress.done, progress.total);
        this.options.onQueryProgress?.(jobId, job.kind, progress);
      })
      .then(
        (result) => {
          last = { done: result.done, total: result.total };
          journal.finished(jobId, 'done', last);
          return { ...outcome('done'), result: result.result };
        },
        (error: Error) => {
          if (!this.stopping) journal.finished(jobId, error instanceof JobCancelledError ? 'cancelled' : 'failed', { ...last, message: error.message });
          throw error;
        },
      )
      .finally(() => this.running.delete(jobId));
    finished.catch(() => undefined);
    return finished;
  }

  /** Runs an interrupted or failed job again, under its id; an import carries on after its last committed batch. */
  resume(jobId: string): { jobId: string; finished: Promise<JobOutcome> } {
    if (this.running.has(jobId)) throw new DomainError('conflict', 'job_running', 'This job is running already', { jobId });
    return this.run(this.options.journal.resumable(jobId), jobId);
  }

  cancel(jobId: string): JobRecord {
    const running = this.running.get(jobId);
    if (!running) throw notFound('Running job', jobId);
    running.cancel();
    return this.options.journal.get(jobId);
  }

  /** Threads the read-only query worker has needed so far (one, unless a query was cancelled). */
  get queryWorkersStarted(): number {
    return this.queries.workersStarted;
  }

  get activeJobs(): number {
    return this.running.size;
  }

  async dispose(): Promise<void> {
    // Jobs stopped by quitting are left "running" in the journal: the next start offers them as interrupted.
    this.stopping = true;
    await Promise.all([...this.running.values()].flatMap(({ worker }) => (worker ? [worker.terminate()] : [])));
    await this.queries.dispose();
    this.running.clear();
  }
}
