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
