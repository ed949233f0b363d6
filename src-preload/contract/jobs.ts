import { z } from 'zod';
import { IdSchema } from './common';

export const jobKinds = ['demo.seed', 'import.contacts', 'export.contacts', 'export.person'] as const;
export const JobKindSchema = z.enum(jobKinds);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JobStateSchema = z.enum(['running', 'done', 'failed']);

export const JobProgressSchema = z.object({
  jobId: IdSchema,
  kind: JobKindSchema,
  state: JobStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const DemoSeedRequestSchema = z.strictObject({
  /** How many contacts to generate; companies, interactions and deals scale with it. */
  contacts: z.number().int().min(10).max(1_000_000).default(2_000),
});

export const JobStartedSchema = z.object({ jobId: IdSchema });

/** An import started: follow it by job (progress) and by import (its report). */
export const ImportStartedSchema = z.object({ jobId: IdSchema, importId: IdSchema });

/** An export started: when the job is done, download the file by its id. */
export const ExportStartedSchema = z.object({ jobId: IdSchema, fileId: IdSchema });
