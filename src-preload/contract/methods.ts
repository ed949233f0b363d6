import { z } from 'zod';
import { AppInfoSchema, SettingsPatchSchema, SettingsSchema } from './app';
import { calendarMethods } from './calendar';
import { EmptyInputSchema, IdSchema, PageRequestSchema, TimestampSchema } from './common';
import {
  ComplaintAnalysisRequestSchema,
  ComplaintAnalysisSchema,
  ComplaintCardSchema,
  ComplaintCauseSchema,
  ComplaintCausesInputSchema,
  ComplaintInputSchema,
  ComplaintListRequestSchema,
  ComplaintListSchema,
  ComplaintStepInputSchema,
  ComplaintTransitionSchema,
} from './complaints';
import {
  CallerIdMatchSchema,
  CollisionRequestSchema,
  CollisionSchema,
  CompanyCardSchema,
  CompanyInputSchema,
  CompanyListItemSchema,
  CompanyListRequestSchema,
  ContactCardSchema,
  ContactInputSchema,
  ContactListPageSchema,
  ContactListRequestSchema,
  CustomFieldInputSchema,
  CustomFieldSchema,
  DuplicateGroupSchema,
  EmployeeInputSchema,
  EmployeeSchema,
  TeamInputSchema,
  TeamSchema,
  MergeRequestSchema,
  PhoneReadRequestSchema,
  PhoneResolveSchema,
  PhoneReviewPageSchema,
  PhoneToReviewSchema,
  PhoneVerdictSchema,
  QuickSearchHitSchema,
  QuickSearchRequestSchema,
  TagSchema,
} from './contacts';
import {
  DealBoardRequestSchema,
  DealBoardSchema,
  DealDetailSchema,
  DealInputSchema,
  DealListRequestSchema,
  DealListSchema,
  DealSchema,
  DealStageSchema,
  DealStagesInputSchema,
} from './deals';
import { CallHistoryPageSchema, CallHistoryRequestSchema, MissedCallsSchema, RecordingChunkSchema, RecordingPieceSchema, RecordingRequestSchema } from './call-history';
import {
  CompletePlannedSchema,
  InteractionInputSchema,
  TimelineItemSchema,
  TimelinePageSchema,
  TimelineRequestSchema,
} from './interactions';
import { DemoSeedRequestSchema, ExportStartedSchema, ImportStartedSchema, JobListRequestSchema, JobRecordSchema, JobStartedSchema } from './jobs';
import { CallInfoSchema, CallQualitySchema, ColleagueLineSchema, ConnectionTestSchema, MediaReplySchema, PhoneStatusSchema, ScreenPopSchema, SipAccountInputSchema, SipAccountSchema } from './phone';
import { qualityMethods } from './quality';
import { reportMethods } from './reports';
import { campaignMethods } from './campaigns';
import { campaignFileMethods } from './campaign-files';
import { dialerMethods } from './dialer';
import { scriptMethods } from './scripts';
import { SegmentInputSchema, SegmentSchema } from './segments';
import {
  DownloadChunkRequestSchema,
  DownloadChunkSchema,
  EraseRequestSchema,
  ErasureSchema,
  ExportRequestSchema,
  ImportOptionsSchema,
  ImportPreviewSchema,
  ImportStartSchema,
  ImportSummarySchema,
  UploadAckSchema,
  UploadChunkSchema,
} from './transfer';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

const byId = z.strictObject({ id: IdSchema });
const ok = z.object({ ok: z.literal(true) });

/**
 * Every request the renderer may make of main. Main validates `input` before any handler runs
 * and checks `output` before it leaves, so both sides can trust these shapes.
 */
export const methods = {
  /** Version, host kind and data directory, for the About panel and diagnostics. */
  'app.info': { input: EmptyInputSchema, output: AppInfoSchema },

  'settings.get': { input: EmptyInputSchema, output: SettingsSchema },
  /** Applies a partial change and answers with the whole new settings. */
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },

  'employees.list': { input: EmptyInputSchema, output: z.array(EmployeeSchema) },
  'employees.save': { input: EmployeeInputSchema, output: EmployeeSchema },
  'teams.list': { input: EmptyInputSchema, output: z.array(TeamSchema) },
  /** Creates a team, or renames one (with its id). */
  'teams.save': { input: TeamInputSchema, output: TeamSchema },
  /** Removes a team (kept as a tombstone for past reports' names); its members are left without a team. */
  'teams.delete': { input: byId, output: ok },

  /** A page of contacts, sorted and filtered (by search text or a segment) in main against indexes. */
  'contacts.list': { input: ContactListRequestSchema, output: ContactListPageSchema },
  'contacts.get': { input: byId, output: ContactCardSchema },
  'contacts.create': { input: ContactInputSchema, output: ContactCardSchema },
  /** Replaces the editable fields of a contact (the form sends them all). */
  'contacts.update': { input: z.strictObject({ id: IdSchema, contact: ContactInputSchema }), output: ContactCardSchema },
  /** Merges duplicates into one contact, keeping every phone, e-mail and the whole history. */
  'contacts.merge': { input: MergeRequestSchema, output: ContactCardSchema },
  'contacts.duplicates': { input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(DuplicateGroupSchema) },

  'companies.list': { input: CompanyListRequestSchema, output: z.object({ total: z.number().int(), unsearchable: z.boolean(), rows: z.array(CompanyListItemSchema) }) },
  'companies.get': { input: byId, output: CompanyCardSchema },
  'companies.create': { input: CompanyInputSchema, output: CompanyCardSchema },
  'companies.update': { input: z.strictObject({ id: IdSchema, company: CompanyInputSchema }), output: CompanyCardSchema },

  'tags.list': { input: EmptyInputSchema, output: z.array(TagSchema) },
  'customFields.list': { input: EmptyInputSchema, output: z.array(CustomFieldSchema) },
  'customFields.save': { input: CustomFieldInputSchema, output: CustomFieldSchema },
  'customFields.delete': { input: byId, output: ok },

  /** Search-as-you-type (the search box and Ctrl+K): contacts and companies by name, phone in any format, e-mail, company. */
  'search.quick': { input: QuickSearchRequestSchema, output: z.array(QuickSearchHitSchema) },
  /** How numbers read with the working countries (for forms and the import preview, as the operator types). */
  'phones.read': { input: PhoneReadRequestSchema, output: z.array(PhoneVerdictSchema) },
  /** Numbers waiting for a person: ambiguous, unreadable, or read differently since the working countries changed. */
  'phones.review': { input: PageRequestSchema, output: PhoneReviewPageSchema },
  /** A person settles a number: the reading to keep, or "not a number to call". */
  'phones.resolve': { input: PhoneResolveSchema, output: PhoneToReviewSchema },
  /** Who is calling: any incoming number format to the matching contacts and companies. */
  'callerId.lookup': { input: z.strictObject({ number: z.string().trim().min(1).max(64) }), output: CallerIdMatchSchema },
  /** What colleagues already have going with this client: open deals, complaints, planned contacts. */
  'collisions.check': { input: CollisionRequestSchema, output: z.array(CollisionSchema) },

  'timeline.list': { input: TimelineRequestSchema, output: TimelinePageSchema },
  'interactions.create': { input: InteractionInputSchema, output: TimelineItemSchema },
  'interactions.complete': { input: CompletePlannedSchema, output: TimelineItemSchema },
  'calls.history': { input: CallHistoryRequestSchema, output: CallHistoryPageSchema },
  /** The missed-call badge. */
  'calls.missed': { input: EmptyInputSchema, output: MissedCallsSchema },
  /** The window's recorder hands main the next piece of a call's recording. */
  'recording.append': { input: RecordingChunkSchema, output: ok },
  /** A call's recording, a part and a piece at a time, for playback. */
  'recording.get': { input: RecordingRequestSchema, output: RecordingPieceSchema },

  'deals.stages': { input: EmptyInputSchema, output: z.array(DealStageSchema) },
  'deals.saveStages': { input: DealStagesInputSchema, output: z.array(DealStageSchema) },
  'deals.board': { input: DealBoardRequestSchema, output: DealBoardSchema },
  'deals.list': { input: DealListRequestSchema, output: DealListSchema },
  'deals.get': { input: byId, output: DealDetailSchema },
  'deals.create': { input: DealInputSchema, output: DealSchema },
  'deals.update': { input: z.strictObject({ id: IdSchema, deal: DealInputSchema }), output: DealSchema },
  /** Moves a deal to another stage and records the move in its history. */
  'deals.move': { input: z.strictObject({ id: IdSchema, stageId: IdSchema }), output: DealSchema },

  'complaints.causes': { input: EmptyInputSchema, output: z.array(ComplaintCauseSchema) },
  'complaints.saveCauses': { input: ComplaintCausesInputSchema, output: z.array(ComplaintCauseSchema) },
  'complaints.addCause': { input: z.strictObject({ name: z.string().trim().min(1).max(120) }), output: ComplaintCauseSchema },
  'complaints.list': { input: ComplaintListRequestSchema, output: ComplaintListSchema },
  'complaints.get': { input: byId, output: ComplaintCardSchema },
  'complaints.create': { input: ComplaintInputSchema, output: ComplaintCardSchema },
  /** Moves a complaint along its life (see ComplaintState); a move the state machine forbids is a conflict. */
  'complaints.transition': { input: ComplaintTransitionSchema, output: ComplaintCardSchema },
  'complaints.addStep': { input: ComplaintStepInputSchema, output: ComplaintCardSchema },
  'complaints.completeStep': { input: z.strictObject({ complaintId: IdSchema, stepId: IdSchema }), output: ComplaintCardSchema },
  'complaints.addAction': { input: z.strictObject({ complaintId: IdSchema, text: z.string().trim().min(1).max(5000) }), output: ComplaintCardSchema },
  'complaints.analysis': { input: ComplaintAnalysisRequestSchema, output: ComplaintAnalysisSchema },

  'segments.list': { input: EmptyInputSchema, output: z.array(SegmentSchema) },
  'segments.save': { input: SegmentInputSchema, output: SegmentSchema },
  'segments.delete': { input: byId, output: ok },

  /** Sends a file to main in chunks (imports); answers with the upload's id. */
  'files.upload': { input: UploadChunkSchema, output: UploadAckSchema },
  /** Reads a prepared file (an export) in chunks. */
  'files.download': { input: DownloadChunkRequestSchema, output: DownloadChunkSchema },
  'imports.preview': { input: ImportOptionsSchema, output: ImportPreviewSchema },
  /** Imports in a worker thread; progress as job.progress, the report from imports.get. */
  'imports.start': { input: ImportStartSchema, output: ImportStartedSchema },
  'imports.get': { input: byId, output: ImportSummarySchema },
  'imports.list': { input: EmptyInputSchema, output: z.array(ImportSummarySchema) },
  /** Removes the contacts and companies an import created (merges into existing contacts stay). */
  'imports.undo': { input: byId, output: ImportSummarySchema },
  'exports.start': { input: ExportRequestSchema, output: ExportStartedSchema },

  /** Everything held about one person, as one JSON file (download with files.download). */
  'privacy.export': { input: z.strictObject({ contactId: IdSchema }), output: ExportStartedSchema },
  /** Erases a person and their personal data; counts stay in reports, anonymised. */
  'privacy.erase': { input: EraseRequestSchema, output: ErasureSchema },


  /** Recent background work, newest first; `states: ['interrupted']` lists what the last stop cut short. */
  'jobs.list': { input: JobListRequestSchema, output: z.array(JobRecordSchema) },
  /** Runs an interrupted or failed job again; an import carries on after its last committed batch. */
  'jobs.resume': { input: byId, output: JobStartedSchema },
  /** Stops a running job (its committed batches stay). */
  'jobs.cancel': { input: byId, output: JobRecordSchema },
  /** Leaves an interrupted job as it is: no longer offered for resuming. */
  'jobs.dismiss': { input: byId, output: JobRecordSchema },

  /** Fills an empty workplace with the deterministic demo dataset, in a worker thread. */
  'demo.seed': { input: DemoSeedRequestSchema, output: JobStartedSchema },

  'phone.status': { input: EmptyInputSchema, output: PhoneStatusSchema },
  'phone.accounts': { input: EmptyInputSchema, output: z.array(SipAccountSchema) },
  /** Saves an account (its password into the OS keychain) and (re)connects it. */
  'phone.saveAccount': { input: SipAccountInputSchema, output: SipAccountSchema },
  'phone.deleteAccount': { input: byId, output: ok },
  /** Tries to register with the given settings and says plainly what went wrong. */
  'phone.testAccount': { input: SipAccountInputSchema, output: ConnectionTestSchema },
  'phone.calls': { input: EmptyInputSchema, output: z.array(CallInfoSchema) },
  /** Calls a number in any format, or a SIP address. */
  /** Through the account given, else the first registered one. */
  'phone.dial': { input: z.strictObject({ target: z.string().trim().min(1).max(120), contactId: IdSchema.optional(), accountId: IdSchema.optional() }), output: CallInfoSchema },
  /** Answers a ringing call; with holdOthers, the call in progress is put on hold first (call waiting). */
  'phone.answer': { input: z.strictObject({ callId: IdSchema, holdOthers: z.boolean().default(true) }), output: CallInfoSchema },
  'phone.reject': { input: z.strictObject({ callId: IdSchema }), output: CallInfoSchema },
  'phone.hangup': { input: z.strictObject({ callId: IdSchema }), output: CallInfoSchema },
  'phone.hold': { input: z.strictObject({ callId: IdSchema }), output: CallInfoSchema },
  'phone.resume': { input: z.strictObject({ callId: IdSchema }), output: CallInfoSchema },
  'phone.dtmf': { input: z.strictObject({ callId: IdSchema, tones: z.string().regex(/^[0-9A-D*#]{1,32}$/, 'Digits 0-9, A-D, * and #') }), output: z.object({ via: z.enum(['rtp', 'info']) }) },
  /** Blind transfer to a number, extension or SIP address. */
  'phone.transfer': { input: z.strictObject({ callId: IdSchema, target: z.string().trim().min(1).max(120) }), output: CallInfoSchema },
  /** Attended transfer: joins the other party of `callId` with the other party of `toCallId`. */
  'phone.attendedTransfer': { input: z.strictObject({ callId: IdSchema, toCallId: IdSchema }), output: CallInfoSchema },
  /** Secretary: answer and pass the caller to a colleague's extension. */
  /** Joins two calls (the current one and a held one) into a three-way conference. */
  'phone.conference': { input: z.strictObject({ callIds: z.tuple([IdSchema, IdSchema]) }), output: z.array(CallInfoSchema) },
  /** Leaves the conference with this call; the other party waits on hold. */
  'phone.split': { input: z.strictObject({ callId: IdSchema }), output: z.array(CallInfoSchema) },
  /** Colleagues' lines (idle, ringing, busy) for the secretary console; subscribes to new colleagues. */
  'phone.lines': { input: EmptyInputSchema, output: z.array(ColleagueLineSchema) },
  'phone.forward': { input: z.strictObject({ callId: IdSchema, target: z.string().trim().min(1).max(120) }), output: CallInfoSchema },
  /** Secretary: take a message for a colleague; it becomes their planned contact with the caller linked. */
  'phone.takeMessage': {
    input: z.strictObject({ callId: IdSchema, forEmployeeId: IdSchema, text: z.string().trim().min(1).max(2000), callBackAt: TimestampSchema.optional() }),
    output: z.object({ interactionId: IdSchema }),
  },
  /** For the account given, else for every account. */
  'phone.setDoNotDisturb': { input: z.strictObject({ on: z.boolean(), accountId: IdSchema.optional() }), output: PhoneStatusSchema },
  /** Down accounts try again now (the phone bar's "Retry now"). */
  'phone.reconnect': { input: EmptyInputSchema, output: PhoneStatusSchema },
  'phone.screenPop': { input: z.strictObject({ callId: IdSchema }), output: ScreenPopSchema },
  /** After the call: what it was about and how it went. */
  'phone.wrapUp': { input: z.strictObject({ callId: IdSchema, subject: z.string().trim().min(1).max(500), outcome: z.string().trim().max(2000).nullable().default(null) }), output: ok },
  /** Links a call from an unknown number to a contact (created from the call or found). */
  /** By the phone's call id or, for any call in the history, its interaction id; null when the phone no longer follows the call (it is linked all the same). */
  'phone.linkContact': { input: z.strictObject({ callId: IdSchema, contactId: IdSchema }), output: CallInfoSchema.nullable() },
  /** The window that handles call audio from now on. */
  'media.attach': { input: z.strictObject({ clientId: z.string().min(8).max(64) }), output: ok },
  'media.reply': { input: MediaReplySchema, output: ok },
  'media.quality': { input: CallQualitySchema, output: ok },

  ...calendarMethods,
  ...scriptMethods,
  ...campaignMethods,
  ...campaignFileMethods,
  ...dialerMethods,
  ...reportMethods,
  ...qualityMethods,
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes: defaults may be left out. */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: defaults filled in, validated. */
export type MethodParams<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
