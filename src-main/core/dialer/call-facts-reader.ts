import type { Database, Statement } from 'better-sqlite3';
import type { ReadDb } from '#core/db/handles';
import type { NumberZones } from './numbers/number-zones';
import { CAMPAIGN_DNC_LIST, GLOBAL_DNC_LIST, HISTORY_MS, type AttemptOutcome, type CallFacts, type DialMode, type Purpose } from './rules';

/** The entry about to be dialed, as the facts need it. */
export interface EntryToCheck {
  contactId: string;
  phone: string;
}

export interface CampaignToCheck {
  id: string;
  purpose: Purpose;
  mode: DialMode;
  /** The profile's abandon period, over which the campaign's abandon rate is counted. */
  abandonPeriodHours: number;
}

interface Statements {
  contact: Statement<[string], { doNotCall: number; timeZone: string | null; companyDoNotCall: number | null }>;
  listed: Statement<[string, string | null], { listed: number }>;
  consent: Statement<[string, string], { source: string; givenAt: number; revokedAt: number | null }>;
  history: Statement<[string, number], { at: number; state: string; outcome: string | null; answeredAt: number | null }>;
  lifetime: Statement<[string], { n: number }>;
  abandon: Statement<[string, number], { abandoned: number; live: number }>;
}

// Read at every dial: prepared once per connection.
const cache = new WeakMap<Database, Statements>();

function statements(db: ReadDb): Statements {
  const sqlite = db.$client;
  let prepared = cache.get(sqlite);
  if (!prepared) {
    prepared = {
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
      abandon: sqlite.prepare(
        `SELECT coalesce(sum(outcome = 'abandoned'), 0) AS abandoned, coalesce(sum(answered_at IS NOT NULL AND coalesce(amd_verdict, 'human') <> 'machine'), 0) AS live
         FROM campaign_attempts WHERE campaign_id = ? AND started_at > ?`,
      ),
    };
    cache.set(sqlite, prepared);
  }
  return prepared;
}

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
 * Everything the calling rules need about one number at the moment of dialing, read from SQLite: the
 * person's and company's do-not-call flags, the do-not-call lists (read now, so `checkedAt` is now), their
 * consent for the campaign's purpose, every attempt to them in any campaign, and the campaign's abandon figures.
 */
export function gatherCallFacts(db: ReadDb, zones: NumberZones, campaign: CampaignToCheck, entry: EntryToCheck, now: number): CallFacts {
  const s = statements(db);
  const person = s.contact.get(entry.contactId);
  const place = zones.of(entry.phone);
  const consent = s.consent.get(entry.contactId, campaign.purpose);
  const attempts = s.history.all(entry.contactId, now - HISTORY_MS).map((row) => ({ at: row.at, outcome: outcomeOf(row) }));
  const abandon = s.abandon.get(campaign.id, now - campaign.abandonPeriodHours * 3_600_000) ?? { abandoned: 0, live: 0 };
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
    abandonStats: { abandoned: abandon.abandoned, liveAnswered: abandon.live, periodHours: campaign.abandonPeriodHours },
    mode: campaign.mode,
  };
}
