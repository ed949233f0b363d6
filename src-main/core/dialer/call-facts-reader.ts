import type { Statement } from 'better-sqlite3';
import type { ReadDb } from '#core/db/handles';
import type { NumberZones } from './numbers/number-zones';
import { CAMPAIGN_DNC_LIST, GLOBAL_DNC_LIST, HISTORY_MS, type AttemptOutcome, type CallFacts, type DialMode, type Purpose } from './rules/index';
import { preparedOnce } from '#core/db/prepared-once';

/** The entry about to be dialed, as the facts need it. */
export interface EntryToCheck {
  contactId: string;
  phone: string;
}

export interface CampaignToCheck {
  id: string;
  purpose: Purpose;
  mode: DialMode;
  /** Power: a line beyond the one the free operator waits for (see CallFacts.extraLine). */
  extraLine?: boolean;
}

/** The campaign's abandoned and live-answered calls over an abandon period (the same for every number of one look). */
export type AbandonStats = CallFacts['abandonStats'];

interface Statements {
  contact: Statement<[string], { doNotCall: number; timeZone: string | null; companyDoNotCall: number | null }>;
  listed: Statement<[string, string | null], { listed: number }>;
  consent: Statement<[string, string], { source: string; givenAt: number; revokedAt: number | null }>;
  history: Statement<[string, number], { at: number; state: string; outcome: string | null; answeredAt: number | null }>;
  lifetime: Statement<[string], { n: number }>;
  abandonHours: Statement<[string, number, number], { abandoned: number; live: number }>;
  abandonPartHour: Statement<[string, number, number], { abandoned: number; live: number }>;
}

/**
 * The abandon rate's two figures over answered attempts, as SQL on campaign_attempts: live calls are answers
 * other than machines; abandoned ones include people handed to the operator later than the law allows.
 */
export const abandonFiguresSql = {
  live: "coalesce(sum(coalesce(amd_verdict, 'human') <> 'machine'), 0)",
  abandoned: "coalesce(sum(outcome IN ('abandoned', 'reached_late')), 0)",
} as const;

// Read at every dial: prepared once per connection.
const statements = preparedOnce<Statements>((sqlite) => ({
  contact: sqlite.prepare(
    'SELECT c.do_not_call AS doNotCall, c.time_zone AS timeZone, co.do_not_call AS companyDoNotCall FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?',
  ),
  listed: sqlite.prepare('SELECT EXISTS (SELECT 1 FROM do_not_call_numbers WHERE phone = ? AND campaign_id IS ? AND deleted_at IS NULL) AS listed'),
  consent: sqlite.prepare(
    'SELECT source, given_at AS givenAt, revoked_at AS revokedAt FROM call_consents WHERE contact_id = ? AND purpose = ? ORDER BY given_at DESC LIMIT 1',
  ),
  history: sqlite.prepare(
    'SELECT started_at AS at, state, outcome, answered_at AS answeredAt FROM campaign_attempts WHERE contact_id = ? AND started_at > ? ORDER BY started_at',
  ),
  lifetime: sqlite.prepare('SELECT count(*) AS n FROM campaign_attempts WHERE contact_id = ?'),
  abandonHours: sqlite.prepare('SELECT coalesce(sum(abandoned), 0) AS abandoned, coalesce(sum(live), 0) AS live FROM campaign_abandon_hours WHERE campaign_id = ? AND hour >= ? AND hour <= ?'),
  // Only answered attempts count, and campaign_attempts_answered_idx holds just those.
  abandonPartHour: sqlite.prepare(
    `SELECT ${abandonFiguresSql.abandoned} AS abandoned, ${abandonFiguresSql.live} AS live
     FROM campaign_attempts WHERE campaign_id = ? AND started_at > ? AND started_at < ? AND answered_at IS NOT NULL`,
  ),
}));

/**
 * How a stored attempt counts for the rules. One still out is "pending" (the engine refuses a second
 * while one is in flight); one the workstation's stop cut off counts as a conversation if it was answered
 * (the contact caps must not be undercounted), else as failed.
 */
function outcomeOf(row: { state: string; outcome: string | null; answeredAt: number | null }): AttemptOutcome {
  if (row.state !== 'ended') return 'pending';
  switch (row.outcome) {
    case 'busy':
    case 'no_answer':
    case 'failed':
    case 'machine':
    case 'abandoned':
    case 'reached':
      return row.outcome;
    default:
      return row.answeredAt !== null ? 'reached' : 'failed';
  }
}

/**
 * The campaign's abandoned and live calls started in the last `periodHours`: whole hours from the hourly
 * figures kept with every attempt, the part-hour at the period's start from the attempts themselves (exact).
 */
export function abandonStatsOf(db: ReadDb, campaignId: string, periodHours: number, now: number): AbandonStats {
  const s = statements(db);
  const since = now - periodHours * hourMs;
  const firstWholeHour = Math.ceil((since + 1) / hourMs) * hourMs;
  const hours = s.abandonHours.get(campaignId, firstWholeHour, now) ?? { abandoned: 0, live: 0 };
  const part = s.abandonPartHour.get(campaignId, since, firstWholeHour) ?? { abandoned: 0, live: 0 };
  return { abandoned: hours.abandoned + part.abandoned, liveAnswered: hours.live + part.live, periodHours };
}

const hourMs = 3_600_000;

/**
 * Everything the calling rules need about one number at the moment of dialing, read from SQLite: the
 * person's and company's do-not-call flags, the do-not-call lists (read now, so `checkedAt` is now), their
 * consent for the campaign's purpose, every attempt to them in any campaign; the campaign's abandon figures come counted.
 */
export function gatherCallFacts(db: ReadDb, zones: NumberZones, campaign: CampaignToCheck, entry: EntryToCheck, abandonStats: AbandonStats, now: number): CallFacts {
  const s = statements(db);
  const person = s.contact.get(entry.contactId);
  const place = zones.of(entry.phone);
  const consent = s.consent.get(entry.contactId, campaign.purpose);
  const attempts = s.history.all(entry.contactId, now - HISTORY_MS).map((row) => ({ at: row.at, outcome: outcomeOf(row) }));
  return {
    callee: { e164: entry.phone, country: place.country, numberZones: place.zones, zoneOverride: person?.timeZone ?? null, holidayRegion: null },
    doNotCall: {
      contact: person ? person.doNotCall === 1 : true,
      company: person?.companyDoNotCall === 1,
      lists: [
        { list: GLOBAL_DNC_LIST, listed: s.listed.get(entry.phone, null)?.listed === 1, checkedAt: now },
        { list: CAMPAIGN_DNC_LIST, listed: s.listed.get(entry.phone, campaign.id)?.listed === 1, checkedAt: now },
      ],
    },
    consent: consent ?? null,
    history: { attempts, lifetimeAttempts: s.lifetime.get(entry.contactId)?.n ?? 0 },
    abandonStats,
    mode: campaign.mode,
    ...(campaign.extraLine === undefined ? {} : { extraLine: campaign.extraLine }),
  };
}
