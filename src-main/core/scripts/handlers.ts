import { and, eq } from 'drizzle-orm';
import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import type { TransferStore } from '#core/crm/transfer/transfer-store';
import { scripts } from '#core/db/schema';
import { DomainError, InvalidInputError, notFound } from '#core/shared/errors';
import { callFacts, mergeContextOf } from './call-context';
import { answerQuestion, openResponse, responsesOfCall, responseState } from './responses';
import { writeResultsFile } from './results-file';
import { exportScriptJson, fileSafeName, parseScriptFile } from './script-json';
import { draftProblems, problemIssues } from './script-problems';
import { scriptResults } from './script-results';
import { mergedNode, moveRun, RunPositions, runGuide, runOfCall, runState, startRun, type RunMove } from './script-runs';
import { deleteScript, getScriptDocument, listScripts, saveDraft } from './script-store';
import { liveScript, ordinalsOf, parseDefinition, publishDraft, VersionReader } from './script-versions';

export interface ScriptHandlerDeps {
  ctx: CrmContext;
  transfers: TransferStore;
  /** The interaction of a call the phone knows by its call id; an unknown id is taken as an interaction id. */
  interactionOfCall: (callId: string) => string;
}

/** Scripts and questionnaires: editing and publishing, runs and answers beside calls, results. */
export function scriptHandlers({ ctx, transfers, interactionOfCall }: ScriptHandlerDeps) {
  const { database } = ctx;
  const db = database.read;
  const versions = new VersionReader(db);
  const positions = new RunPositions();
  const me = () => ctx.settings().currentEmployeeId;
  const moved = (runId: string, move: RunMove) => {
    // Kept only after the write returned: a move whose transaction failed never becomes the run's position.
    positions.keep(runId, database.write((tx) => moveRun(ctx, tx, versions, positions, runId, move)));
    return runState(db, versions, positions, runId);
  };

  return defineHandlers({
    'scripts.list': ({ kind }) => listScripts(db, kind),
    'scripts.get': ({ id }) => getScriptDocument(db, id),
    'scripts.save': (input) => getScriptDocument(db, database.write((tx) => saveDraft(ctx, tx, input))),
    'scripts.publish': ({ id }) => {
      database.write((tx) => publishDraft(ctx, tx, id));
      return getScriptDocument(db, id);
    },
    'scripts.delete': ({ id }) => {
      database.write((tx) => deleteScript(ctx, tx, id));
      return { ok: true as const };
    },
    'scripts.exportJson': ({ id }) => exportScriptJson(getScriptDocument(db, id)),
    'scripts.importJson': ({ text }) => {
      const input = parseScriptFile(text);
      // A questionnaire id from another workstation means nothing here: the script comes without it.
      if (input.script?.questionnaireId && !db.select({ id: scripts.id }).from(scripts).where(and(eq(scripts.id, input.script.questionnaireId), eq(scripts.kind, 'questionnaire'))).get()) {
        input.script = { ...input.script, questionnaireId: null };
      }
      const definition = input.kind === 'script' ? { kind: 'script' as const, script: input.script! } : { kind: 'questionnaire' as const, questionnaire: input.questionnaire! };
      const issues = problemIssues(definition, draftProblems(db, definition));
      if (issues.length > 0) throw new InvalidInputError(issues);
      return getScriptDocument(db, database.write((tx) => saveDraft(ctx, tx, input)));
    },
    'scripts.preview': ({ id, nodeId, contactId }) => {
      const row = liveScript(db, id);
      if (row.kind !== 'script') throw new DomainError('invalid_payload', 'script_kind_mismatch', `${row.name} is a questionnaire, not a call script`, { name: row.name });
      const definition = parseDefinition(row.kind, row.draft);
      const node = definition.kind === 'script' ? definition.script.nodes.find((n) => n.id === nodeId) : undefined;
      if (!node) throw notFound('Script node', nodeId);
      return mergedNode(node, mergeContextOf(db, { contactId, companyId: null }, me()));
    },

    'scriptRuns.start': ({ callId, scriptId }) => runState(db, versions, positions, database.write((tx) => startRun(ctx, tx, versions, interactionOfCall(callId), scriptId))),
    'scriptRuns.get': ({ callId }) => {
      const runId = runOfCall(db, interactionOfCall(callId));
      return runId ? runState(db, versions, positions, runId) : null;
    },
    'scriptRuns.guide': ({ runId }) => runGuide(db, versions, runId),
    'scriptRuns.answer': ({ runId, answerId }) => moved(runId, { kind: 'answer', answerId }),
    'scriptRuns.back': ({ runId }) => moved(runId, { kind: 'back' }),
    'scriptRuns.objection': ({ runId, nodeId }) => moved(runId, { kind: 'objection', nodeId }),
    'scriptRuns.return': ({ runId }) => moved(runId, { kind: 'return' }),

    'responses.open': ({ callId, questionnaireId }) =>
      responseState(db, versions, database.write((tx) => openResponse(ctx, tx, callFacts(tx, interactionOfCall(callId)), questionnaireId))),
    'responses.get': ({ responseId }) => responseState(db, versions, responseId),
    'responses.answer': (input) => {
      const refused = database.write((tx) => answerQuestion(ctx, tx, versions, input));
      const state = responseState(db, versions, input.responseId);
      return { ...state, issues: { ...state.issues, ...refused } };
    },
    'responses.forCall': ({ callId }) => responsesOfCall(db, versions, interactionOfCall(callId)),

    'scripts.results': (request) => scriptResults(db, versions, request),
    'scripts.exportResults': async ({ format, ...request }) => {
      const results = scriptResults(db, versions, request);
      const name = fileSafeName(db.select({ name: scripts.name }).from(scripts).where(eq(scripts.id, request.id)).get()?.name ?? '', 'results');
      const fileName = `${name} ${new Date(request.from).toISOString().slice(0, 10)}–${new Date(request.to).toISOString().slice(0, 10)}.${format}`;
      const target = transfers.newExport(fileName);
      await writeResultsFile(results, ordinalsOf(db, [...results.versions.map((v) => v.id), ...results.questions.flatMap((q) => q.versionIds)]), format, target.file);
      transfers.completeExport(target.fileId);
      return { fileId: target.fileId, fileName };
    },
  });
}
