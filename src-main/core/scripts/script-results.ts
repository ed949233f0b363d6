import { and, asc, between, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnswerValue, MethodParams, Question, ScriptResults } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { employees, questionnaireAnswers, questionnaireResponses, scriptRunSteps, scriptRuns, scripts } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { replay, trailOf, type RunStep } from './run-replay';
import { versionsOf, type VersionReader } from './script-versions';

type Request = MethodParams<'scripts.results'>;
type QuestionResult = ScriptResults['questions'][number];

/** Texts listed per question at most (the newest first). */
const textsShown = 200;

/** Runs of a script in the period, filtered as asked. */
function runFilter(request: Request): SQL | undefined {
  return and(
    eq(scriptRuns.scriptId, request.id),
    between(scriptRuns.startedAt, request.from, request.to),
    request.campaignId ? eq(scriptRuns.campaignId, request.campaignId) : undefined,
    request.operatorId ? eq(scriptRuns.operatorId, request.operatorId) : undefined,
    request.versionId ? eq(scriptRuns.versionId, request.versionId) : undefined,
  );
}

interface RunOutcome {
  versionId: string;
  operatorId: string | null;
  /** Nodes passed, objection handlers left out (they are counted on their own). */
  path: string[];
  objections: Set<string>;
  success: boolean;
}

function runOutcomes(db: ReadDb, versions: VersionReader, request: Request): RunOutcome[] {
  const where = runFilter(request);
  const runs = db.select({ id: scriptRuns.id, versionId: scriptRuns.versionId, operatorId: scriptRuns.operatorId, startedAt: scriptRuns.startedAt }).from(scriptRuns).where(where).all();
  const steps = new Map<string, RunStep[]>();
  const rows = db
    .select({ runId: scriptRunSteps.runId, kind: scriptRunSteps.kind, nodeId: scriptRunSteps.nodeId, answerId: scriptRunSteps.answerId, at: scriptRunSteps.at })
    .from(scriptRunSteps)
    .innerJoin(scriptRuns, eq(scriptRuns.id, scriptRunSteps.runId))
    .where(where)
    .orderBy(asc(scriptRunSteps.runId), asc(scriptRunSteps.position))
    .all();
  for (const { runId, ...step } of rows) steps.set(runId, [...(steps.get(runId) ?? []), step]);
  return runs.map((run) => {
    const version = versions.get(run.versionId);
    const start = version.definition.kind === 'script' ? version.definition.script.start : '';
    const trail = trailOf(replay(start, run.startedAt, steps.get(run.id) ?? [])).map((e) => version.nodes.get(e.nodeId)).filter((n) => n !== undefined);
    const path = trail.filter((n) => n.kind !== 'objection').map((n) => n.id);
    return {
      versionId: run.versionId,
      operatorId: run.operatorId,
      // A return from an objection handler lands on the node it left: one visit, not two.
      path: path.filter((id, i) => id !== path[i - 1]),
      objections: new Set(trail.filter((n) => n.kind === 'objection').map((n) => n.id)),
      success: trail.some((n) => n.disposition?.success === true),
    };
  });
}

/** A question is the same across versions when what the operator saw and could answer is the same. */
function sameness(question: Question): string {
  return JSON.stringify([question.type, question.label, question.options, question.type === 'rating' ? question.max : null]);
}

function isAnswered(value: AnswerValue): boolean {
  return value !== null && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);
}

/** Answers per question over the responses, merged across versions where the question is unchanged. */
function questionResults(db: ReadDb, versions: VersionReader, responseWhere: SQL | undefined, versionOrder: readonly string[]): QuestionResult[] {
  const rows = db
    .select({ versionId: questionnaireResponses.versionId, questionId: questionnaireAnswers.questionId, value: questionnaireAnswers.value, updatedAt: questionnaireAnswers.updatedAt })
    .from(questionnaireAnswers)
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
    .where(responseWhere)
    .all();
  const usedVersions = new Set(db.selectDistinct({ versionId: questionnaireResponses.versionId }).from(questionnaireResponses).where(responseWhere).all().map((r) => r.versionId));
  // Newest version first: its wording and order lead; questions only older versions had follow.
  const ordered = [...versionOrder].reverse().filter((v) => usedVersions.has(v));
  const groups = new Map<string, { question: Question; versionIds: string[]; values: { value: AnswerValue; at: number }[] }>();
  const groupOf = new Map<string, string>();
  for (const versionId of ordered) {
    const { definition } = versions.get(versionId);
    if (definition.kind !== 'questionnaire') continue;
    for (const question of definition.questionnaire.sections.flatMap((s) => s.questions)) {
      const key = `${question.id}\u0000${sameness(question)}`;
      const group = groups.get(key) ?? { question, versionIds: [], values: [] };
      group.versionIds.push(versionId);
      groups.set(key, group);
      groupOf.set(`${versionId}\u0000${question.id}`, key);
    }
  }
  for (const row of rows) {
    const key = groupOf.get(`${row.versionId}\u0000${row.questionId}`);
    const value = JSON.parse(row.value) as AnswerValue;
    if (key && isAnswered(value)) groups.get(key)!.values.push({ value, at: row.updatedAt });
  }
  return [...groups.values()].map(({ question, versionIds, values }) => {
    const counts = new Map<string, number>();
    for (const { value } of values) for (const item of Array.isArray(value) ? value : [value]) counts.set(String(item), (counts.get(String(item)) ?? 0) + 1);
    const choices = (() => {
      switch (question.type) {
        case 'single':
        case 'multiple':
          return question.options.map((o) => ({ id: o.id, label: o.label }));
        // Words of the interface, not the author's: the window labels these by id.
        case 'yesno':
          return [
            { id: 'true', label: 'yes' },
            { id: 'false', label: 'no' },
          ];
        case 'rating':
          return Array.from({ length: question.max ?? 5 }, (_, i) => ({ id: String(i + 1), label: String(i + 1) }));
        default:
          return [];
      }
    })();
    const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
    const texts = question.type === 'text' || question.type === 'date' ? values.toSorted((a, b) => b.at - a.at).slice(0, textsShown).map((v) => String(v.value)) : [];
    return {
      questionId: question.id,
      label: question.label,
      type: question.type,
      versionIds,
      answered: values.length,
      options: choices.map((c) => ({ ...c, count: counts.get(c.id) ?? 0 })),
      numbers: numbers.length > 0 && (question.type === 'number' || question.type === 'rating') ? { mean: numbers.reduce((a, b) => a + b, 0) / numbers.length, min: Math.min(...numbers), max: Math.max(...numbers) } : null,
      texts,
    };
  });
}

function operatorNames(db: ReadDb, ids: readonly (string | null)[]): Map<string, string> {
  const known = ids.filter((id): id is string => id !== null);
  if (known.length === 0) return new Map();
  return new Map(db.select({ id: employees.id, name: employees.name }).from(employees).where(inArray(employees.id, known)).all().map((e) => [e.id, e.name]));
}

function byOperator(db: ReadDb, items: readonly { operatorId: string | null; success: boolean }[]): ScriptResults['byOperator'] {
  const counts = new Map<string | null, { runs: number; successes: number }>();
  for (const item of items) {
    const entry = counts.get(item.operatorId) ?? { runs: 0, successes: 0 };
    entry.runs++;
    if (item.success) entry.successes++;
    counts.set(item.operatorId, entry);
  }
  const names = operatorNames(db, [...counts.keys()]);
  return [...counts].map(([operatorId, c]) => ({ operatorId, name: operatorId ? (names.get(operatorId) ?? null) : null, ...c })).sort((a, b) => b.runs - a.runs);
}

/**
 * Results of a script or questionnaire over a period. For a script: the paths taken and the objections
 * met, with how many of those runs reached a successful disposition, per operator, and the answers to its
 * questionnaire given on the same calls. For a questionnaire: its answers, and per operator the responses
 * and how many were completed.
 */
export function scriptResults(db: ReadDb, versions: VersionReader, request: Request): ScriptResults {
  const row = db.select({ kind: scripts.kind }).from(scripts).where(eq(scripts.id, request.id)).get();
  if (!row) throw notFound('Script', request.id);
  const allVersions = versionsOf(db, request.id);
  const versionIds = allVersions.map((v) => v.id);

  if (row.kind === 'questionnaire') {
    const where = and(
      eq(questionnaireResponses.questionnaireId, request.id),
      between(questionnaireResponses.startedAt, request.from, request.to),
      request.campaignId ? eq(questionnaireResponses.campaignId, request.campaignId) : undefined,
      request.operatorId ? eq(questionnaireResponses.operatorId, request.operatorId) : undefined,
      request.versionId ? eq(questionnaireResponses.versionId, request.versionId) : undefined,
    );
    const responses = db.select({ versionId: questionnaireResponses.versionId, operatorId: questionnaireResponses.operatorId, completedAt: questionnaireResponses.completedAt }).from(questionnaireResponses).where(where).all();
    return {
      versions: allVersions.map((v) => ({ ...v, runs: responses.filter((r) => r.versionId === v.id).length })),
      questions: questionResults(db, versions, where, versionIds),
      paths: [],
      objections: [],
      byOperator: byOperator(db, responses.map((r) => ({ operatorId: r.operatorId, success: r.completedAt !== null }))),
    };
  }

  const runs = runOutcomes(db, versions, request);
  const paths = new Map<string, ScriptResults['paths'][number]>();
  const objections = new Map<string, ScriptResults['objections'][number]>();
  const titleOf = (versionId: string, nodeId: string) => versions.get(versionId).nodes.get(nodeId)?.title ?? nodeId;
  for (const run of runs) {
    const key = run.path.join('\u0000');
    const path = paths.get(key) ?? { nodes: run.path, titles: run.path.map((id) => titleOf(run.versionId, id)), runs: 0, successes: 0 };
    path.runs++;
    if (run.success) path.successes++;
    paths.set(key, path);
    for (const nodeId of run.objections) {
      const objection = objections.get(nodeId) ?? { nodeId, title: titleOf(run.versionId, nodeId), runs: 0, successes: 0 };
      objection.runs++;
      if (run.success) objection.successes++;
      objections.set(nodeId, objection);
    }
  }
  // The questionnaire filled beside the script: answers given on the calls the runs were on.
  const callsOfRuns = db.select({ callId: scriptRuns.callId }).from(scriptRuns).where(runFilter(request));
  const responseWhere = inArray(questionnaireResponses.callId, callsOfRuns);
  const definitions = allVersions.map((v) => versions.get(v.id).definition);
  const questionnaireIds = [...new Set(definitions.flatMap((d) => (d.kind === 'script' && d.script.questionnaireId ? [d.script.questionnaireId] : [])))];
  const questionnaireVersions = questionnaireIds.flatMap((id) => versionsOf(db, id).map((v) => v.id));
  return {
    versions: allVersions.map((v) => ({ ...v, runs: runs.filter((r) => r.versionId === v.id).length })),
    questions: questionResults(db, versions, responseWhere, questionnaireVersions),
    paths: [...paths.values()].sort((a, b) => b.runs - a.runs),
    objections: [...objections.values()].sort((a, b) => b.runs - a.runs),
    byOperator: byOperator(db, runs),
  };
}
