import { asc, desc, eq, inArray } from 'drizzle-orm';
import { QuestionnaireDefinitionSchema, ScriptDefinitionSchema, type QuestionnaireDefinition, type ScriptDefinition, type ScriptNode } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { scripts, scriptVersions } from '#core/db/schema';
import { BugError, DomainError, notFound } from '#core/shared/errors';
import type { CrmContext } from '#core/crm/crm-context';
import { blockingProblems, draftProblems } from './script-problems';

export type ScriptKind = 'script' | 'questionnaire';

/** A definition of either kind, as stored in a draft or a version. */
export type Definition = { kind: 'script'; script: ScriptDefinition } | { kind: 'questionnaire'; questionnaire: QuestionnaireDefinition };

/** Reads stored definition JSON; the store only ever writes what the contract's schema produced. */
export function parseDefinition(kind: ScriptKind, json: string): Definition {
  const value: unknown = JSON.parse(json);
  if (kind === 'script') return { kind, script: ScriptDefinitionSchema.parse(value) };
  return { kind, questionnaire: QuestionnaireDefinitionSchema.parse(value) };
}

export interface PublishedVersion {
  id: string;
  scriptId: string;
  definition: Definition;
  /** A script's nodes by id (empty for a questionnaire). */
  nodes: ReadonlyMap<string, ScriptNode>;
}

/**
 * Published versions by id, parsed once: a version never changes after it is written, so what was read
 * stays true (a run's every step reads its version; parsing a 200-node script each time would dominate).
 */
export class VersionReader {
  private readonly parsed = new Map<string, PublishedVersion>();

  constructor(private readonly db: ReadDb) {}

  get(versionId: string): PublishedVersion {
    const known = this.parsed.get(versionId);
    if (known) return known;
    const row = this.db
      .select({ id: scriptVersions.id, scriptId: scriptVersions.scriptId, definition: scriptVersions.definition, kind: scripts.kind })
      .from(scriptVersions)
      .innerJoin(scripts, eq(scripts.id, scriptVersions.scriptId))
      .where(eq(scriptVersions.id, versionId))
      .get();
    if (!row) throw new BugError(`Script version ${versionId} is referenced but missing`);
    const definition = parseDefinition(row.kind, row.definition);
    const version = { id: row.id, scriptId: row.scriptId, definition, nodes: new Map(definition.kind === 'script' ? definition.script.nodes.map((n) => [n.id, n]) : []) };
    this.parsed.set(versionId, version);
    return version;
  }
}

/** Versions of a script in publishing order, with their ordinals (1, 2, 3…) counted here, never stored. */
export function versionsOf(db: ReadDb, scriptId: string): { id: string; ordinal: number; publishedAt: number; publishedBy: string | null }[] {
  return db
    .select({ id: scriptVersions.id, publishedAt: scriptVersions.publishedAt, publishedBy: scriptVersions.publishedBy })
    .from(scriptVersions)
    .where(eq(scriptVersions.scriptId, scriptId))
    .orderBy(asc(scriptVersions.publishedAt), asc(scriptVersions.id))
    .all()
    .map((v, i) => ({ ...v, ordinal: i + 1 }));
}

/** Ordinals of versions of any scripts and questionnaires (a script's results count its questionnaire's versions too). */
export function ordinalsOf(db: ReadDb, versionIds: readonly string[]): Map<string, number> {
  const owners = new Set(db.select({ scriptId: scriptVersions.scriptId }).from(scriptVersions).where(inArray(scriptVersions.id, [...versionIds])).all().map((r) => r.scriptId));
  return new Map([...owners].flatMap((id) => versionsOf(db, id).map((v) => [v.id, v.ordinal] as const)));
}

/** The version new runs and responses use: the last one published. */
export function latestVersionId(db: ReadDb, scriptId: string): string | null {
  return (
    db
      .select({ id: scriptVersions.id })
      .from(scriptVersions)
      .where(eq(scriptVersions.scriptId, scriptId))
      .orderBy(desc(scriptVersions.publishedAt), desc(scriptVersions.id))
      .limit(1)
      .get()?.id ?? null
  );
}

/** A live (not deleted) script or questionnaire row. */
export function liveScript(db: ReadDb, id: string) {
  const row = db.select().from(scripts).where(eq(scripts.id, id)).get();
  if (!row || row.deletedAt !== null) throw notFound('Script', id);
  return row;
}

/**
 * Publishes the draft as a new immutable version. Refused while the draft has blocking problems; a
 * draft equal to the last version publishes nothing new.
 */
export function publishDraft(ctx: CrmContext, tx: WriteDb, id: string): void {
  const row = liveScript(tx, id);
  const blocking = blockingProblems(draftProblems(tx, parseDefinition(row.kind, row.draft)));
  if (blocking.length > 0) {
    throw new DomainError('conflict', 'script_has_problems', `“${row.name}” has ${blocking.length} problem(s) that block publishing: ${blocking.map((p) => `${p.where ?? '-'} ${p.code}`).join(', ')}`, {
      count: blocking.length,
      codes: [...new Set(blocking.map((p) => p.code))].join(', '),
      detail: [...new Set(blocking.map((p) => p.where).filter((w) => w !== null))].join(', '),
    });
  }
  const latest = latestVersionId(tx, id);
  if (latest && tx.select({ definition: scriptVersions.definition }).from(scriptVersions).where(eq(scriptVersions.id, latest)).get()?.definition === row.draft) return;
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  tx.insert(scriptVersions).values({ id: ctx.ids.next(), scriptId: id, definition: row.draft, publishedAt: now, publishedBy: me, updatedAt: now, updatedBy: me }).run();
}
