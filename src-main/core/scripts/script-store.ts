import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { MethodParams, ScriptDocument, ScriptSummary } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { scripts } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';
import { draftProblems } from './script-problems';
import { liveScript, parseDefinition, versionsOf, type ScriptKind } from './script-versions';

/** The last published definition, for comparing with the draft in SQL. */
const lastDefinition = sql<string | null>`(SELECT v.definition FROM script_versions v WHERE v.script_id = "scripts"."id" ORDER BY v.published_at DESC, v.id DESC LIMIT 1)`;

export function listScripts(db: ReadDb, kind: ScriptKind | undefined): ScriptSummary[] {
  return db
    .select({
      id: scripts.id,
      kind: scripts.kind,
      name: scripts.name,
      description: scripts.description,
      updatedAt: scripts.updatedAt,
      hasUnpublishedChanges: sql<number>`${lastDefinition} IS NOT ${scripts.draft}`,
      publishedVersionId: sql<string | null>`(SELECT v.id FROM script_versions v WHERE v.script_id = "scripts"."id" ORDER BY v.published_at DESC, v.id DESC LIMIT 1)`,
      versions: sql<number>`(SELECT count(*) FROM script_versions v WHERE v.script_id = "scripts"."id")`,
    })
    .from(scripts)
    .where(and(isNull(scripts.deletedAt), kind ? eq(scripts.kind, kind) : undefined))
    .orderBy(asc(scripts.name), asc(scripts.id))
    .all()
    .map((row) => ({ ...row, hasUnpublishedChanges: row.hasUnpublishedChanges === 1 }));
}

/** A script or questionnaire as the editor opens it. */
export function getScriptDocument(db: ReadDb, id: string): ScriptDocument {
  const row = liveScript(db, id);
  const definition = parseDefinition(row.kind, row.draft);
  const last = db.select({ definition: lastDefinition }).from(scripts).where(eq(scripts.id, id)).get()?.definition ?? null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    script: definition.kind === 'script' ? definition.script : null,
    questionnaire: definition.kind === 'questionnaire' ? definition.questionnaire : null,
    ...draftProblems(db, definition),
    versions: versionsOf(db, id),
    hasUnpublishedChanges: last !== row.draft,
    updatedAt: row.updatedAt,
  };
}

/** The definition the draft input carries for its kind; the other kind's must be absent. */
function draftJson(input: MethodParams<'scripts.save'>): string {
  const definition = input.kind === 'script' ? input.script : input.questionnaire;
  const other = input.kind === 'script' ? 'questionnaire' : 'script';
  const issues = [
    ...(definition === null ? [issue(input.kind, 'required', `A ${input.kind} needs its definition`)] : []),
    ...(input[other] !== null ? [issue(other, 'script_kind_mismatch', `A ${input.kind} carries no ${other} definition`)] : []),
  ];
  if (issues.length > 0) throw new InvalidInputError(issues);
  return JSON.stringify(definition);
}

/** Creates or saves a draft; published versions are never touched. */
export function saveDraft(ctx: CrmContext, tx: WriteDb, input: MethodParams<'scripts.save'>): string {
  const draft = draftJson(input);
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  const values = { name: input.name, description: input.description, draft, updatedAt: now, updatedBy: me };
  if (input.id === undefined) {
    const id = ctx.ids.next();
    tx.insert(scripts).values({ id, kind: input.kind, ...values, createdAt: now, createdBy: me }).run();
    return id;
  }
  const row = liveScript(tx, input.id);
  if (row.kind !== input.kind) throw new InvalidInputError([issue('kind', 'script_kind_mismatch', `${input.id} is a ${row.kind}; its kind stays`)]);
  tx.update(scripts).set(values).where(eq(scripts.id, input.id)).run();
  return input.id;
}

/** A tombstone: runs and responses keep their versions, and results stay readable. */
export function deleteScript(ctx: CrmContext, tx: WriteDb, id: string): void {
  const now = ctx.clock.now();
  const changed = tx
    .update(scripts)
    .set({ deletedAt: now, updatedAt: now, updatedBy: ctx.settings().currentEmployeeId })
    .where(and(eq(scripts.id, id), isNull(scripts.deletedAt)))
    .run().changes;
  if (changed === 0) throw notFound('Script', id);
}
