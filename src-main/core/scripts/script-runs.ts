import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { ScriptDefinition, ScriptNode, ScriptRunGuide, ScriptRunState } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { questionnaireResponses, scriptRunSteps, scriptRuns, scripts, sipAccounts } from '#core/db/schema';
import { DomainError, InvalidInputError, issue, notFound } from '#core/shared/errors';
import { callFacts, campaignOfCall, mergeContextOf, type CallFacts } from './call-context';
import { mergeFields, type MergeContext } from './merge-fields';
import { openResponse } from './responses';
import { advance, answerMove, currentNodeId, dispositionOf, isFinished, replay, returnTo, startPosition, trailOf, type RunPosition, type RunStep } from './run-replay';
import { latestVersionId, liveScript, type PublishedVersion, type VersionReader } from './script-versions';

type RunNode = ScriptRunState['node'];

/** A node as the operator reads it: text and answer labels with the call's merge fields filled in. */
export function mergedNode(node: ScriptNode, context: MergeContext): RunNode {
  const text = mergeFields(node.text, context);
  const answers = node.answers.map((a) => ({ id: a.id, merged: mergeFields(a.label, context) }));
  return {
    id: node.id,
    kind: node.kind,
    title: node.title,
    text: text.text,
    missing: [...new Set([...text.missing, ...answers.flatMap((a) => a.merged.missing)])],
    answers: answers.map((a) => ({ id: a.id, label: a.merged.text })),
    disposition: node.disposition,
    proposeCallback: node.proposeCallback,
    sectionId: node.sectionId,
  };
}

function scriptOf(version: PublishedVersion): ScriptDefinition {
  if (version.definition.kind !== 'script') throw new DomainError('invalid_payload', 'script_kind_mismatch', `Version ${version.id} is a questionnaire's`);
  return version.definition.script;
}

function runRow(db: ReadDb, runId: string) {
  const row = db.select().from(scriptRuns).where(eq(scriptRuns.id, runId)).get();
  if (!row) throw notFound('Script run', runId);
  return row;
}

function stepsOf(db: ReadDb, runId: string): RunStep[] {
  return db
    .select({ kind: scriptRunSteps.kind, nodeId: scriptRunSteps.nodeId, answerId: scriptRunSteps.answerId, at: scriptRunSteps.at })
    .from(scriptRunSteps)
    .where(eq(scriptRunSteps.runId, runId))
    .orderBy(asc(scriptRunSteps.position))
    .all();
}

/** A run's position and how many moves are stored for it (the next move's place in script_run_steps). */
export interface KnownPosition {
  position: RunPosition;
  moves: number;
}

/**
 * Where runs stand, kept after each move so the next one neither reads the run's moves back nor replays
 * them (a long conversation would otherwise answer slower the longer it runs). script_run_steps stays
 * the record: a run not known here (after a restart, or moved long ago) is replayed from it once. Only
 * this process appends moves (main owns the database file), and a position is kept only once the
 * transaction that wrote its move has committed.
 */
export class RunPositions {
  private readonly known = new Map<string, KnownPosition>();

  /** Runs kept: the operators' current calls and then some; each holds a path of its moves, no more. */
  constructor(private readonly limit = 64) {}

  of(db: ReadDb, run: typeof scriptRuns.$inferSelect, version: PublishedVersion): KnownPosition {
    const known = this.known.get(run.id);
    if (known) return known;
    const steps = stepsOf(db, run.id);
    const rebuilt = { position: replay(scriptOf(version).start, run.startedAt, steps), moves: steps.length };
    this.keep(run.id, rebuilt);
    return rebuilt;
  }

  keep(runId: string, position: KnownPosition): void {
    this.known.delete(runId);
    this.known.set(runId, position);
    // Maps iterate in insertion order: the first key is the run moved longest ago.
    if (this.known.size > this.limit) this.known.delete(this.known.keys().next().value!);
  }
}

/** The script for a call: the one asked for, else its campaign's, else the one set on the line (SIP account) the call came in on. */
function scriptForCall(db: ReadDb, facts: CallFacts, scriptId: string | undefined, campaignScriptId: string | null | undefined): string {
  if (scriptId !== undefined) return scriptId;
  if (campaignScriptId) return campaignScriptId;
  const fromLine = facts.accountId
    ? db
        .select({ id: scripts.id })
        .from(sipAccounts)
        .innerJoin(scripts, eq(scripts.id, sipAccounts.scriptId))
        .where(and(eq(sipAccounts.id, facts.accountId), isNull(scripts.deletedAt)))
        .get()
    : undefined;
  if (!fromLine) throw new DomainError('not_found', 'no_script_for_call', 'No script was given and the line the call came in on has none');
  return fromLine.id;
}

/** The run of a call (of the given script, else its latest), if one was started. */
export function runOfCall(db: ReadDb, interactionId: string, scriptId?: string): string | null {
  return (
    db
      .select({ id: scriptRuns.id })
      .from(scriptRuns)
      .where(and(eq(scriptRuns.callId, interactionId), scriptId === undefined ? undefined : eq(scriptRuns.scriptId, scriptId)))
      .orderBy(desc(scriptRuns.startedAt), desc(scriptRuns.id))
      .limit(1)
      .get()?.id ?? null
  );
}

/**
 * Starts the run of a call in the version published now (or returns the one already started), and opens
 * the response to the script's questionnaire with it.
 */
export function startRun(ctx: CrmContext, tx: WriteDb, versions: VersionReader, interactionId: string, requested: string | undefined): string {
  const facts = callFacts(tx, interactionId);
  const existing = runOfCall(tx, interactionId, requested);
  if (existing) return existing;
  const campaign = campaignOfCall(tx, interactionId);
  const scriptId = scriptForCall(tx, facts, requested, campaign?.scriptId);
  const row = liveScript(tx, scriptId);
  if (row.kind !== 'script') throw new DomainError('invalid_payload', 'script_kind_mismatch', `${row.name} is a questionnaire, not a call script`, { name: row.name });
  const versionId = latestVersionId(tx, scriptId);
  if (!versionId) throw new DomainError('conflict', 'script_not_published', `“${row.name}” has never been published`, { name: row.name });
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  const version = versions.get(versionId);
  const { start, questionnaireId: scriptQuestionnaireId } = scriptOf(version);
  // The script's own questionnaire, else the one its campaign asks for.
  const questionnaireId = scriptQuestionnaireId ?? campaign?.questionnaireId ?? null;
  tx.insert(scriptRuns)
    .values({ id, scriptId, versionId, callId: interactionId, contactId: facts.contactId, campaignId: campaign?.id ?? null, operatorId: me, startedAt: now, ...outcome(version, startPosition(start, now), now), updatedAt: now, updatedBy: me })
    .run();
  // A questionnaire never published (or deleted since) leaves the run without one rather than refusing the call its script.
  if (questionnaireId !== null && latestVersionId(tx, questionnaireId) !== null && tx.select({ id: scripts.id }).from(scripts).where(and(eq(scripts.id, questionnaireId), isNull(scripts.deletedAt))).get()) {
    openResponse(ctx, tx, facts, questionnaireId);
  }
  return id;
}

/** What the run row keeps of its position: whether it stands on an end, and the disposition reached. */
function outcome(version: PublishedVersion, position: RunPosition, now: number) {
  const current = version.nodes.get(currentNodeId(position));
  const disposition = dispositionOf(position, version.nodes);
  return {
    finishedAt: current && isFinished(position, current) ? now : null,
    dispositionLabel: disposition?.label ?? null,
    dispositionSuccess: disposition?.success ?? null,
  };
}

export type RunMove = { kind: 'answer'; answerId: string } | { kind: 'back' } | { kind: 'objection'; nodeId: string } | { kind: 'return' };

/**
 * Appends one move to a run, in one transaction with the run's outcome, and says where the run stands
 * after it (for `RunPositions.keep` once committed). A move with nothing to do (Backspace at the start,
 * a return outside any objection handler) writes nothing.
 */
export function moveRun(ctx: CrmContext, tx: WriteDb, versions: VersionReader, positions: RunPositions, runId: string, move: RunMove): KnownPosition {
  const run = runRow(tx, runId);
  const version = versions.get(run.versionId);
  const known = positions.of(tx, run, version);
  const { position } = known;
  const current = version.nodes.get(currentNodeId(position));
  if (!current) throw notFound('Script node', currentNodeId(position));
  const now = ctx.clock.now();
  let step: Omit<RunStep, 'at'>;
  switch (move.kind) {
    case 'back':
      if (position.undoable === 0) return known;
      step = { kind: 'back', nodeId: null, answerId: null };
      break;
    case 'answer': {
      if (isFinished(position, current)) throw new DomainError('conflict', 'script_run_finished', 'The script has ended; step back to change an answer');
      const answer = current.answers.find((a) => a.id === move.answerId);
      if (!answer) throw new InvalidInputError([issue('answerId', 'no_such_record', `Node ${current.id} has no answer ${move.answerId}`, { id: move.answerId })]);
      step = { ...answerMove(position, answer.next), answerId: answer.id };
      break;
    }
    case 'objection': {
      const handler = version.nodes.get(move.nodeId);
      if (handler?.kind !== 'objection') throw new InvalidInputError([issue('nodeId', 'no_such_record', `${move.nodeId} is not an objection handler of this script`, { id: move.nodeId })]);
      step = { kind: 'objection', nodeId: handler.id, answerId: null };
      break;
    }
    case 'return': {
      // Leaving the handler without one of its answers: it stays on the path, as an objection raised.
      const back = returnTo(position);
      if (back === null) return known;
      step = { kind: 'return', nodeId: back, answerId: null };
      break;
    }
  }
  const me = ctx.settings().currentEmployeeId;
  tx.insert(scriptRunSteps).values({ id: ctx.ids.next(), runId, position: known.moves, ...step, at: now, updatedAt: now, updatedBy: me }).run();
  const after = advance(position, { ...step, at: now });
  tx.update(scriptRuns).set({ ...outcome(version, after, now), updatedAt: now, updatedBy: me }).where(eq(scriptRuns.id, runId)).run();
  return { position: after, moves: known.moves + 1 };
}

/** The context a run's fields merge with: the call's client and company, the run's operator. */
function runContext(db: ReadDb, run: typeof scriptRuns.$inferSelect): MergeContext {
  const facts = callFacts(db, run.callId);
  return mergeContextOf(db, { contactId: facts.contactId ?? run.contactId, companyId: facts.companyId }, run.operatorId);
}

/** Every node of the run's version as the runner would show it, with where each answer leads. */
export function runGuide(db: ReadDb, versions: VersionReader, runId: string): ScriptRunGuide {
  const run = runRow(db, runId);
  const context = runContext(db, run);
  const nodes = scriptOf(versions.get(run.versionId)).nodes.map((node) => {
    const merged = mergedNode(node, context);
    return { ...merged, answers: merged.answers.map((a, i) => ({ ...a, next: node.answers[i]!.next })) };
  });
  return { runId, versionId: run.versionId, nodes };
}

/** Where the run stands, as the runner beside the call shows it. */
export function runState(db: ReadDb, versions: VersionReader, positions: RunPositions, runId: string): ScriptRunState {
  const run = runRow(db, runId);
  const version = versions.get(run.versionId);
  const { position } = positions.of(db, run, version);
  const script = scriptOf(version);
  const context = runContext(db, run);
  const here = version.nodes.get(currentNodeId(position));
  if (!here) throw notFound('Script node', currentNodeId(position));
  const name = db.select({ name: scripts.name }).from(scripts).where(eq(scripts.id, run.scriptId)).get()?.name ?? '';
  const response = script.questionnaireId
    ? db
        .select({ id: questionnaireResponses.id })
        .from(questionnaireResponses)
        .where(and(eq(questionnaireResponses.callId, run.callId), eq(questionnaireResponses.questionnaireId, script.questionnaireId)))
        .get()
    : undefined;
  return {
    runId,
    callId: run.callId,
    scriptId: run.scriptId,
    scriptName: name,
    versionId: run.versionId,
    node: mergedNode(here, context),
    objections: script.nodes.filter((n) => n.kind === 'objection').map((n) => ({ id: n.id, title: n.title })),
    returnTo: returnTo(position),
    canGoBack: position.undoable > 0,
    finishedAt: run.finishedAt,
    path: trailOf(position).map((entry) => {
      const node = version.nodes.get(entry.nodeId);
      const answer = node?.answers.find((a) => a.id === entry.answerId);
      return { nodeId: entry.nodeId, title: node?.title ?? entry.nodeId, answer: answer ? mergeFields(answer.label, context).text : null, at: entry.at };
    }),
    responseId: response?.id ?? null,
  };
}
