import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts, employees, interactions } from './crm';

/**
 * Call scripts and questionnaires, their published versions, their runs during calls and the answers
 * given. Ready to be synchronised between workstations: every row has a stable text id (child rows too),
 * `updated_at` and `updated_by`, deletions are tombstones, and nothing human-visible is a locally
 * computed counter (a version's ordinal is counted when read, from publishing times).
 */
const changeColumns = {
  updatedAt: integer('updated_at').notNull(),
  /** The employee who made the last change (null when nobody was chosen on this workstation). */
  updatedBy: text('updated_by'),
};

/** What ties a run or a response to its call: the version it used, the call, the client, the campaign, the operator. */
function usedDuringCall() {
  return {
    versionId: text('version_id')
      .notNull()
      .references(() => scriptVersions.id),
    /** The call's interaction. */
    callId: text('call_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Campaigns come in a later issue; kept so results can already be filtered by one. */
    campaignId: text('campaign_id'),
    operatorId: text('operator_id').references(() => employees.id, { onDelete: 'set null' }),
    startedAt: integer('started_at').notNull(),
  };
}

/** A script or questionnaire as edited: the draft lives here, published versions in script_versions. */
export const scripts = sqliteTable(
  'scripts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['script', 'questionnaire'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** JSON of the draft definition (ScriptDefinition or QuestionnaireDefinition). */
    draft: text('draft').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    deletedAt: integer('deleted_at'),
    ...changeColumns,
  },
  (t) => [index('scripts_kind_name_idx').on(t.kind, t.name)],
);

/** An immutable published definition: calls and answers keep the version they used. */
export const scriptVersions = sqliteTable(
  'script_versions',
  {
    id: text('id').primaryKey(),
    scriptId: text('script_id')
      .notNull()
      .references(() => scripts.id),
    /** JSON of the definition as published; never rewritten. */
    definition: text('definition').notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by'),
    ...changeColumns,
  },
  (t) => [index('script_versions_script_idx').on(t.scriptId, t.publishedAt, t.id)],
);

/** A script followed during one call, in the version published when it started. */
export const scriptRuns = sqliteTable(
  'script_runs',
  {
    id: text('id').primaryKey(),
    scriptId: text('script_id')
      .notNull()
      .references(() => scripts.id),
    ...usedDuringCall(),
    /** Set while the run stands on an end (an end node, a disposition without answers, an answer leading nowhere). */
    finishedAt: integer('finished_at'),
    /** The disposition of the last node reached that sets one. */
    dispositionLabel: text('disposition_label'),
    dispositionSuccess: integer('disposition_success', { mode: 'boolean' }),
    ...changeColumns,
  },
  (t) => [index('script_runs_call_idx').on(t.callId, t.startedAt), index('script_runs_script_idx').on(t.scriptId, t.startedAt)],
);

/** One row per move of the operator; appended, never rewritten, so the path can always be replayed. */
export const scriptRunSteps = sqliteTable(
  'script_run_steps',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => scriptRuns.id, { onDelete: 'cascade' }),
    /** 0, 1, 2… within the run. */
    position: integer('position').notNull(),
    /** answer: an answer button; back: undo the last move; objection: open a handler; return: a handler's answer leading back. */
    kind: text('kind', { enum: ['answer', 'back', 'objection', 'return'] }).notNull(),
    /** The node the move led to (null when an answer ended the script). */
    nodeId: text('node_id'),
    answerId: text('answer_id'),
    at: integer('at').notNull(),
    ...changeColumns,
  },
  (t) => [uniqueIndex('script_run_steps_run_idx').on(t.runId, t.position)],
);

/** A call's answers to a questionnaire, in the version published when it was opened. */
export const questionnaireResponses = sqliteTable(
  'questionnaire_responses',
  {
    id: text('id').primaryKey(),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => scripts.id),
    ...usedDuringCall(),
    /** Set while every required question shown is answered. */
    completedAt: integer('completed_at'),
    ...changeColumns,
  },
  (t) => [uniqueIndex('questionnaire_responses_call_idx').on(t.callId, t.questionnaireId), index('questionnaire_responses_questionnaire_idx').on(t.questionnaireId, t.startedAt)],
);

/** One answer, updated in place as the operator types. */
export const questionnaireAnswers = sqliteTable(
  'questionnaire_answers',
  {
    id: text('id').primaryKey(),
    responseId: text('response_id')
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    /** JSON of the AnswerValue. */
    value: text('value').notNull(),
    ...changeColumns,
  },
  (t) => [uniqueIndex('questionnaire_answers_question_idx').on(t.responseId, t.questionId)],
);

/** A contact field changed by something other than the contact form (an answer mapped into it), with the old value. */
export const contactFieldChanges = sqliteTable(
  'contact_field_changes',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** `email`, `position`, `city`, `notes` or `custom:<field id>`. */
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    sourceKind: text('source_kind', { enum: ['questionnaire'] }).notNull(),
    sourceId: text('source_id').notNull(),
    at: integer('at').notNull(),
    by: text('by'),
    ...changeColumns,
  },
  (t) => [index('contact_field_changes_contact_idx').on(t.contactId, t.at)],
);
