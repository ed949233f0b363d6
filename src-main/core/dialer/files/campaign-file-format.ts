import { z } from 'zod';
import { amdActions, CampaignPurposeSchema, CampaignStateSchema, DialingModeSchema, IdSchema, TimestampSchema, type CampaignFileIssue, type ErrorParams, type ErrorReason } from '#contract';
import { issuesOf } from '#core/api/dispatch';
import { syntaxIssue } from '#core/scripts/script-json';
import { InvalidInputError, issue } from '#core/shared/errors';

/**
 * The two campaign files workstations pass each other until they synchronise by themselves: an operator's
 * part (the campaign, its dispositions and the operator's waiting numbers, made where the campaign is run)
 * and the results of working it (made where the part was worked). Every row carries its stable id and its
 * `updatedAt`, so applying a file is an upsert where the later state wins, and applying it twice changes
 * nothing. The layout is versioned as a whole: a file of another version is refused, never half read.
 *
 * Reading is strict where the whole file depends on it (the envelope, the campaign's settings) and lenient
 * item by item: an entry, attempt or list row that does not read is reported with its place and field and
 * the rest goes on.
 */

export const campaignFileFormats = { part: 'operator-workstation-campaign-part', results: 'operator-workstation-campaign-results' } as const;
export type CampaignFileKind = keyof typeof campaignFileFormats;
export const campaignFileVersion = 1;

const e164Schema = z.string().regex(/^\+[1-9]\d{4,15}$/, 'A number in international form, e.g. +380441234567');
const count = z.number().int().nonnegative();

/** The campaign's settings as the workstation that runs it has them (its SIP account is that workstation's own, so it stays there). */
export const campaignSnapshotSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  goal: z.string(),
  purpose: CampaignPurposeSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.nullable(),
  callerNumber: z.string().nullable(),
  scriptId: IdSchema.nullable(),
  questionnaireId: IdSchema.nullable(),
  mode: DialingModeSchema,
  powerRatio: z.number().min(1).max(5),
  previewCountdownSeconds: z.number().int().nullable(),
  ringTimeoutSeconds: z.number().int().positive(),
  wrapUpSeconds: z.number().int().nonnegative(),
  profile: z.string().min(2).max(20),
  rules: z.record(z.string(), z.unknown()),
  amdAction: z.enum(amdActions),
  state: CampaignStateSchema,
  updatedAt: TimestampSchema,
});
export type CampaignSnapshot = z.infer<typeof campaignSnapshotSchema>;

/** Every disposition, those taken off the list too (attempts still point at them). */
export const dispositionRecordSchema = z.object({
  id: IdSchema,
  label: z.string().min(1).max(80),
  kind: z.enum(['final', 'retry', 'callback']),
  success: z.boolean(),
  optOut: z.boolean(),
  hotkey: z.string().nullable(),
  retryMinutes: z.number().int().positive().nullable(),
  position: z.number().int().nonnegative(),
  deletedAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type DispositionRecord = z.infer<typeof dispositionRecordSchema>;

export const operatorRecordSchema = z.object({ id: IdSchema, name: z.string().min(1).max(200), extension: z.string().nullable() });

/** The person behind a number, as much as calling them needs: name, numbers, own time zone, do-not-call (theirs or their company's). */
export const partContactSchema = z.object({
  id: IdSchema,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  /** Checked when loaded: a zone the other workstation does not know is left out (and reported), not the person. */
  timeZone: z.string().nullable(),
  doNotCall: z.boolean(),
  phones: z.array(z.object({ kind: z.string(), raw: z.string(), e164: z.string().nullable() })),
});
export type PartContact = z.infer<typeof partContactSchema>;

/** Where a number stands in the list: what the dialer reads to choose it and the supervisor to judge it. */
const entryStateFields = {
  priority: z.number().int().min(0).max(1),
  nextAt: TimestampSchema,
  callbackAt: TimestampSchema.nullable(),
  attempts: count,
  lastAttemptAt: TimestampSchema.nullable(),
  lastOutcome: z.string().nullable(),
  dispositionId: IdSchema.nullable(),
  lastRefusal: z.string().nullable(),
  updatedAt: TimestampSchema,
};

/** One waiting number of the operator's part. */
export const partEntrySchema = z.object({ id: IdSchema, contactId: IdSchema, phone: e164Schema, ...entryStateFields, contact: partContactSchema });
export type PartEntry = z.infer<typeof partEntrySchema>;

/** One number of the list as the workstation that worked it left it. */
export const resultsEntrySchema = z.object({
  id: IdSchema,
  state: z.enum(['waiting', 'dialing', 'done', 'excluded']),
  ...entryStateFields,
  excludedReason: z.string().nullable(),
  updatedBy: IdSchema.nullable(),
});
export type ResultsEntry = z.infer<typeof resultsEntrySchema>;

/** An attempt with its "allowed because" record; its person is its entry's on the workstation that reads it. */
export const attemptRecordSchema = z.object({
  id: IdSchema,
  entryId: IdSchema,
  phone: e164Schema,
  operatorId: IdSchema.nullable(),
  mode: DialingModeSchema,
  state: z.enum(['placing', 'ringing', 'answered', 'ended']),
  startedAt: TimestampSchema,
  answeredAt: TimestampSchema.nullable(),
  endedAt: TimestampSchema.nullable(),
  outcome: z.string().nullable(),
  dispositionId: IdSchema.nullable(),
  amdVerdict: z.enum(['human', 'machine', 'silence']).nullable(),
  /** Checked when applied: one that does not read as a record is kept as written (the call happened) and reported. */
  allowedBecause: z.unknown(),
  updatedAt: TimestampSchema,
  updatedBy: IdSchema.nullable(),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

/** A number on the workstation's do-not-call list (campaign null) or on the campaign's own. */
export const doNotCallRecordSchema = z.object({
  id: IdSchema,
  phone: e164Schema,
  campaignId: IdSchema.nullable(),
  source: z.string().min(1),
  addedAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type DoNotCallRecord = z.infer<typeof doNotCallRecordSchema>;

/** A person's consent to calls of one purpose, by the contact id it has where the part was made. */
export const consentRecordSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  purpose: CampaignPurposeSchema,
  source: z.string().min(1),
  givenAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** The campaign's live-answered and abandoned calls of one hour (see campaign_abandon_hours). */
export const abandonHourSchema = z.object({ hour: TimestampSchema, live: count, abandoned: count });
export type AbandonHour = z.infer<typeof abandonHourSchema>;

const profileRefSchema = z.object({ id: z.string().min(1), version: z.string().min(1) });

const partHeaderSchema = z.object({
  exportedAt: TimestampSchema,
  exportedBy: IdSchema.nullable(),
  campaign: campaignSnapshotSchema,
  /** The calling-rules profiles the campaign's rules were checked against where the part was made. */
  profiles: z.array(profileRefSchema).min(1),
  dispositions: z.array(dispositionRecordSchema),
  operator: operatorRecordSchema,
  /** The campaign's abandon figures over the longest abandon period, so that the cap holds where the part is worked. */
  abandonHours: z.array(abandonHourSchema),
  entries: z.array(z.unknown()),
  attempts: z.array(z.unknown()),
  doNotCall: z.array(z.unknown()),
  consents: z.array(z.unknown()),
});

const resultsHeaderSchema = z.object({
  exportedAt: TimestampSchema,
  exportedBy: IdSchema.nullable(),
  campaignId: IdSchema,
  entries: z.array(z.unknown()),
  attempts: z.array(z.unknown()),
  doNotCall: z.array(z.unknown()),
});

export type PartFile = Omit<z.infer<typeof partHeaderSchema>, 'entries' | 'attempts' | 'doNotCall' | 'consents'> & {
  format: (typeof campaignFileFormats)['part'];
  version: typeof campaignFileVersion;
  entries: PartEntry[];
  attempts: AttemptRecord[];
  doNotCall: DoNotCallRecord[];
  consents: ConsentRecord[];
};

export type ResultsFile = Omit<z.infer<typeof resultsHeaderSchema>, 'entries' | 'attempts' | 'doNotCall'> & {
  format: (typeof campaignFileFormats)['results'];
  version: typeof campaignFileVersion;
  entries: ResultsEntry[];
  attempts: AttemptRecord[];
  doNotCall: DoNotCallRecord[];
};

/** A file as read: every item that reads, and every one that does not with its place, field and reason. */
export type ReadFile<T> = { file: T; rejected: CampaignFileIssue[] };

/** One item's problem, for a report. */
export function fileIssue(item: string, id: string | null, path: string, code: ErrorReason, message: string, params: ErrorParams = {}): CampaignFileIssue {
  return { item, id, path, code, params, message };
}

const notOurs: Record<CampaignFileKind, ErrorReason> = { part: 'not_a_campaign_part', results: 'not_a_campaign_results' };

/** JSON, then our envelope (format and version), then the header; any problem there refuses the whole file, each named. */
function envelopeOf<S extends z.ZodType>(text: string, kind: CampaignFileKind, header: S): z.infer<S> {
  const json = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidInputError([syntaxIssue(json, error)]);
    throw error;
  }
  const envelope = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (envelope?.format !== campaignFileFormats[kind]) {
    throw new InvalidInputError([issue('format', notOurs[kind], `Not a campaign ${kind} file: "format" must be "${campaignFileFormats[kind]}"`, { detail: typeof envelope?.format === 'string' ? envelope.format : '' })]);
  }
  if (envelope.version !== campaignFileVersion) {
    throw new InvalidInputError([
      issue('version', 'campaign_file_version', `Format version ${String(envelope.version)} is not ${campaignFileVersion}`, { detail: String(envelope.version) }),
    ]);
  }
  const parsed = header.safeParse(envelope, { reportInput: true });
  if (!parsed.success) throw new InvalidInputError(issuesOf(parsed.error));
  return parsed.data;
}

/** The items of one list that read; the others reported by position (`entries.12`), id and field. */
function itemsOf<T>(list: string, raw: readonly unknown[], schema: z.ZodType<T>, rejected: CampaignFileIssue[]): T[] {
  const accepted: T[] = [];
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      accepted.push(parsed.data);
      return;
    }
    const id = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    for (const problem of issuesOf(parsed.error)) rejected.push(fileIssue(`${list}.${index}`, id, problem.path, problem.code, problem.message, problem.params));
  });
  return accepted;
}

/** Reads a part file made by `campaigns.exportPart`. */
export function readPartFile(text: string): ReadFile<PartFile> {
  const header = envelopeOf(text, 'part', partHeaderSchema);
  const rejected: CampaignFileIssue[] = [];
  const file: PartFile = {
    ...header,
    format: campaignFileFormats.part,
    version: campaignFileVersion,
    entries: itemsOf('entries', header.entries, partEntrySchema, rejected),
    attempts: itemsOf('attempts', header.attempts, attemptRecordSchema, rejected),
    doNotCall: itemsOf('doNotCall', header.doNotCall, doNotCallRecordSchema, rejected),
    consents: itemsOf('consents', header.consents, consentRecordSchema, rejected),
  };
  return { file, rejected };
}

/** Reads a results file made by `campaigns.exportResults`. */
export function readResultsFile(text: string): ReadFile<ResultsFile> {
  const header = envelopeOf(text, 'results', resultsHeaderSchema);
  const rejected: CampaignFileIssue[] = [];
  const file: ResultsFile = {
    ...header,
    format: campaignFileFormats.results,
    version: campaignFileVersion,
    entries: itemsOf('entries', header.entries, resultsEntrySchema, rejected),
    attempts: itemsOf('attempts', header.attempts, attemptRecordSchema, rejected),
    doNotCall: itemsOf('doNotCall', header.doNotCall, doNotCallRecordSchema, rejected),
  };
  return { file, rejected };
}
