import { Worker } from 'node:worker_threads';
import { DomainError } from '#core/shared/errors';
import type { Disposable } from '#core/shared/disposable';
import type { JobResult } from './jobs';
import { PoolReplySchema, type DatabaseLocation, type QueryRequest } from './protocol';
import type { WorkerScript } from './worker-script';

/** A job stopped on request (the operator's cancel), not one that failed. */
export class JobCancelledError extends DomainError {
  constructor() {
    super('conflict', 'job_cancelled', 'The job was cancelled');
  }
}

interface Pending {
  id: string;
  job: QueryRequest;
  onProgress: (progress: { done: number; total: number }) => void;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread, started on first use and kept, that answers read-only queries (reports) one
 * after another on its own read-only connection: a report no longer pays for starting a thread, and
 * main never runs one. Cancelling the running query stops the thread (SQLite cannot be interrupted
 * from outside it); the next query starts a fresh one.
 */
export class QueryPool implements Disposable {
  private worker: Worker | undefined;
  private current: Pending | undefined;
  private readonly queue: Pending[] = [];
  /** Threads started so far: one for the app's life, plus one after each cancel. */
  workersStarted = 0;

  constructor(private readonly options: { script: WorkerScript; database: DatabaseLocation }) {}

  run(id: string, job: QueryRequest, onProgress: Pending['onProgress']): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, job, onProgress, resolve, reject });
      this.next();
    });
  }

  /** Stops a query, queued or running; false when it is not here. */
  cancel(id: string): boolean {
    const queued = this.queue.findIndex((p) => p.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1)[0]?.reject(new JobCancelledError());
      return true;
    }
    if (this.current?.id !== id) return false;
    this.fail(new JobCancelledError());
    return true;
  }

  private start(): Worker {
    const worker = new Worker(this.options.script.source, { eval: this.options.script.eval });
    this.workersStarted++;
    worker.postMessage({ type: 'open', database: this.options.database });
    worker.on('message', (raw: unknown) => {
      const reply = PoolReplySchema.parse(raw);
      const pending = this.current;
      if (!pending || reply.id !== pending.id) return;
      if (reply.type === 'progress') pending.onProgress({ done: reply.done, total: reply.total });
      else {
        this.current = undefined;
        if (reply.type === 'done') pending.resolve({ done: reply.done, total: reply.total, result: reply.result });
        else pending.reject(new DomainError(reply.code, reply.reason, reply.message, reply.params));
        this.next();
      }
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(new DomainError('internal', 'worker_stopped', `The report worker stopped (exit code ${code})`, { exitCode: code }));
    });
    return worker;
  }

  /** The running query failed with its thread: it is told, the thread goes, the queue carries on. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    const pending = this.current;
    this.current = undefined;
    void worker?.terminate();
    pending?.reject(error);
    this.next();
  }

  private next(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.current = pending;
    this.worker ??= this.start();
    this.worker.postMessage({ type: 'query', id: pending.id, job: pending.job });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const pending of this.queue.splice(0)) pending.reject(new DomainError('unavailable', 'app_closing', 'The app is closing'));
    await worker?.terminate();
  }
}
