import { and, eq } from 'drizzle-orm';
import { QuestionnaireDefinitionSchema, type ErrorReason, type PayloadIssue, type ScriptDefinition, type ScriptProblem } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { customFields, scripts } from '#core/db/schema';
import { issue } from '#core/shared/errors';
import { fieldsUsed } from './merge-fields';
import { checkQuestionnaire, type QuestionnaireProblem } from './questionnaire-check';
import { checkScriptGraph } from './script-graph';
import type { Definition } from './script-versions';

export interface DraftProblems {
  problems: ScriptProblem[];
  questionnaireProblems: QuestionnaireProblem[];
}

/** Problems the operator would only see as a warning in the editor; everything else blocks publishing. */
const warnings = new Set<string>(['unreachable', 'dead_end']);

/** How an imported file's blocking problems are worded (checked here against the contract's reasons). */
const scriptReasons = {
  missing_target: 'script_missing_target',
  missing_start: 'script_missing_start',
  duplicate_id: 'script_duplicate_id',
  unknown_section: 'script_unknown_section',
  unknown_field: 'script_unknown_field',
} as const satisfies Record<Exclude<ScriptProblem['code'], 'unreachable' | 'dead_end'>, ErrorReason>;

/** Each questionnaire problem's reason, and the field of the question it is about. */
const questionProblems = {
  duplicate_id: ['question_duplicate_id', 'id'],
  condition_on_later_question: ['question_condition_on_later_question', 'showIf.questionId'],
  condition_on_unknown_question: ['question_condition_on_unknown_question', 'showIf.questionId'],
  no_options: ['question_no_options', 'options'],
  bad_pattern: ['question_bad_pattern', 'pattern.regex'],
  bad_range: ['question_bad_range', 'min'],
  unknown_field: ['question_unknown_field', 'mapsTo'],
} as const satisfies Record<QuestionnaireProblem['code'], readonly [ErrorReason, string]>;

/** The merge fields a text may use besides `custom.<field name>` (see call-context.ts, which fills them). */
export const knownMergeFields = new Set([
  'contact.firstName',
  'contact.lastName',
  'contact.middleName',
  'contact.fullName',
  'contact.position',
  'contact.city',
  'contact.email',
  'contact.phone',
  'company.name',
  'company.city',
  'operator.name',
  'campaign.name',
]);

function contactFieldIds(db: ReadDb): Set<string> {
  return new Set(db.select({ id: customFields.id }).from(customFields).where(eq(customFields.entity, 'contact')).all().map((f) => f.id));
}

/** Sections of the questionnaire a script opens beside its nodes; null when it names none (nothing to check against). */
function sectionIdsOf(db: ReadDb, questionnaireId: string | null): Set<string> | null {
  if (questionnaireId === null) return null;
  const row = db.select({ draft: scripts.draft }).from(scripts).where(and(eq(scripts.id, questionnaireId), eq(scripts.kind, 'questionnaire'))).get();
  if (!row) return new Set();
  const parsed = QuestionnaireDefinitionSchema.safeParse(JSON.parse(row.draft));
  return new Set(parsed.success ? parsed.data.sections.map((s) => s.id) : []);
}

/** Merge fields that nothing fills: a typo the operator would read out as `[contact.frstName]`. */
function unknownFields(db: ReadDb, script: ScriptDefinition): ScriptProblem[] {
  const customNames = new Set(db.select({ name: customFields.name }).from(customFields).all().map((f) => f.name.trim()));
  const known = (name: string) => knownMergeFields.has(name) || (name.startsWith('custom.') && customNames.has(name.slice('custom.'.length).trim()));
  return script.nodes.flatMap((node) =>
    [...new Set([node.text, ...node.answers.map((a) => a.label)].flatMap(fieldsUsed))].filter((name) => !known(name)).map((name) => ({ nodeId: node.id, code: 'unknown_field' as const, detail: name })),
  );
}

/** What the editor shows beside a draft. */
export function draftProblems(db: ReadDb, definition: Definition): DraftProblems {
  if (definition.kind === 'script') {
    const { script } = definition;
    return { problems: [...checkScriptGraph(script, sectionIdsOf(db, script.questionnaireId)), ...unknownFields(db, script)], questionnaireProblems: [] };
  }
  return { problems: [], questionnaireProblems: checkQuestionnaire(definition.questionnaire, contactFieldIds(db)) };
}

/** The problems that keep a draft from being published (or a file from being imported), flattened. */
export function blockingProblems(found: DraftProblems): { kind: 'script' | 'question'; where: string | null; code: string; detail: string | null }[] {
  return [
    ...found.problems.filter((p) => !warnings.has(p.code)).map((p) => ({ kind: 'script' as const, where: p.nodeId, code: p.code, detail: p.detail })),
    ...found.questionnaireProblems.map((p) => ({ kind: 'question' as const, where: p.questionId, code: p.code, detail: p.detail })),
  ];
}

/** A blocking problem as an issue of an imported file: the JSON path of what is wrong, and why. */
export function problemIssues(definition: Definition, found: DraftProblems): PayloadIssue[] {
  if (definition.kind === 'script') {
    const { nodes } = definition.script;
    const nodeIndex = (id: string | null) => nodes.findIndex((n) => n.id === id);
    return found.problems
      .flatMap((p) => (p.code === 'unreachable' || p.code === 'dead_end' ? [] : [{ ...p, code: p.code }]))
      .map((p) => {
        const i = nodeIndex(p.nodeId);
        const node = `script.nodes.${i}`;
        const where = (() => {
          switch (p.code) {
            case 'missing_start':
              return 'script.start';
            case 'missing_target':
              return `${node}.answers.${nodes[i]?.answers.findIndex((a) => a.id === p.detail) ?? -1}.next`;
            case 'duplicate_id':
              // The second node with the id is the one to rename.
              return `script.nodes.${nodes.findLastIndex((n) => n.id === p.nodeId)}.id`;
            case 'unknown_section':
              return `${node}.sectionId`;
            case 'unknown_field':
              return `${node}.text`;
          }
        })();
        return issue(where, scriptReasons[p.code], `${p.code}${p.detail ? `: ${p.detail}` : ''}`, { detail: p.detail ?? p.nodeId ?? '' });
      });
  }
  const positions = new Map<string, string>();
  definition.questionnaire.sections.forEach((section, s) => {
    if (!positions.has(section.id)) positions.set(section.id, `questionnaire.sections.${s}`);
    section.questions.forEach((question, q) => positions.set(question.id, `questionnaire.sections.${s}.questions.${q}`));
  });
  return found.questionnaireProblems.map((p) => {
    const base = p.questionId === null ? (positions.get(p.detail ?? '') ?? 'questionnaire') : (positions.get(p.questionId) ?? 'questionnaire');
    const [reason, field] = questionProblems[p.code];
    return issue(`${base}.${field}`, reason, `${p.code}${p.detail ? `: ${p.detail}` : ''}`, { detail: p.detail ?? p.questionId ?? '' });
  });
}
