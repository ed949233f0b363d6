import { z } from 'zod';
import { IdSchema, LanguageSchema } from './common';
import { ErrorParamsSchema, ErrorReasonSchema } from './errors';

export const jobKinds = ['demo.seed', 'import.contacts', 'export.contacts', 'export.person', 'phones.reread', 'export.campaign', 'import.campaign', 'export.report'] as const;
export const JobKindSchema = z.enum(jobKinds);
export type JobKind = z.infer<typeof JobKindSchema>;

/** Work that runs quietly (the operator waits for its answer on screen), yet is journaled like the rest. */
export const quietJobKinds = ['reports.run', 'reports.drill', 'contacts.duplicates'] as const;
export const AnyJobKindSchema = z.enum([...jobKinds, ...quietJobKinds]);

/**
 *   running ─▶ done | failed | cancelled
 *   running ─▶ interrupted (the app stopped mid-way; found at the next start) ─▶ running (resumed) | cancelled (dismissed)
 */
export const JobStateSchema = z.enum(['running', 'done', 'failed', 'interrupted', 'cancelled']);

/** A job as the journal keeps it: the list of recent and interrupted work. */
export const JobRecordSchema = z.object({
  jobId: IdSchema,
  kind: AnyJobKindSchema,
  state: JobStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  message: z.string().optional(),
  /** For an import: its report, and the way to undo what it wrote. */
  importId: IdSchema.optional(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const JobListRequestSchema = z.strictObject({
  states: z.array(JobStateSchema).max(5).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const JobProgressSchema = z.object({
  jobId: IdSchema,
  kind: JobKindSchema,
  state: JobStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Why it failed: English for logs; `reason` and `params` for the operator's language. */
  message: z.string().optional(),
  reason: ErrorReasonSchema.optional(),
  params: ErrorParamsSchema.optional(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const DemoSeedRequestSchema = z.strictObject({
  /** How many contacts to generate; companies, interactions and deals scale with it. */
  contacts: z.number().int().min(10).max(1_000_000).default(2_000),
  /** The language of names, numbers and texts; by default the workplace's interface language (see core/demo/language.ts). */
  language: LanguageSchema.optional(),
});

export const JobStartedSchema = z.object({ jobId: IdSchema });

/** An import started: follow it by job (progress) and by import (its report). */
export const ImportStartedSchema = z.object({ jobId: IdSchema, importId: IdSchema });

/** An export started: when the job is done, download the file by its id. */
export const ExportStartedSchema = z.object({ jobId: IdSchema, fileId: IdSchema });
