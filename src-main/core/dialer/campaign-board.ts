import type { CampaignBoard } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { preparedOnce } from '#core/db/prepared-once';
import type { Statement } from 'better-sqlite3';
import { abandonStatsOf } from './call-facts-reader';
import type { EffectivePolicy } from './rules/effective-policy';

interface Statements {
  entries: Statement<[string], { operatorId: string | null; state: string; n: number }>;
  attempts: Statement<[string], { operatorId: string | null; dialed: number; reached: number; successful: number }>;
  dispositions: Statement<[string], { id: string; label: string; count: number }>;
  operators: Statement<[string], { employeeId: string; name: string; state: string | null; reason: string | null; since: number | null; endedAt: number | null }>;
}

const statements = preparedOnce<Statements>((sqlite) => ({
  // Covered by campaign_entries_next_idx (campaign, operator, state, …).
  entries: sqlite.prepare('SELECT operator_id AS operatorId, state, count(*) AS n FROM campaign_entries WHERE campaign_id = ? GROUP BY operator_id, state'),
  attempts: sqlite.prepare(
    `SELECT a.operator_id AS operatorId, count(*) AS dialed,
            sum(a.answered_at IS NOT NULL AND coalesce(a.amd_verdict, 'human') = 'human' AND coalesce(a.outcome, '') <> 'abandoned') AS reached,
            sum(coalesce(d.success, 0)) AS successful
     FROM campaign_attempts a LEFT JOIN campaign_dispositions d ON d.id = a.disposition_id
     WHERE a.campaign_id = ? GROUP BY a.operator_id`,
  ),
  dispositions: sqlite.prepare(
    `SELECT d.id, d.label, (SELECT count(*) FROM campaign_attempts a WHERE a.campaign_id = d.campaign_id AND a.disposition_id = d.id) AS count
     FROM campaign_dispositions d WHERE d.campaign_id = ? AND d.deleted_at IS NULL ORDER BY d.position`,
  ),
  // Each operator's latest state record in this campaign (open or closed).
  operators: sqlite.prepare(
    `SELECT o.employee_id AS employeeId, e.name, s.state, s.reason, s.started_at AS since, s.ended_at AS endedAt
     FROM campaign_operators o JOIN employees e ON e.id = o.employee_id
     LEFT JOIN operator_states s ON s.id = (SELECT id FROM operator_states WHERE campaign_id = o.campaign_id AND employee_id = o.employee_id ORDER BY started_at DESC LIMIT 1)
     WHERE o.campaign_id = ? AND o.deleted_at IS NULL ORDER BY e.name`,
  ),
}));

/**
 * The supervisor's live figures of one campaign: the list's progress, attempts, people reached and successes,
 * dispositions, the abandon rate against the strictest cap that applies, and each operator's state and figures.
 * An operator who stopped (their last state record closed) shows as `off`.
 */
export function campaignBoard(db: ReadDb, campaign: { id: string; state: CampaignBoard['state'] }, policies: readonly EffectivePolicy[], now: number): CampaignBoard {
  const s = statements(db);
  const entries = s.entries.all(campaign.id);
  const attempts = s.attempts.all(campaign.id);
  const count = (rows: readonly { n: number }[]) => rows.reduce((sum, r) => sum + r.n, 0);
  const remainingOf = (rows: typeof entries) => count(rows.filter((r) => r.state === 'waiting' || r.state === 'dialing' || r.state === 'away'));
  const sum = (key: 'dialed' | 'reached' | 'successful', rows = attempts) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
  const cap = Math.min(...policies.map((p) => p.abandon.maxRate.value));
  const periodHours = Math.max(...policies.map((p) => p.abandon.periodHours));
  const abandon = abandonStatsOf(db, campaign.id, periodHours, now);
  return {
    campaignId: campaign.id,
    state: campaign.state,
    entries: { total: count(entries), remaining: remainingOf(entries), done: count(entries.filter((r) => r.state === 'done')), excluded: count(entries.filter((r) => r.state === 'excluded')) },
    dialed: sum('dialed'),
    reached: sum('reached'),
    successful: sum('successful'),
    dispositions: s.dispositions.all(campaign.id),
    abandon: { abandoned: abandon.abandoned, live: abandon.liveAnswered, rate: abandon.liveAnswered === 0 ? 0 : abandon.abandoned / abandon.liveAnswered, cap, periodHours },
    operators: s.operators.all(campaign.id).map(({ endedAt, ...o }) => {
      const mine = attempts.filter((a) => a.operatorId === o.employeeId);
      return {
        ...o,
        state: o.state !== null && endedAt !== null ? 'off' : o.state,
        since: endedAt ?? o.since,
        dialed: sum('dialed', mine),
        reached: sum('reached', mine),
        successful: sum('successful', mine),
        remaining: remainingOf(entries.filter((r) => r.operatorId === o.employeeId)),
      };
    }),
  };
}
