import { and, desc, eq, inArray } from 'drizzle-orm';
import { jobKinds, quietJobKinds, type JobRecord } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { jobs } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import { DomainError, notFound } from '#core/shared/errors';
import { JobRequestSchema, type JobRequest } from './protocol';

/** Progress is written at most this often: the list of jobs needs the gist, not every batch. */
const progressEveryMs = 1_000;

type JobRow = typeof jobs.$inferSelect;

/** Kinds this version can name; rows of kinds an earlier version retired (e.g. 'reports.summary') stay in the table unlisted. */
const knownKinds: string[] = [...jobKinds, ...quietJobKinds];

function fromOtherVersion(jobId: string): DomainError {
  return new DomainError('conflict', 'job_from_other_version', 'This job was started by another version of the app and cannot be resumed; start it again', { jobId });
}

/** The import a job writes, so an interrupted one can be undone from its notice. */
function importIdOf(row: JobRow): string | undefined {
  if (row.kind !== 'import.contacts') return undefined;
  const parsed = JobRequestSchema.safeParse(JSON.parse(row.request));
  return parsed.success && parsed.data.kind === 'import.contacts' ? parsed.data.params.importId : undefined;
}

function toRecord(row: JobRow): JobRecord {
  const importId = importIdOf(row);
  return {
    ...(importId ? { importId } : {}),
    jobId: row.id,
    kind: row.kind as JobRecord['kind'],
    state: row.state,
    done: row.done,
    total: row.total,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    ...(row.message !== null ? { message: row.message } : {}),
  };
}

/**
 * The durable record of every job the runner starts: its request (to run it again), its state and
 * progress. What a crash leaves "running" becomes "interrupted" at the next start.
 */
export class JobJournal {
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly database: AppDatabase,
    private readonly clock: Clock,
    private readonly employeeId: () => string | null,
  ) {}

  /** Jobs cut short by the last stop (crash, kill -9, power loss): marked interrupted; their ids. */
  interruptLeftovers(): string[] {
    return this.database.write((tx) => {
      const ids = tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.state, 'running')).all().map((r) => r.id);
      if (ids.length > 0) {
        tx.update(jobs)
          .set({ state: 'interrupted', message: 'The app stopped before this finished', updatedAt: this.clock.now() })
          .where(inArray(jobs.id, ids))
          .run();
      }
      return ids;
    });
  }

  started(jobId: string, request: JobRequest): void {
    const now = this.clock.now();
    const values = { kind: request.kind, state: 'running' as const, request: JSON.stringify(request), message: null, finishedAt: null, updatedAt: now };
    this.database.write((tx) =>
      tx
        .insert(jobs)
        .values({ id: jobId, ...values, employeeId: this.employeeId(), startedAt: now })
        .onConflictDoUpdate({ target: jobs.id, set: values })
        .run(),
    );
  }

  progress(jobId: string, done: number, total: number): void {
    const now = this.clock.now();
    if (now - (this.lastWrite.get(jobId) ?? 0) < progressEveryMs) return;
    this.lastWrite.set(jobId, now);
    this.database.write((tx) => tx.update(jobs).set({ done, total, updatedAt: now }).where(and(eq(jobs.id, jobId), eq(jobs.state, 'running'))).run());
  }

  finished(jobId: string, state: 'done' | 'failed' | 'cancelled', outcome: { done: number; total: number; message?: string | undefined }): void {
    this.lastWrite.delete(jobId);
    const now = this.clock.now();
    this.database.write((tx) =>
      tx
        .update(jobs)
        .set({ state, done: outcome.done, total: outcome.total, message: outcome.message ?? null, finishedAt: now, updatedAt: now })
        .where(eq(jobs.id, jobId))
        .run(),
    );
  }

  /** The operator has seen an interrupted job and does not want it resumed. */
  dismiss(jobId: string): JobRecord {
    const row = this.knownRow(jobId);
    if (row.state !== 'interrupted' && row.state !== 'failed') throw new DomainError('conflict', 'job_not_resumable', 'Only an interrupted or failed job can be dismissed', { jobId, state: row.state });
    const now = this.clock.now();
    this.database.write((tx) => tx.update(jobs).set({ state: 'cancelled', finishedAt: now, updatedAt: now }).where(eq(jobs.id, jobId)).run());
    return toRecord(this.knownRow(jobId));
  }

  /** The request of a job that may be run again: interrupted or failed. */
  resumable(jobId: string): JobRequest {
    const row = this.knownRow(jobId);
    if (row.state !== 'interrupted' && row.state !== 'failed') throw new DomainError('conflict', 'job_not_resumable', `This job is ${row.state}; only an interrupted or failed job can be resumed`, { jobId, state: row.state });
    const parsed = JobRequestSchema.safeParse(JSON.parse(row.request));
    if (!parsed.success) throw fromOtherVersion(jobId);
    return parsed.data;
  }

  /** The newest job of a kind that is running or done, with its request: has this work been done already? */
  latest(kind: string): { state: JobRecord['state']; request: JobRequest } | null {
    const row = this.database.read
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, kind), inArray(jobs.state, ['running', 'done'])))
      .orderBy(desc(jobs.startedAt))
      .limit(1)
      .get();
    if (!row) return null;
    const parsed = JobRequestSchema.safeParse(JSON.parse(row.request));
    return parsed.success ? { state: row.state, request: parsed.data } : null;
  }

  get(jobId: string): JobRecord {
    return toRecord(this.knownRow(jobId));
  }

  list(states: readonly JobRecord['state'][] | undefined, limit: number): JobRecord[] {
    return this.database.read
      .select()
      .from(jobs)
      .where(and(inArray(jobs.kind, knownKinds), states && states.length > 0 ? inArray(jobs.state, [...states]) : undefined))
      .orderBy(desc(jobs.startedAt))
      .limit(limit)
      .all()
      .map(toRecord);
  }

  /** A job's row, if this version still knows its kind (a record of it must pass the contract). */
  private knownRow(jobId: string): JobRow {
    const row = this.database.read.select().from(jobs).where(eq(jobs.id, jobId)).get();
    if (!row) throw notFound('Job', jobId);
    if (!knownKinds.includes(row.kind)) throw fromOtherVersion(jobId);
    return row;
  }
}
