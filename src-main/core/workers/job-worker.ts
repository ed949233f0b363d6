import { parentPort } from 'node:worker_threads';
import { openDatabase } from '#core/db/connection';
import { DomainError } from '#core/shared/errors';
import { runJob } from './jobs';
import { WorkerStartSchema, type WorkerMessage } from './protocol';

/**
 * Worker-thread entry: opens its own connection to the database (WAL lets it write while
 * main keeps reading), runs one job, reports progress, and exits.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('job-worker must run in a worker thread');
  const post = (message: WorkerMessage) => port.postMessage(message);
  const run = async (raw: unknown): Promise<void> => {
    let database: ReturnType<typeof openDatabase> | undefined;
    try {
      const start = WorkerStartSchema.parse(raw);
      database = openDatabase({ ...start.database, busyTimeoutMs: 30_000 });
      let lastPost = 0;
      const result = await runJob(database, start.job, (progress) => {
        // Throttled: progress bars need a few updates a second, not one per batch of rows.
        const now = performance.now();
        if (now - lastPost >= 100) {
          lastPost = now;
          post({ type: 'progress', ...progress });
        }
      });
      post({ type: 'done', ...result });
    } catch (error) {
      post(
        error instanceof DomainError
          ? { type: 'failed', code: error.code, message: error.message }
          : { type: 'failed', code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      );
    } finally {
      database?.close();
      port.close();
    }
  };
  port.once('message', (raw: unknown) => void run(raw));
}

main();
