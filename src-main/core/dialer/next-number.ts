import type { Statement } from 'better-sqlite3';
import type { WriteDb } from '#core/db/handles';
import { abandonStatsOf, gatherCallFacts, type AbandonStats } from './call-facts-reader';
import type { NumberZones } from './numbers/number-zones';
import { decide, type Because, type CampaignPolicies, type DialMode, type Purpose, type Refusal, type RuleCode } from './rules/index';
import { preparedOnce } from '#core/db/prepared-once';

/** A waiting entry of the list, as the next-number query reads it. */
export interface CandidateEntry {
  id: string;
  contactId: string;
  phone: string;
  priority: number;
  nextAt: number;
}

export interface DialingCampaign {
  id: string;
  purpose: Purpose;
  mode: DialMode;
  policies: Extract<CampaignPolicies, { ok: true }>;
}

export type NextNumber =
  | { kind: 'number'; entry: CandidateEntry; because: Because }
  /** Nothing can be dialed now; `nextAt` is when the earliest waiting entry comes due (null: none waits). */
  | { kind: 'none'; nextAt: number | null }
  /** The campaign as a whole may not dial in this mode now (its abandon budget is spent). */
  | { kind: 'campaign_blocked'; refusal: Refusal };

/** Refusals that no waiting will lift: the entry leaves the list, with the rule that took it off. */
const lasting: ReadonlySet<RuleCode> = new Set(['dnc_contact', 'dnc_company', 'dnc_global', 'dnc_campaign', 'dnc_list', 'dnc_unchecked', 'consent', 'no_profile', 'callee_zone', 'lifetime_cap', 'mode_barred']);

interface Statements {
  due: Statement<[string, string, number, number], CandidateEntry>;
  earliest: Statement<[string, string], { nextAt: number | null }>;
  postpone: Statement<[number, string, number, string], unknown>;
  exclude: Statement<[string, string, number, string], unknown>;
}

const statements = preparedOnce<Statements>((sqlite) => ({
  // Served by campaign_entries_next_idx: the operator's waiting entries in (priority, next_at) order.
  due: sqlite.prepare(
    `SELECT id, contact_id AS contactId, phone, priority, next_at AS nextAt FROM campaign_entries
     WHERE campaign_id = ? AND operator_id = ? AND state = 'waiting' AND next_at <= ? ORDER BY priority, next_at LIMIT ?`,
  ),
  earliest: sqlite.prepare(`SELECT min(next_at) AS nextAt FROM campaign_entries WHERE campaign_id = ? AND operator_id = ? AND state = 'waiting'`),
  postpone: sqlite.prepare('UPDATE campaign_entries SET next_at = ?, last_refusal = ?, updated_at = ?, updated_by = NULL WHERE id = ?'),
  exclude: sqlite.prepare(`UPDATE campaign_entries SET state = 'excluded', excluded_reason = ?, last_refusal = ?, updated_at = ?, updated_by = NULL WHERE id = ?`),
}));

/** How many due entries one look examines before saying "nothing now" (the rest are looked at next time). */
const lookAhead = 25;

/**
 * The next number an operator's part of a campaign may dial now, every rule checked at this moment.
 * Entries the rules refuse for a while are put off to the time the refusal names (so they are not
 * asked again before then); entries refused for good leave the list with the rule that refused them.
 * Both are written in the caller's transaction, with the attempt that follows.
 */
export function nextNumber(tx: WriteDb, zones: NumberZones, campaign: DialingCampaign, operatorId: string, now: number, line: { extraLine?: boolean } = {}): NextNumber {
  const s = statements(tx);
  // Counted once per look (per abandon period: a campaign dialing by number may span profiles).
  const abandon = new Map<number, AbandonStats>();
  const abandonOver = (hours: number) => abandon.get(hours) ?? abandon.set(hours, abandonStatsOf(tx, campaign.id, hours, now)).get(hours)!;
  for (const entry of s.due.all(campaign.id, operatorId, now, lookAhead)) {
    const chosen = campaign.policies.forCallee(zones.of(entry.phone).country, now);
    const decision = chosen.ok
      ? decide(gatherCallFacts(tx, zones, { ...campaign, ...line }, entry, abandonOver(chosen.policy.abandon.periodHours), now), chosen.policy, now)
      : chosen.refusal;
    if (decision.allowed) return { kind: 'number', entry, because: decision.because };
    const refusal = JSON.stringify({ rule: decision.rule, reason: decision.reason, params: decision.params, at: now });
    if (decision.rule === 'abandon_cap') return { kind: 'campaign_blocked', refusal: decision };
    if (decision.notBefore !== undefined) s.postpone.run(decision.notBefore, refusal, now, entry.id);
    else if (lasting.has(decision.rule)) s.exclude.run(decision.rule, refusal, now, entry.id);
    // Anything else (an attempt to the same person still out) simply waits its turn.
  }
  return { kind: 'none', nextAt: s.earliest.get(campaign.id, operatorId)?.nextAt ?? null };
}
