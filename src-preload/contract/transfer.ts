import { z } from 'zod';
import { CampaignListReportSchema, CampaignListTargetSchema } from './campaign-files';
import { IdSchema, TimestampSchema } from './common';
import { ErrorParamsSchema, ErrorReasonSchema } from './errors';
import { SegmentDefinitionSchema } from './segments';

/** Files travel between the renderer and main in base64 chunks, the same over IPC and the browser host's socket. */
export const maxChunkBase64 = 1_400_000;

export const UploadChunkSchema = z.strictObject({
  /** Absent on the first chunk; main answers with the id to send the rest under. */
  uploadId: IdSchema.optional(),
  fileName: z.string().trim().min(1).max(255),
  chunkBase64: z.string().max(maxChunkBase64),
  final: z.boolean(),
});

export const UploadAckSchema = z.object({ uploadId: IdSchema, bytes: z.number().int().nonnegative() });

export const importFormats = ['csv', 'xlsx', 'vcard'] as const;
export const ImportFormatSchema = z.enum(importFormats);
export const TextEncodingSchema = z.enum(['utf-8', 'windows-1251']);
export const DelimiterSchema = z.enum([',', ';', '\t']);

/** Where a column of the file goes. `custom:<fieldId>` fills a custom field. */
export const importTargets = [
  'skip',
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'company',
  'position',
  'phone',
  'mobile',
  'workPhone',
  'email',
  'address',
  'city',
  /** The row's country (a code or a name in any of our languages): its numbers are read with it first. */
  'country',
  'tags',
  'notes',
  'source',
  'doNotCall',
] as const;
export const ImportTargetSchema = z.union([z.enum(importTargets), z.string().regex(/^custom:[\w-]{1,64}$/)]);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

export const ImportOptionsSchema = z.strictObject({
  uploadId: IdSchema,
  format: ImportFormatSchema.optional(),
  encoding: TextEncodingSchema.optional(),
  delimiter: DelimiterSchema.optional(),
  hasHeader: z.boolean().default(true),
  /** The countries this file's numbers are read with, in order; the working countries from Settings when omitted. */
  workingCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(10).optional(),
});

export const ImportPreviewSchema = z.object({
  format: ImportFormatSchema,
  encoding: TextEncodingSchema,
  delimiter: DelimiterSchema,
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestedMapping: z.array(ImportTargetSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportStartSchema = ImportOptionsSchema.extend({
  mapping: z.array(ImportTargetSchema).min(1).max(500),
  /** Rows whose phone or e-mail is already known: skip them, merge them into the existing contact, or create anyway. */
  duplicates: z.enum(['skip', 'merge', 'create']).default('skip'),
  /** The file's people also join this campaign's list (duplicates under the contact they match), split among its operators. */
  campaign: CampaignListTargetSchema.optional(),
});

export const RejectedRowSchema = z.object({
  line: z.number().int().positive(),
  field: z.string().nullable(),
  /** In English, for the command line and the log; the window words `code` with `params`. */
  reason: z.string(),
  /** Absent on rows rejected before the codes existed (their report keeps the English reason). */
  code: ErrorReasonSchema.optional(),
  params: ErrorParamsSchema.optional(),
});
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

/** A phone imported but flagged: its row went in, the number waits for a person. */
export const PhoneIssueSchema = z.object({
  line: z.number().int().positive(),
  field: z.string().nullable(),
  value: z.string(),
  status: z.enum(['ambiguous', 'invalid']),
  reason: z.string(),
  /** The readings tried, in order. */
  tried: z.array(z.string()),
  /** The valid readings found (ambiguous: the first is stored). */
  readings: z.array(z.string()),
});
export type PhoneIssue = z.infer<typeof PhoneIssueSchema>;

export const ImportSummarySchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  format: ImportFormatSchema,
  state: z.enum(['running', 'done', 'failed', 'interrupted', 'undone']),
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  rejections: z.array(RejectedRowSchema),
  phoneIssues: z.number().int().nonnegative(),
  phoneIssueList: z.array(PhoneIssueSchema),
  /** For an import into a campaign's list: how many joined it. */
  campaignList: CampaignListReportSchema.nullable(),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const exportFormats = ['csv', 'xlsx', 'vcard'] as const;
export const ExportRequestSchema = z.strictObject({
  format: z.enum(exportFormats),
  filter: SegmentDefinitionSchema.optional(),
});

export const DownloadChunkRequestSchema = z.strictObject({ fileId: IdSchema, offset: z.number().int().min(0).default(0) });
export const DownloadChunkSchema = z.object({
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  chunkBase64: z.string(),
  nextOffset: z.number().int().nonnegative().nullable(),
});

export const PersonalDataExportSchema = z.object({ fileId: IdSchema, fileName: z.string() });

export const EraseRequestSchema = z.strictObject({
  contactId: IdSchema,
  reason: z.string().trim().min(1).max(500),
  /** The person's full name, typed again: erasing cannot be undone. */
  confirmName: z.string(),
});

export const ErasureSchema = z.object({ erasureId: IdSchema, counts: z.record(z.string(), z.number().int().nonnegative()) });
