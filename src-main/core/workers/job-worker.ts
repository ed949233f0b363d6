import { parentPort } from 'node:worker_threads';
import { openDatabase, openReadOnlyDatabase, type ReadOnlyDatabase } from '#core/db/connection';
import { DomainError } from '#core/shared/errors';
import { runJob, runQuery, type JobProgressReport } from './jobs';
import { isQuery, PoolMessageSchema, WorkerStartSchema, type WorkerMessage } from './protocol';

type Post = (message: WorkerMessage) => void;

function failure(error: unknown): WorkerMessage {
  return error instanceof DomainError
    ? { type: 'failed', code: error.code, reason: error.reason, params: error.params, message: error.message }
    : { type: 'failed', code: 'internal', reason: 'worker_stopped', params: {}, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/** Throttled: progress bars need a few updates a second, not one per batch of rows. */
function throttled(post: Post): (progress: JobProgressReport) => void {
  let lastPost = 0;
  return (progress) => {
    const now = performance.now();
    if (now - lastPost >= 100) {
      lastPost = now;
      post({ type: 'progress', ...progress });
    }
  };
}

/**
 * Worker-thread entry, in one of two ways. A job of its own: opens its own connection (WAL lets it
 * write while main keeps reading), runs the job, reports progress, and exits. The pooled query worker
 * ("open" first): opens the database read-only once and answers queries (reports) one after another
 * for as long as the app runs, so a report does not pay for starting a thread.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('job-worker must run in a worker thread');
  port.once('message', (raw: unknown) => {
    const pooled = PoolMessageSchema.safeParse(raw);
    if (pooled.success && pooled.data.type === 'open') {
      const database: ReadOnlyDatabase = openReadOnlyDatabase({ ...pooled.data.database, busyTimeoutMs: 30_000 });
      port.on('message', (next: unknown) => {
        const message = PoolMessageSchema.parse(next);
        if (message.type !== 'query') return;
        const post: Post = (reply) => port.postMessage({ ...reply, id: message.id });
        try {
          if (!isQuery(message.job)) throw new DomainError('invalid_payload', 'job_needs_writer', `${message.job.kind} writes, and cannot run in the read-only worker`, { job: message.job.kind });
          post({ type: 'done', ...runQuery(database.read, message.job, throttled(post)) });
        } catch (error) {
          post(failure(error));
        }
      });
      return;
    }
    void runOnce(raw, (message) => port.postMessage(message)).finally(() => port.close());
  });
}

async function runOnce(raw: unknown, post: Post): Promise<void> {
  let database: ReturnType<typeof openDatabase> | undefined;
  try {
    const start = WorkerStartSchema.parse(raw);
    database = openDatabase({ ...start.database, busyTimeoutMs: 30_000 });
    post({ type: 'done', ...(await runJob(database, start.job, throttled(post))) });
  } catch (error) {
    post(failure(error));
  } finally {
    database?.close();
  }
}

main();
