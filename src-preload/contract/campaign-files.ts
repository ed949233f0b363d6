import { z } from 'zod';
import { CampaignSplitSchema } from './campaigns';
import { IdSchema } from './common';
import { ErrorParamsSchema, ErrorReasonSchema } from './errors';
import { ExportStartedSchema } from './jobs';

/**
 * Campaigns and files, until workstations synchronise by themselves:
 * - a campaign's list from a CSV/XLSX file: `imports.start` with `campaign` (see ImportStartSchema);
 * - an operator's part carried to another workstation and its results brought back:
 *   `campaigns.exportPart` here → `campaigns.importPart` there → work → `campaigns.exportResults` there →
 *   `campaigns.importResults` here; every row keeps its id, so a file applied twice changes nothing; the part's
 *   numbers are away meanwhile (never dialed here) until its results come back or `campaigns.takeBackPart`;
 * - the supervisor's files: one row per number (`campaigns.exportReport`) and the audit log of every
 *   attempt's "allowed because" record and every refusal (`campaigns.exportAudit`), CSV or XLSX.
 * Exports run as jobs (progress as `job.progress`; download with `files.download` once done); imports
 * read a file sent with `files.upload` and answer with their report.
 */

const count = z.number().int().nonnegative();

/** `imports.start`'s `campaign`: the file's people also join this campaign's list, split among its operators. */
export const CampaignListTargetSchema = z.strictObject({
  id: IdSchema,
  split: CampaignSplitSchema.default('even'),
});

/** What an import did to its campaign's list (`ImportSummary.campaignList`), counted batch by batch. */
export const CampaignListReportSchema = z.object({
  campaignId: IdSchema,
  split: CampaignSplitSchema,
  /** People who joined the list (new contacts and known ones, duplicates skipped by the import included). */
  joined: count,
  /** People of the file already in the list: not added twice. */
  alreadyThere: count,
  /** People without a number that reads as one: in the contacts, not in the list. */
  withoutNumber: count,
});
export type CampaignListReport = z.infer<typeof CampaignListReportSchema>;

/**
 * One item of a campaign file that was refused, or applied with a field left out (`flagged`): which
 * list and position (`entries.12`), the item's id when it reads, the field and why. `message` is English
 * for logs; the window words `code` with `params`.
 */
export const CampaignFileIssueSchema = z.object({
  item: z.string(),
  id: z.string().nullable(),
  path: z.string(),
  code: ErrorReasonSchema,
  params: ErrorParamsSchema,
  message: z.string(),
});
export type CampaignFileIssue = z.infer<typeof CampaignFileIssueSchema>;

/** How the items of one kind were applied: new here, changed to a later state, or already as the file has them. */
export const AppliedCountsSchema = z.object({ added: count, updated: count, unchanged: count });
export type AppliedCounts = z.infer<typeof AppliedCountsSchema>;

/** A part loaded on this workstation: the campaign and its entries with the ids they have on the workstation that made the part. */
export const PartLoadReportSchema = z.object({
  campaignId: IdSchema,
  campaignName: z.string(),
  operatorId: IdSchema,
  campaign: z.enum(['created', 'updated', 'unchanged']),
  entries: AppliedCountsSchema,
  /** How each entry's person was found here: the same contact id, a contact with the number, or a new contact. */
  contacts: z.object({ byId: count, byPhone: count, created: count }),
  /** The entries' earlier attempts, so that caps and retry delays count them here too. */
  attempts: AppliedCountsSchema,
  doNotCall: AppliedCountsSchema,
  consents: AppliedCountsSchema,
  /** The calling-rules profiles the part was prepared under, and the version this workstation enforces (null: it has none). */
  profiles: z.array(z.object({ id: z.string(), version: z.string(), here: z.string().nullable() })),
  rejected: z.array(CampaignFileIssueSchema),
  flagged: z.array(CampaignFileIssueSchema),
});
export type PartLoadReport = z.infer<typeof PartLoadReportSchema>;

/** Results from another workstation applied here. */
export const ResultsImportReportSchema = z.object({
  campaignId: IdSchema,
  entries: AppliedCountsSchema,
  attempts: AppliedCountsSchema,
  /** Numbers put on a do-not-call list there (an opt-out during a call): on the same list here. */
  optOuts: AppliedCountsSchema,
  /** People who opted out there, now do-not-call here. */
  contactsOptedOut: count,
  rejected: z.array(CampaignFileIssueSchema),
  flagged: z.array(CampaignFileIssueSchema),
});
export type ResultsImportReport = z.infer<typeof ResultsImportReportSchema>;

export const CampaignSheetFormatSchema = z.enum(['csv', 'xlsx']);

export const campaignFileMethods = {
  /**
   * The operator's waiting numbers as a JSON file for another workstation: the campaign's settings and
   * dispositions, the rules' profiles (id and version), each number with its person (name, phones, time zone,
   * do-not-call), their earlier attempts, do-not-call entries and consents. A job; download the file with files.download.
   */
  'campaigns.exportPart': { input: z.strictObject({ campaignId: IdSchema, operatorId: IdSchema }), output: ExportStartedSchema },
  /**
   * The operator's part comes back to this workstation without its results (the file was lost, the other
   * workstation is gone): its entries are dialed here again. Answers how many came back.
   */
  'campaigns.takeBackPart': { input: z.strictObject({ campaignId: IdSchema, operatorId: IdSchema }), output: z.object({ entries: z.number().int().nonnegative() }) },
  /**
   * Loads a part file made by `campaigns.exportPart` on another workstation: the campaign, its dispositions,
   * the operator and the entries get the ids they have there; each person is found by contact id, else by
   * number, else created. Loading the same part again changes nothing; a newer part's later states win.
   */
  'campaigns.importPart': { input: z.strictObject({ uploadId: IdSchema }), output: PartLoadReportSchema },
  /** This workstation's work on a campaign (entries, attempts, opt-outs) as a JSON results file, for `campaigns.importResults` where the part came from. */
  'campaigns.exportResults': { input: z.strictObject({ campaignId: IdSchema }), output: ExportStartedSchema },
  /**
   * Applies a results file from another workstation: attempts keep their ids (never doubled), each entry takes
   * the later of its two states, opt-outs become do-not-call here. Applying the same file twice changes nothing.
   */
  'campaigns.importResults': { input: z.strictObject({ campaignId: IdSchema, uploadId: IdSchema }), output: ResultsImportReportSchema },
  /** For the supervisor: one row per number with its final disposition, attempts, last outcome and why it left the list. */
  'campaigns.exportReport': { input: z.strictObject({ campaignId: IdSchema, format: CampaignSheetFormatSchema }), output: ExportStartedSchema },
  /**
   * The audit log: one row per attempt with its "allowed because" record flattened (profile and version, callee
   * local time and window, do-not-call lists checked and when, consent, counts, abandon budget), and one per
   * number's last refusal by the rules.
   */
  'campaigns.exportAudit': { input: z.strictObject({ campaignId: IdSchema, format: CampaignSheetFormatSchema }), output: ExportStartedSchema },
};
