import { z } from 'zod';
import { DemoSeedRequestSchema, ErrorCodeSchema } from '#contract';

/** How a worker finds the database main opened (and already migrated). */
export const DatabaseLocationSchema = z.object({
  file: z.string(),
  migrationsFolder: z.string(),
  nativeBinding: z.string().optional(),
});
export type DatabaseLocation = z.infer<typeof DatabaseLocationSchema>;

export const JobRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo.seed'), params: DemoSeedRequestSchema.extend({ now: z.number(), interactionsPerContact: z.number().optional() }) }),
  z.object({ kind: z.literal('reports.summary'), params: z.object({}) }),
]);
export type JobRequest = z.infer<typeof JobRequestSchema>;

export const WorkerStartSchema = z.object({ database: DatabaseLocationSchema, job: JobRequestSchema });
export type WorkerStart = z.infer<typeof WorkerStartSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), done: z.number(), total: z.number(), result: z.unknown().optional() }),
  z.object({ type: z.literal('failed'), code: ErrorCodeSchema, message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
