import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/**
 * Call scripts and questionnaires. Both are edited as a draft and published as immutable versions:
 * a call keeps the version it ran, so an edit never changes the meaning of answers already given.
 * Texts are in whatever language their author writes; only the interface around them is translated.
 */

const LocalIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Letters, digits, - and _ (up to 40)');
const ScriptTextSchema = z.string().max(4000);

/** A button under a node: what the client said, and where the conversation goes next. */
export const ScriptAnswerSchema = z.strictObject({
  id: LocalIdSchema,
  label: z.string().trim().min(1).max(200),
  /** The next node; null ends the script (or, under an objection handler, returns to where the operator was). */
  next: LocalIdSchema.nullable(),
});
export type ScriptAnswer = z.infer<typeof ScriptAnswerSchema>;

export const scriptNodeKinds = ['step', 'objection', 'end'] as const;

export const ScriptNodeSchema = z.strictObject({
  id: LocalIdSchema,
  /** `objection` handlers are reachable from any node and return to it; `end` closes the conversation. */
  kind: z.enum(scriptNodeKinds),
  title: z.string().trim().min(1).max(200),
  /** What the operator says, with merge fields: `{contact.firstName}`, `{company.name|your company}`. */
  text: ScriptTextSchema,
  answers: z.array(ScriptAnswerSchema).max(9),
  /** Reaching the node sets the call's disposition; `success` counts it as a conversion in the results. */
  disposition: z.strictObject({ label: z.string().trim().min(1).max(100), success: z.boolean() }).nullable().default(null),
  proposeCallback: z.boolean().default(false),
  /** A section of the script's questionnaire to open beside the node. */
  sectionId: LocalIdSchema.nullable().default(null),
  /** Where the editor draws it. */
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
});
export type ScriptNode = z.infer<typeof ScriptNodeSchema>;

export const ScriptDefinitionSchema = z.strictObject({
  start: LocalIdSchema,
  nodes: z.array(ScriptNodeSchema).min(1).max(1000),
  /** The questionnaire filled beside this script, if any. */
  questionnaireId: IdSchema.nullable().default(null),
});
export type ScriptDefinition = z.infer<typeof ScriptDefinitionSchema>;

export const questionTypes = ['single', 'multiple', 'text', 'number', 'date', 'rating', 'yesno'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** A question shown only when an earlier answer says so. */
export const QuestionConditionSchema = z.strictObject({
  questionId: LocalIdSchema,
  op: z.enum(['equals', 'not_equals', 'includes', 'answered']),
  /** An option id for choices, `true`/`false` for yes/no, a number or text otherwise; unused by `answered`. */
  value: z.union([z.string().max(200), z.number(), z.boolean()]).nullable().default(null),
});
export type QuestionCondition = z.infer<typeof QuestionConditionSchema>;

/** Contact fields an answer may update (the old value stays in the contact's history). */
export const contactAnswerTargets = ['email', 'position', 'city', 'notes'] as const;

export const QuestionSchema = z.strictObject({
  id: LocalIdSchema,
  type: z.enum(questionTypes),
  label: z.string().trim().min(1).max(500),
  hint: z.string().max(500).default(''),
  required: z.boolean().default(false),
  options: z.array(z.strictObject({ id: LocalIdSchema, label: z.string().trim().min(1).max(200) })).max(50).default([]),
  /** number: value range; rating: 1…max; date: not validated by range. */
  min: z.number().finite().nullable().default(null),
  max: z.number().finite().nullable().default(null),
  /** text: a regular expression the answer must match, with the message shown when it does not. */
  pattern: z.strictObject({ regex: z.string().min(1).max(300), message: z.string().max(200) }).nullable().default(null),
  showIf: QuestionConditionSchema.nullable().default(null),
  /** A contact field (or `custom:<field id>`) the answer is written into. */
  mapsTo: z
    .union([z.enum(contactAnswerTargets), z.string().regex(/^custom:[A-Za-z0-9_-]{1,64}$/)])
    .nullable()
    .default(null),
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionnaireSectionSchema = z.strictObject({
  id: LocalIdSchema,
  title: z.string().trim().min(1).max(200),
  questions: z.array(QuestionSchema).max(200),
});

export const QuestionnaireDefinitionSchema = z.strictObject({
  sections: z.array(QuestionnaireSectionSchema).min(1).max(50),
});
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinitionSchema>;

/** single → option id; multiple → option ids; yesno → boolean; date → YYYY-MM-DD; rating and number → number. */
export const AnswerValueSchema = z.union([z.string().max(4000), z.number().finite(), z.boolean(), z.array(LocalIdSchema).max(50), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** What the graph check found, node by node, for the editor to point at. */
export const ScriptProblemSchema = z.object({
  nodeId: z.string().nullable(),
  code: z.enum(['unreachable', 'dead_end', 'missing_target', 'missing_start', 'duplicate_id', 'unknown_section', 'unknown_field']),
  /** The answer, the field or the section the problem is about. */
  detail: z.string().nullable(),
});
export type ScriptProblem = z.infer<typeof ScriptProblemSchema>;

export const ScriptSummarySchema = z.object({
  id: IdSchema,
  kind: z.enum(['script', 'questionnaire']),
  name: z.string(),
  description: z.string(),
  /** The draft differs from the last published version. */
  hasUnpublishedChanges: z.boolean(),
  publishedVersionId: IdSchema.nullable(),
  versions: z.number().int(),
  updatedAt: TimestampSchema,
});
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>;

export const ScriptKindSchema = z.enum(['script', 'questionnaire']);

export const ScriptVersionSchema = z.object({
  id: IdSchema,
  /** 1, 2, 3… in publishing order, computed when read (never stored: versions may come from several workstations). */
  ordinal: z.number().int(),
  publishedAt: TimestampSchema,
  publishedBy: z.string().nullable(),
});

/** A script or questionnaire as the editor opens it: the draft, its problems, and the published versions. */
export const ScriptDocumentSchema = z.object({
  id: IdSchema,
  kind: ScriptKindSchema,
  name: z.string(),
  description: z.string(),
  script: ScriptDefinitionSchema.nullable(),
  questionnaire: QuestionnaireDefinitionSchema.nullable(),
  /** Problems of the draft; those other than `unreachable` and `dead_end` block publishing. */
  problems: z.array(ScriptProblemSchema),
  questionnaireProblems: z.array(z.object({ questionId: z.string().nullable(), code: z.string(), detail: z.string().nullable() })),
  versions: z.array(ScriptVersionSchema),
  hasUnpublishedChanges: z.boolean(),
  updatedAt: TimestampSchema,
});
export type ScriptDocument = z.infer<typeof ScriptDocumentSchema>;

export const ScriptDraftInputSchema = z.strictObject({
  id: IdSchema.optional(),
  kind: ScriptKindSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  script: ScriptDefinitionSchema.nullable().default(null),
  questionnaire: QuestionnaireDefinitionSchema.nullable().default(null),
});

/** The node the operator is on, its texts merged with the call's context. */
export const RunNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(scriptNodeKinds),
  title: z.string(),
  text: z.string(),
  /** Merge fields that had no value and no fallback. */
  missing: z.array(z.string()),
  answers: z.array(z.object({ id: z.string(), label: z.string() })),
  disposition: z.object({ label: z.string(), success: z.boolean() }).nullable(),
  proposeCallback: z.boolean(),
  sectionId: z.string().nullable(),
});

export const ScriptRunStateSchema = z.object({
  runId: IdSchema,
  /** The call's interaction (CallInfo.interactionId, the timeline's item). */
  callId: IdSchema,
  scriptId: IdSchema,
  scriptName: z.string(),
  versionId: IdSchema,
  node: RunNodeSchema,
  /** Objection handlers, offered from every node. */
  objections: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Inside an objection handler: the node the conversation returns to. */
  returnTo: z.string().nullable(),
  canGoBack: z.boolean(),
  /** The run stands on an end (an end node, a disposition without answers, an answer leading nowhere); Backspace still steps back. */
  finishedAt: TimestampSchema.nullable(),
  path: z.array(z.object({ nodeId: z.string(), title: z.string(), answer: z.string().nullable(), at: TimestampSchema })),
  /** The response to the script's questionnaire, opened with the run. */
  responseId: IdSchema.nullable(),
});
export type ScriptRunState = z.infer<typeof ScriptRunStateSchema>;

/**
 * Every node of a run's version merged with the call's context, and where each answer leads: the runner
 * shows the node an answer leads to at once, before main has stored the move (main's answer then replaces it).
 */
export const ScriptRunGuideSchema = z.object({
  runId: IdSchema,
  versionId: IdSchema,
  nodes: z.array(RunNodeSchema.extend({ answers: z.array(z.object({ id: z.string(), label: z.string(), next: z.string().nullable() })) })),
});
export type ScriptRunGuide = z.infer<typeof ScriptRunGuideSchema>;

export const AnswerIssueSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const ResponseStateSchema = z.object({
  responseId: IdSchema,
  questionnaireId: IdSchema,
  questionnaireName: z.string(),
  versionId: IdSchema,
  definition: QuestionnaireDefinitionSchema,
  answers: z.record(z.string(), AnswerValueSchema),
  /** Answers saved but not acceptable yet (a half-typed e-mail), by question. */
  issues: z.record(z.string(), AnswerIssueSchema),
  visible: z.array(z.string()),
  missingRequired: z.array(z.string()),
  completedAt: TimestampSchema.nullable(),
});
export type ResponseState = z.infer<typeof ResponseStateSchema>;

export const ScriptResultsRequestSchema = z.strictObject({
  id: IdSchema,
  from: TimestampSchema,
  to: TimestampSchema,
  campaignId: IdSchema.optional(),
  operatorId: IdSchema.optional(),
  /** One version only; otherwise versions are merged where a question (or node) is unchanged. */
  versionId: IdSchema.optional(),
});

/** The results as a file for a spreadsheet: download it with files.download. */
export const ScriptResultsExportRequestSchema = ScriptResultsRequestSchema.extend({ format: z.enum(['csv', 'xlsx']) });

export const ScriptResultsSchema = z.object({
  versions: z.array(ScriptVersionSchema.extend({ runs: z.number().int() })),
  questions: z.array(
    z.object({
      questionId: z.string(),
      label: z.string(),
      type: z.enum(questionTypes),
      /** The versions whose answers are counted together (the question is the same in each). */
      versionIds: z.array(IdSchema),
      answered: z.number().int(),
      options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })),
      numbers: z.object({ mean: z.number(), min: z.number(), max: z.number() }).nullable(),
      texts: z.array(z.string()),
    }),
  ),
  paths: z.array(z.object({ nodes: z.array(z.string()), titles: z.array(z.string()), runs: z.number().int(), successes: z.number().int() })),
  objections: z.array(z.object({ nodeId: z.string(), title: z.string(), runs: z.number().int(), successes: z.number().int() })),
  byOperator: z.array(z.object({ operatorId: IdSchema.nullable(), name: z.string().nullable(), runs: z.number().int(), successes: z.number().int() })),
});
export type ScriptResults = z.infer<typeof ScriptResultsSchema>;

const ok = z.object({ ok: z.literal(true) });

/**
 * The API of scripts, questionnaires, their runs during calls and their results. A `callId` in a request
 * is the phone's call id (CallInfo.id) while the phone knows the call, or the call's interactionId
 * (the timeline's item, also after a restart).
 */
export const scriptMethods = {
  'scripts.list': { input: z.strictObject({ kind: ScriptKindSchema.optional() }), output: z.array(ScriptSummarySchema) },
  'scripts.get': { input: z.strictObject({ id: IdSchema }), output: ScriptDocumentSchema },
  /** Creates or saves the draft; saving never touches published versions. */
  'scripts.save': { input: ScriptDraftInputSchema, output: ScriptDocumentSchema },
  /** Publishes the draft as a new immutable version; refused (with the problems) while the draft has errors. */
  'scripts.publish': { input: z.strictObject({ id: IdSchema }), output: ScriptDocumentSchema },
  /** A tombstone: calls keep their versions and their results stay readable. */
  'scripts.delete': { input: z.strictObject({ id: IdSchema }), output: ok },
  /** The draft as a JSON file's text, for another workstation or a colleague. */
  'scripts.exportJson': { input: z.strictObject({ id: IdSchema }), output: z.object({ fileName: z.string(), text: z.string() }) },
  /** A JSON file made by exportJson (or by hand): validated, every problem reported with its path; saved as a new draft. */
  'scripts.importJson': { input: z.strictObject({ text: z.string().max(5_000_000) }), output: ScriptDocumentSchema },
  /** Merge-field values of a sample contact, for the editor's preview. */
  'scripts.preview': { input: z.strictObject({ id: IdSchema, nodeId: z.string(), contactId: IdSchema.nullable() }), output: RunNodeSchema },
  /** Starts (or returns) the script run of a call: the account's or campaign's script, or the one given. */
  'scriptRuns.start': { input: z.strictObject({ callId: IdSchema, scriptId: IdSchema.optional() }), output: ScriptRunStateSchema },
  'scriptRuns.get': { input: z.strictObject({ callId: IdSchema }), output: ScriptRunStateSchema.nullable() },
  'scriptRuns.guide': { input: z.strictObject({ runId: IdSchema }), output: ScriptRunGuideSchema },
  'scriptRuns.answer': { input: z.strictObject({ runId: IdSchema, answerId: z.string() }), output: ScriptRunStateSchema },
  'scriptRuns.back': { input: z.strictObject({ runId: IdSchema }), output: ScriptRunStateSchema },
  'scriptRuns.objection': { input: z.strictObject({ runId: IdSchema, nodeId: z.string() }), output: ScriptRunStateSchema },
  /** Leaves the objection handler being followed for the node it was opened from; the objection stays on the path. */
  'scriptRuns.return': { input: z.strictObject({ runId: IdSchema }), output: ScriptRunStateSchema },
  /** Opens (or returns) the response of a call to a questionnaire, in the version published at the time. */
  'responses.open': { input: z.strictObject({ callId: IdSchema, questionnaireId: IdSchema }), output: ResponseStateSchema },
  'responses.get': { input: z.strictObject({ responseId: IdSchema }), output: ResponseStateSchema },
  /** Saves one answer as it is typed, acceptable or not (issues are reported, nothing typed is lost). */
  'responses.answer': { input: z.strictObject({ responseId: IdSchema, questionId: z.string(), value: AnswerValueSchema }), output: ResponseStateSchema },
  /** Every questionnaire response of a call (the timeline shows them under the call). */
  'responses.forCall': { input: z.strictObject({ callId: IdSchema }), output: z.array(ResponseStateSchema) },
  'scripts.results': { input: ScriptResultsRequestSchema, output: ScriptResultsSchema },
  'scripts.exportResults': { input: ScriptResultsExportRequestSchema, output: z.object({ fileId: IdSchema, fileName: z.string() }) },
} as const;
