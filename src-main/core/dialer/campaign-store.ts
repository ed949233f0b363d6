import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Campaign, CampaignSummary, MethodParams } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { campaignDispositions, campaignOperators, campaigns } from '#core/db/schema';
import { DomainError, InvalidInputError, issue, notFound } from '#core/shared/errors';
import { campaignLifecycle } from './campaign-lifecycle';
import { campaignMessageStore } from './campaign-messages';
import { campaignPolicies, campaignRuleSettingsSchema, type CampaignPolicies, type CampaignRuleSettings, type Profile } from './rules/index';

type CampaignRow = typeof campaigns.$inferSelect;

/** A campaign's stricter settings, read back; stored ones were checked when saved. */
export function ruleSettingsOf(row: Pick<CampaignRow, 'rules'>): CampaignRuleSettings {
  return campaignRuleSettingsSchema.parse(JSON.parse(row.rules));
}

/**
 * The campaign's rules against the law: its settings must read as settings and be no looser than
 * its profile (every profile, when the callee's country decides). Each problem names its field.
 */
export function checkedPolicies(profiles: readonly Profile[], input: { purpose: CampaignRow['purpose']; profile: string; rules: unknown }): Extract<CampaignPolicies, { ok: true }> {
  const settings = campaignRuleSettingsSchema.safeParse(input.rules);
  if (!settings.success) {
    throw new InvalidInputError(settings.error.issues.map((i) => issue(['rules', ...i.path].join('.'), 'invalid_value', i.message)));
  }
  const policies = campaignPolicies(profiles, { purpose: input.purpose, profile: input.profile, settings: settings.data });
  if (policies.ok) return policies;
  throw new InvalidInputError(
    policies.problems.map((problem) =>
      problem.code === 'unknown_profile'
        ? issue('profile', 'unknown_calling_profile', `No calling-rules profile ${problem.profile}`, { detail: problem.profile })
        : issue(`rules.${problem.field}`, 'rule_looser_than_profile', `${problem.field} ${String(problem.value)} is looser than ${problem.profile}'s ${String(problem.limit)} (${problem.rule})`, {
            detail: `${problem.profile}: ${String(problem.limit)}`,
          }),
    ),
  );
}

/** An unanswered call may not be given up sooner than the law's minimum ring time (Ofcom, TCPA: 15 s). */
function assertRingsLongEnough(policies: Extract<CampaignPolicies, { ok: true }>, ringTimeoutSeconds: number): void {
  for (const policy of policies.all) {
    const least = policy.callHandling.minRingSeconds;
    if (least && ringTimeoutSeconds < least.value) {
      throw new InvalidInputError([
        issue('ringTimeoutSeconds', 'rule_looser_than_profile', `A ring timeout of ${ringTimeoutSeconds} s is shorter than ${least.value} s (${least.ref})`, { detail: `${least.ref}: ${least.value}` }),
      ]);
    }
  }
}

/** Campaigns as the supervisor edits them: the campaign, its operators and its dispositions, each row updated in place. */
export class CampaignStore {
  constructor(
    private readonly ctx: CrmContext,
    private readonly profiles: () => readonly Profile[],
  ) {}

  private me(): string | null {
    return this.ctx.settings().currentEmployeeId;
  }

  list(db: ReadDb): CampaignSummary[] {
    return db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        purpose: campaigns.purpose,
        mode: campaigns.mode,
        state: campaigns.state,
        startsAt: campaigns.startsAt,
        endsAt: campaigns.endsAt,
        total: sql<number>`(SELECT count(*) FROM campaign_entries e WHERE e.campaign_id = "campaigns"."id")`,
        remaining: sql<number>`(SELECT count(*) FROM campaign_entries e WHERE e.campaign_id = "campaigns"."id" AND e.state IN ('waiting', 'dialing', 'away'))`,
        done: sql<number>`(SELECT count(*) FROM campaign_entries e WHERE e.campaign_id = "campaigns"."id" AND e.state = 'done')`,
        excluded: sql<number>`(SELECT count(*) FROM campaign_entries e WHERE e.campaign_id = "campaigns"."id" AND e.state = 'excluded')`,
      })
      .from(campaigns)
      .where(isNull(campaigns.deletedAt))
      .orderBy(asc(campaigns.name))
      .all()
      .map(({ total, remaining, done, excluded, ...row }) => ({ ...row, entries: { total, remaining, done, excluded } }));
  }

  get(db: ReadDb, id: string): Campaign {
    const row = db.select().from(campaigns).where(and(eq(campaigns.id, id), isNull(campaigns.deletedAt))).get();
    if (!row) throw notFound('Campaign', id);
    const operatorIds = db.select({ id: campaignOperators.employeeId }).from(campaignOperators).where(and(eq(campaignOperators.campaignId, id), isNull(campaignOperators.deletedAt))).all().map((o) => o.id);
    const dispositions = db
      .select({ id: campaignDispositions.id, label: campaignDispositions.label, kind: campaignDispositions.kind, success: campaignDispositions.success, optOut: campaignDispositions.optOut, hotkey: campaignDispositions.hotkey, retryMinutes: campaignDispositions.retryMinutes })
      .from(campaignDispositions)
      .where(and(eq(campaignDispositions.campaignId, id), isNull(campaignDispositions.deletedAt)))
      .orderBy(asc(campaignDispositions.position))
      .all();
    const { deletedAt: _deleted, createdAt: _created, updatedBy: _by, rules, ...campaign } = row;
    return { ...campaign, rules: JSON.parse(rules) as Record<string, unknown>, operatorIds, dispositions, messages: campaignMessageStore.names(db, id) };
  }

  save(tx: WriteDb, input: MethodParams<'campaigns.save'>): string {
    assertRingsLongEnough(checkedPolicies(this.profiles(), input), input.ringTimeoutSeconds);
    const now = this.ctx.clock.now();
    const me = this.me();
    const { id: given, operatorIds, dispositions, rules, ...fields } = input;
    const values = { ...fields, rules: JSON.stringify(rules), updatedAt: now, updatedBy: me };
    let id = given;
    if (id) {
      const changed = tx.update(campaigns).set(values).where(and(eq(campaigns.id, id), isNull(campaigns.deletedAt))).run().changes;
      if (changed === 0) throw notFound('Campaign', id);
    } else {
      id = this.ctx.ids.next();
      tx.insert(campaigns).values({ ...values, id, state: 'draft', createdAt: now }).run();
    }
    this.saveOperators(tx, id, operatorIds, now);
    this.saveDispositions(tx, id, dispositions, now);
    return id;
  }

  private saveOperators(tx: WriteDb, campaignId: string, employeeIds: readonly string[], now: number): void {
    const wanted = new Set(employeeIds);
    const rows = tx.select().from(campaignOperators).where(eq(campaignOperators.campaignId, campaignId)).all();
    for (const row of rows) {
      const keep = wanted.has(row.employeeId);
      wanted.delete(row.employeeId);
      if (keep === (row.deletedAt === null)) continue;
      tx.update(campaignOperators).set({ deletedAt: keep ? null : now, updatedAt: now, updatedBy: this.me() }).where(eq(campaignOperators.id, row.id)).run();
    }
    for (const employeeId of wanted) tx.insert(campaignOperators).values({ id: this.ctx.ids.next(), campaignId, employeeId, updatedAt: now, updatedBy: this.me() }).run();
  }

  private saveDispositions(tx: WriteDb, campaignId: string, inputs: MethodParams<'campaigns.save'>['dispositions'], now: number): void {
    const existing = new Set(tx.select({ id: campaignDispositions.id }).from(campaignDispositions).where(eq(campaignDispositions.campaignId, campaignId)).all().map((d) => d.id));
    const kept = new Set<string>();
    inputs.forEach(({ id, ...fields }, position) => {
      const values = { ...fields, position, deletedAt: null, updatedAt: now, updatedBy: this.me() };
      if (id && existing.has(id)) {
        tx.update(campaignDispositions).set(values).where(eq(campaignDispositions.id, id)).run();
        kept.add(id);
      } else {
        tx.insert(campaignDispositions).values({ ...values, id: this.ctx.ids.next(), campaignId }).run();
      }
    });
    // Attempts keep pointing at a disposition taken off the list: a tombstone, not a deletion.
    for (const id of existing) {
      if (!kept.has(id)) tx.update(campaignDispositions).set({ deletedAt: now, updatedAt: now, updatedBy: this.me() }).where(and(eq(campaignDispositions.id, id), isNull(campaignDispositions.deletedAt))).run();
    }
  }

  delete(tx: WriteDb, id: string): void {
    const now = this.ctx.clock.now();
    const changed = tx.update(campaigns).set({ deletedAt: now, state: 'finished', updatedAt: now, updatedBy: this.me() }).where(and(eq(campaigns.id, id), isNull(campaigns.deletedAt))).run().changes;
    if (changed === 0) throw notFound('Campaign', id);
  }

  /** Moves the campaign along its lifecycle (campaign-lifecycle.ts); a move the table lacks is refused, saying from where to where. */
  setState(tx: WriteDb, id: string, state: CampaignRow['state']): void {
    const row = tx.select({ state: campaigns.state }).from(campaigns).where(and(eq(campaigns.id, id), isNull(campaigns.deletedAt))).get();
    if (!row) throw notFound('Campaign', id);
    if (row.state === state) return;
    if (!campaignLifecycle.can(row.state, state)) {
      throw new DomainError('conflict', 'campaign_state_refused', `A ${row.state} campaign cannot become ${state}`, { from: row.state, to: state });
    }
    const now = this.ctx.clock.now();
    tx.update(campaigns).set({ state, updatedAt: now, updatedBy: this.me() }).where(eq(campaigns.id, id)).run();
  }
}
