import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { InteractionKindSchema } from './interactions';
import { ExportStartedSchema } from './jobs';

/**
 * Reports: each one a set of figures for a period and filters, broken down one way (its view), with a chart and
 * a table; any cell opens the records behind it (drill-down), from the same query definition as the figure.
 */
export const reportKinds = ['operator_kpi', 'campaign_results', 'relationship_health', 'sales', 'complaints', 'manager_load'] as const;
export const ReportKindSchema = z.enum(reportKinds);
export type ReportKind = z.infer<typeof ReportKindSchema>;

const ids = z.array(IdSchema).max(500).default([]);

export const ReportFiltersSchema = z
  .strictObject({
    /** The period, [from, to) in epoch ms. */
    from: TimestampSchema,
    to: TimestampSchema,
    /** The zone whose days and hours the report is cut into (IANA); the workstation's when left out. */
    timeZone: z.string().min(1).max(64).optional(),
    operatorIds: ids,
    teamIds: ids,
    campaignIds: ids,
    /** Records of companies carrying any of these tags. */
    companyTagIds: ids,
  })
  .refine((f) => f.from < f.to, { message: 'The period must end after it starts', path: ['to'] })
  .refine((f) => f.to - f.from <= 3 * 366 * 86_400_000, { message: 'A report covers at most three years', path: ['to'] });
export type ReportFilters = z.output<typeof ReportFiltersSchema>;

/** Settings a report of one kind takes besides the common filters. */
export const ReportOptionsSchema = z
  .strictObject({
    /** Relationship health: the kind of contact that must have happened ("call", "meeting"…). */
    interactionKind: InteractionKindSchema.optional(),
    /** Relationship health: at most this many days since the last such contact. */
    days: z.number().int().min(1).max(3650).optional(),
    /** Campaign results: the questionnaire question whose answers are aggregated. */
    questionId: z.string().min(1).max(120).optional(),
  })
  .default({});
export type ReportOptions = z.output<typeof ReportOptionsSchema>;

export const ReportRequestSchema = z.strictObject({
  report: ReportKindSchema,
  /** How the figures are broken down (rows of the table, bars of the chart); each report lists its views, the first is the default. */
  view: z.string().min(1).max(40).optional(),
  filters: ReportFiltersSchema,
  options: ReportOptionsSchema,
});
export type ReportRequest = z.output<typeof ReportRequestSchema>;
export type ReportRequestInput = z.input<typeof ReportRequestSchema>;

/**
 * How a figure reads: counts, durations in seconds, percentages (0–100), money (with its currency), hours, QA
 * scores (0–100), plain numbers.
 */
export const ReportUnitSchema = z.enum(['count', 'seconds', 'percent', 'money', 'hours', 'score', 'number']);
export type ReportUnit = z.infer<typeof ReportUnitSchema>;

export const ReportColumnSchema = z.object({
  /** Stable key; the window words it through `reports.columns.<key>` unless `label` is given. */
  key: z.string(),
  unit: ReportUnitSchema,
  /** A label taken from the data (a disposition's name, a stage, a currency, an answer). */
  label: z.string().optional(),
  currency: z.string().optional(),
  /** Whether a cell of this column opens the records behind it. */
  drill: z.boolean(),
  /** Shown in the chart (the rest are table columns only). */
  chart: z.boolean(),
});
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

/**
 * What a row's key is: an employee, a team, a campaign, a local date ("2026-03-29"), an ISO week's Monday, a month
 * ("2026-03"), an hour of the day ("0".."23"), or a value of the data (a stage, a cause, a disposition…).
 */
export const ReportRowKindSchema = z.enum(['employee', 'team', 'campaign', 'day', 'week', 'month', 'hour', 'value', 'key']);

export const ReportRowSchema = z.object({
  key: z.string(),
  kind: ReportRowKindSchema,
  /** The name to show (an employee's, a stage's…); for `key` rows a word the window translates through `reports.rows.<label>`. */
  label: z.string(),
  values: z.record(z.string(), z.number().nullable()),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportChartSchema = z.object({
  type: z.enum(['bar', 'stacked_bar', 'line', 'pie', 'funnel']),
});

export const ReportResultSchema = z.object({
  report: ReportKindSchema,
  view: z.string(),
  /** Every view this report offers. */
  views: z.array(z.string()),
  columns: z.array(ReportColumnSchema),
  rows: z.array(ReportRowSchema),
  /** The whole period's figures (a sum, or the figure recomputed over everything for averages and rates). */
  totals: z.record(z.string(), z.number().nullable()),
  chart: ReportChartSchema,
  timeZone: z.string(),
  generatedAt: TimestampSchema,
});
export type ReportResult = z.infer<typeof ReportResultSchema>;

/** One cell of a report: a row (null: the totals row) and a column. */
export const ReportCellSchema = z.strictObject({
  rowKey: z.string().max(200).nullable(),
  column: z.string().min(1).max(120),
});
export type ReportCell = z.infer<typeof ReportCellSchema>;

export const DrillRequestSchema = ReportRequestSchema.extend({
  cell: ReportCellSchema,
  /** The page after this cursor (from the previous page's `next`). */
  after: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type DrillRequest = z.output<typeof DrillRequestSchema>;

/** The record a drill-down row opens. */
export const RecordRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: IdSchema }),
  z.object({ type: z.literal('contact'), id: IdSchema }),
  z.object({ type: z.literal('company'), id: IdSchema }),
  z.object({ type: z.literal('deal'), id: IdSchema }),
  z.object({ type: z.literal('complaint'), id: IdSchema }),
  z.object({ type: z.literal('event'), id: IdSchema }),
  z.object({ type: z.literal('campaign'), id: IdSchema }),
]);
export type RecordRef = z.infer<typeof RecordRefSchema>;

export const DrillFieldSchema = z.object({
  key: z.string(),
  unit: z.enum(['text', 'datetime', 'count', 'seconds', 'money', 'percent', 'score', 'number']),
});

export const DrillRowSchema = z.object({
  /** Unique within the list (a call's id, a state stretch's id…). */
  id: z.string(),
  /** What clicking the row opens; absent for rows that are no record of their own (an operator's pause). */
  open: RecordRefSchema.optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** A call whose recording can be played. */
  hasRecording: z.boolean().optional(),
});
export type DrillRow = z.infer<typeof DrillRowSchema>;

export const DrillPageSchema = z.object({
  /** What the rows are, for the window's wording: calls, contacts, deals… */
  recordType: z.enum(['call', 'contact', 'company', 'deal', 'complaint', 'event', 'state', 'attempt', 'answer', 'review']),
  fields: z.array(DrillFieldSchema),
  rows: z.array(DrillRowSchema),
  /** The cursor of the next page; null on the last. */
  next: z.string().nullable(),
});
export type DrillPage = z.infer<typeof DrillPageSchema>;

export const ReportExportRequestSchema = z.strictObject({
  request: ReportRequestSchema,
  format: z.enum(['csv', 'xlsx']),
  /** Export the records behind this cell instead of the report's table. */
  cell: ReportCellSchema.optional(),
  /** Headers in the operator's language, by column key (the window words them; main does not translate). */
  headers: z.record(z.string().max(120), z.string().max(200)).default({}),
});

/** Teams and people a report can be filtered by. */
export const ReportFilterChoicesSchema = z.object({
  operators: z.array(z.object({ id: IdSchema, name: z.string(), teamId: IdSchema.nullable() })),
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
  campaigns: z.array(z.object({ id: IdSchema, name: z.string() })),
  companyTags: z.array(z.object({ id: IdSchema, name: z.string() })),
});

/** How far a running report has got: `done` of `total` parts counted (one query per kind of record). */
export const ReportProgressSchema = z.object({ jobId: IdSchema, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

export const reportEvents = {
  'report.progress': ReportProgressSchema,
} as const;

export const reportMethods = {
  /**
   * Runs a report in the pooled query worker and answers with it; `jobId` (chosen by the window) lets
   * `reports.cancel` stop it and progress events follow it.
   */
  'reports.run': { input: z.strictObject({ jobId: IdSchema.optional(), request: ReportRequestSchema }), output: ReportResultSchema },
  /** A page of the records behind one cell. */
  'reports.drill': { input: DrillRequestSchema, output: DrillPageSchema },
  'reports.cancel': { input: z.strictObject({ jobId: IdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** The report's table (or a cell's records) as CSV or XLSX: a job writing a file to download. */
  'reports.export': { input: ReportExportRequestSchema, output: ExportStartedSchema },
  'reports.filterChoices': { input: z.strictObject({}), output: ReportFilterChoicesSchema },
} as const;
