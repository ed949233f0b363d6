import { z } from 'zod';
import { CampaignExportSchema, CampaignImportSchema } from '#core/dialer/files/file-jobs';
import { CampaignListTargetSchema, DelimiterSchema, DrillRequestSchema, ReportExportRequestSchema, ReportRequestSchema, DemoSeedRequestSchema, ErrorCodeSchema, ErrorParamsSchema, ErrorReasonSchema, ImportFormatSchema, ImportTargetSchema, SegmentDefinitionSchema, TextEncodingSchema } from '#contract';

/** How a worker finds the database main opened (and already migrated). */
export const DatabaseLocationSchema = z.object({
  file: z.string(),
  migrationsFolder: z.string(),
  nativeBinding: z.string().optional(),
});
export type DatabaseLocation = z.infer<typeof DatabaseLocationSchema>;

/** Every job carries the moment it was started, so its records are dated by main's clock. */
const started = { now: z.number() };
/** An export writes into a transfer file (see TransferStore), downloadable by its id once the job is done. */
const exportFile = { fileId: z.string(), file: z.string() };

export const JobRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo.seed'), params: DemoSeedRequestSchema.extend({ ...started, interactionsPerContact: z.number().optional() }) }),
  /** A report or a page of its drill-down, cut in the workstation's zone unless the request names another. */
  z.object({ kind: z.literal('reports.run'), params: z.object({ ...started, zone: z.string(), request: ReportRequestSchema }) }),
  z.object({ kind: z.literal('reports.drill'), params: z.object({ ...started, zone: z.string(), request: DrillRequestSchema }) }),
  z.object({ kind: z.literal('export.report'), params: z.object({ ...started, ...exportFile, zone: z.string(), export: ReportExportRequestSchema }) }),
  z.object({ kind: z.literal('contacts.duplicates'), params: z.object({ limit: z.number().int() }) }),
  z.object({
    kind: z.literal('import.contacts'),
    params: z.object({
      ...started,
      importId: z.string(),
      file: z.string(),
      fileName: z.string(),
      format: ImportFormatSchema.optional(),
      encoding: TextEncodingSchema.optional(),
      delimiter: DelimiterSchema.optional(),
      hasHeader: z.boolean(),
      mapping: z.array(ImportTargetSchema),
      duplicates: z.enum(['skip', 'merge', 'create']),
      workingCountries: z.array(z.string()),
      employeeId: z.string().nullable(),
      campaign: CampaignListTargetSchema.optional(),
    }),
  }),
  z.object({
    kind: z.literal('export.contacts'),
    params: z.object({ ...started, ...exportFile, format: z.enum(['csv', 'xlsx', 'vcard']), filter: SegmentDefinitionSchema.optional() }),
  }),
  z.object({ kind: z.literal('phones.reread'), params: z.object({ ...started, workingCountries: z.array(z.string()) }) }),
  z.object({ kind: z.literal('export.person'), params: z.object({ ...started, ...exportFile, contactId: z.string() }) }),
  z.object({ kind: z.literal('export.campaign'), params: z.object({ ...started, ...exportFile, employeeId: z.string().nullable(), export: CampaignExportSchema }) }),
  z.object({
    kind: z.literal('import.campaign'),
    params: z.object({ ...started, file: z.string(), employeeId: z.string().nullable(), workingCountries: z.array(z.string()), import: CampaignImportSchema }),
  }),
]);
export type JobRequest = z.infer<typeof JobRequestSchema>;

export const WorkerStartSchema = z.object({ database: DatabaseLocationSchema, job: JobRequestSchema });
export type WorkerStart = z.infer<typeof WorkerStartSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), done: z.number(), total: z.number(), result: z.unknown().optional() }),
  z.object({ type: z.literal('failed'), code: ErrorCodeSchema, reason: ErrorReasonSchema, params: ErrorParamsSchema, message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** Jobs that only read: they run in the pooled read-only worker (see QueryPool). */
export const queryKinds = ['reports.run', 'reports.drill', 'contacts.duplicates'] as const;
export type QueryRequest = Extract<JobRequest, { kind: (typeof queryKinds)[number] }>;

export function isQuery(job: JobRequest): job is QueryRequest {
  return (queryKinds as readonly string[]).includes(job.kind);
}

/** The pooled worker's conversation: opened once on a database, then one query after another, by id. */
export const PoolMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), database: DatabaseLocationSchema }),
  z.object({ type: z.literal('query'), id: z.string(), job: JobRequestSchema }),
]);
export type PoolMessage = z.infer<typeof PoolMessageSchema>;

export const PoolReplySchema = z.intersection(WorkerMessageSchema, z.object({ id: z.string() }));
export type PoolReply = z.infer<typeof PoolReplySchema>;
