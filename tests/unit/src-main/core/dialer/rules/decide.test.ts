import { describe, expect, it } from 'vitest';
import { decide, type Decision, type Refusal } from '#core/dialer/rules/index';
import { BugError } from '#core/shared/errors';
import { factsFor, policyOf } from './fixtures';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
// Wednesday 12 March 2025, 15:30 in Moscow.
const NOON = at('2025-03-12T12:30:00Z');
const collection = policyOf('RU', 'debt_collection');

function refusal(decision: Decision): Refusal {
  if (decision.allowed) throw new Error(`expected a refusal, got ${JSON.stringify(decision.because)}`);
  return decision;
}

describe('decide: allowed, and why', () => {
  it('allows a Moscow afternoon call and records why, small enough to store with the attempt', () => {
    const facts = factsFor(NOON, {
      history: { attempts: [{ at: NOON - 30 * HOUR, outcome: 'reached' }, { at: NOON - 50 * HOUR, outcome: 'no_answer' }], lifetimeAttempts: 5 },
      abandonStats: { abandoned: 1, liveAnswered: 80 },
    });
    const decision = decide(facts, collection, NOON);
    expect(decision).toEqual({
      allowed: true,
      because: {
        at: NOON,
        profile: { id: 'RU', version: '2025.1' },
        purpose: 'debt_collection',
        mode: 'progressive',
        callee: { zoneSource: 'number', zones: ['Europe/Moscow'], local: [{ zone: 'Europe/Moscow', at: '2025-03-12T15:30', day: 'weekday', window: '08:00-22:00' }] },
        dnc: [
          { list: 'global', checkedAt: NOON },
          { list: 'campaign', checkedAt: NOON },
        ],
        consent: null,
        counts: { attempts: { day: 0, week: 2, month: 2, lifetime: 5 }, contacts: { day: 0, week: 1, month: 1 } },
        caps: { 'contacts.day': 1, 'contacts.week': 2, 'contacts.month': 8 },
        abandon: { abandoned: 1, live: 80, rate: 0.0125, cap: 0.03, budgetLeft: 1 },
      },
    });
    expect(JSON.stringify(decision).length).toBeLessThan(1000);
  });

  it('lets the contact’s own zone win over the number’s', () => {
    // A Vladivostok number at 02:30 local, but the contact lives in Moscow (19:30).
    const evening = at('2025-03-12T16:30:00Z');
    const facts = factsFor(evening, { callee: { e164: '+74232123456', numberZones: ['Asia/Vladivostok'], zoneOverride: 'Europe/Moscow' } });
    const decision = decide(facts, collection, evening);
    expect(decision).toMatchObject({ allowed: true, because: { callee: { zoneSource: 'contact', zones: ['Europe/Moscow'] } } });
  });

  it('records every distinct local clock when a number may be in several zones', () => {
    const facts = factsFor(NOON, { callee: { numberZones: ['Europe/Moscow', 'Europe/Kirov', 'Asia/Yekaterinburg'] } });
    const decision = decide(facts, collection, NOON);
    expect(decision).toMatchObject({
      allowed: true,
      because: {
        callee: {
          zones: ['Europe/Moscow', 'Europe/Kirov', 'Asia/Yekaterinburg'],
          local: [
            { zone: 'Europe/Moscow', at: '2025-03-12T15:30' },
            { zone: 'Asia/Yekaterinburg', at: '2025-03-12T17:30' },
          ],
        },
      },
    });
  });
});

describe('decide: the calling window', () => {
  it('refuses a Vladivostok night on a Moscow evening, until 08:00 there', () => {
    const evening = at('2025-03-12T16:30:00Z');
    const facts = factsFor(evening, { callee: { e164: '+74232123456', numberZones: ['Asia/Vladivostok'] } });
    const refused = refusal(decide(facts, collection, evening));
    expect(refused).toMatchObject({
      rule: 'calling_window',
      params: { zone: 'Asia/Vladivostok', localTime: '02:30', day: 'weekday', window: '08:00-22:00' },
      ref: 'ru.230fz.hours',
      notBefore: at('2025-03-12T22:00:00Z'),
    });
    expect(decide(facts, collection, refused.notBefore!).allowed).toBe(true);
  });

  it('uses the weekend window on a Russian public holiday under 230-FZ', () => {
    // Thursday 12 June 2025 (Russia Day), 08:30 in Moscow: a working day's window would be open.
    const holiday = at('2025-06-12T05:30:00Z');
    const refused = refusal(decide(factsFor(holiday), collection, holiday));
    expect(refused).toMatchObject({ rule: 'calling_window', params: { day: 'holiday', window: '09:00-20:00' }, notBefore: at('2025-06-12T06:00:00Z') });
    const ordinaryThursday = at('2025-06-19T05:30:00Z');
    expect(decide(factsFor(ordinaryThursday), collection, ordinaryThursday).allowed).toBe(true);
  });

  it('refuses a number the data places nowhere, or in a zone this system does not know', () => {
    expect(refusal(decide(factsFor(NOON, { callee: { numberZones: null } }), collection, NOON))).toMatchObject({ rule: 'callee_zone' });
    expect(refusal(decide(factsFor(NOON, { callee: { zoneOverride: 'Mars/Olympus_Mons' } }), collection, NOON))).toMatchObject({
      rule: 'callee_zone',
      params: { zone: 'Mars/Olympus_Mons' },
    });
  });
});

describe('decide: do-not-call and consent', () => {
  const lists = (extra: { list: string; listed: boolean; checkedAt: number }[] = []) => [
    { list: 'global', listed: false, checkedAt: NOON },
    { list: 'campaign', listed: false, checkedAt: NOON },
    ...extra,
  ];

  it('refuses on the contact’s flag, the company’s flag, and each list, naming it', () => {
    expect(refusal(decide(factsFor(NOON, { doNotCall: { contact: true } }), collection, NOON)).rule).toBe('dnc_contact');
    expect(refusal(decide(factsFor(NOON, { doNotCall: { company: true } }), collection, NOON)).rule).toBe('dnc_company');
    const onList = (list: string) => factsFor(NOON, { doNotCall: { lists: lists().map((check) => (check.list === list ? { ...check, listed: true } : check)) } });
    expect(refusal(decide(onList('global'), collection, NOON)).rule).toBe('dnc_global');
    expect(refusal(decide(onList('campaign'), collection, NOON)).rule).toBe('dnc_campaign');
    const onTheirs = factsFor(NOON, { doNotCall: { lists: lists([{ list: 'partner-optouts', listed: true, checkedAt: NOON }]) } });
    expect(refusal(decide(onTheirs, collection, NOON))).toMatchObject({ rule: 'dnc_list', params: { list: 'partner-optouts' } });
  });

  it('refuses a number not checked against every list the policy needs, with no time to wait for', () => {
    const unchecked = factsFor(NOON, { doNotCall: { lists: [{ list: 'global', listed: false, checkedAt: NOON }] } });
    const refused = refusal(decide(unchecked, collection, NOON));
    expect(refused).toMatchObject({ rule: 'dnc_unchecked', params: { list: 'campaign', problem: 'not_checked' } });
    expect(refused.notBefore).toBeUndefined();
    const withOwnList = policyOf('RU', 'debt_collection', { dncLists: ['vip'] });
    expect(refusal(decide(factsFor(NOON), withOwnList, NOON))).toMatchObject({ rule: 'dnc_unchecked', params: { list: 'vip' }, ref: 'campaign' });
  });

  it('needs a fresh copy of the US registry for sales calls, unless written consent lifts it', () => {
    const usSales = policyOf('US', 'sales');
    const newYorkNoon = at('2025-03-12T16:00:00Z');
    const callee = { e164: '+12125551234', country: 'US', numberZones: ['America/New_York'] };
    const abandonStats = { periodHours: 720 };
    expect(refusal(decide(factsFor(newYorkNoon, { callee, abandonStats }), usSales, newYorkNoon))).toMatchObject({ rule: 'dnc_unchecked', params: { list: 'us_national_dnc' }, ref: 'us.tcpa.national-dnc' });
    const stale = factsFor(newYorkNoon, { callee, abandonStats, doNotCall: { lists: lists([{ list: 'us_national_dnc', listed: false, checkedAt: newYorkNoon - 32 * 24 * HOUR }]) } });
    expect(refusal(decide(stale, usSales, newYorkNoon))).toMatchObject({ rule: 'dnc_unchecked', params: { problem: 'stale', maxAgeDays: 31 } });
    const fresh = factsFor(newYorkNoon, { callee, abandonStats, doNotCall: { lists: lists([{ list: 'us_national_dnc', listed: false, checkedAt: newYorkNoon - 24 * HOUR }]) } });
    expect(decide(fresh, usSales, newYorkNoon).allowed).toBe(true);
    expect(decide(factsFor(newYorkNoon, { callee, abandonStats, consent: { source: 'signed agreement #81' } }), usSales, newYorkNoon).allowed).toBe(true);
  });

  it('needs recorded prior consent for advertising under the RU profile, and stores its source', () => {
    const sales = policyOf('RU', 'sales');
    expect(refusal(decide(factsFor(NOON), sales, NOON))).toMatchObject({ rule: 'consent', ref: 'ru.38fz.consent' });
    expect(refusal(decide(factsFor(NOON, { consent: { revokedAt: NOON - HOUR } }), sales, NOON)).rule).toBe('consent');
    expect(refusal(decide(factsFor(NOON, { consent: { givenAt: NOON + HOUR } }), sales, NOON)).rule).toBe('consent');
    expect(decide(factsFor(NOON, { consent: { source: 'call recording 2025-02-01' } }), sales, NOON)).toMatchObject({
      allowed: true,
      because: { consent: { source: 'call recording 2025-02-01', givenAt: NOON - 24 * HOUR } },
    });
    // Other purposes need none.
    expect(decide(factsFor(NOON), policyOf('RU', 'survey'), NOON).allowed).toBe(true);
  });
});

describe('decide: modes and the abandon cap', () => {
  it('bars power dialing for advertising under the RU profile', () => {
    const facts = factsFor(NOON, { mode: 'power', consent: {}, abandonStats: { abandoned: 0, liveAnswered: 1000 } });
    expect(refusal(decide(facts, policyOf('RU', 'sales'), NOON))).toMatchObject({ rule: 'mode_barred', params: { mode: 'power' }, ref: 'ru.38fz.no-automatic-dialing' });
    expect(decide(facts, policyOf('RU', 'survey'), NOON).allowed).toBe(true);
    expect(decide({ ...facts, mode: 'progressive' }, policyOf('RU', 'sales'), NOON).allowed).toBe(true);
  });

  it('refuses a power attempt once the abandon budget is spent, and only a power attempt', () => {
    const survey = policyOf('RU', 'survey');
    const power = (abandoned: number, liveAnswered: number) => decide(factsFor(NOON, { mode: 'power', abandonStats: { abandoned, liveAnswered } }), survey, NOON);
    // 3% of 10 live calls is no whole abandon: power mode earns its budget first.
    expect(refusal(power(0, 10))).toMatchObject({ rule: 'abandon_cap', params: { budgetLeft: 0 } });
    expect(power(2, 100)).toMatchObject({ allowed: true, because: { abandon: { budgetLeft: 1, rate: 0.02 } } });
    const spent = refusal(power(3, 100));
    expect(spent).toMatchObject({ rule: 'abandon_cap', params: { rate: 0.03, cap: 0.03, budgetLeft: 0 }, ref: 'ru.practice.abandon' });
    expect(spent.notBefore).toBeUndefined();
    expect(decide(factsFor(NOON, { mode: 'progressive', abandonStats: { abandoned: 3, liveAnswered: 100 } }), survey, NOON).allowed).toBe(true);
  });

  it('treats abandon figures counted over another period as a bug in the caller', () => {
    expect(() => decide(factsFor(NOON, { abandonStats: { periodHours: 720 } }), collection, NOON)).toThrow(BugError);
  });

  it('never redials within 72 h of an abandoned call', () => {
    // 13:30 on Wednesday in Moscow; 72 h on is a Saturday afternoon, inside the weekend window.
    const abandonedAt = NOON - 2 * HOUR;
    const facts = factsFor(NOON, { history: { attempts: [{ at: abandonedAt, outcome: 'abandoned' }], lifetimeAttempts: 1 } });
    const refused = refusal(decide(facts, policyOf('RU', 'survey'), NOON));
    expect(refused).toMatchObject({ rule: 'abandon_redial', params: { hours: 72 }, notBefore: abandonedAt + 72 * HOUR });
  });
});

describe('decide: caps and retry delays', () => {
  it('counts conversations, not attempts, against the 230-FZ caps', () => {
    const reachedAt = NOON - 20 * HOUR;
    const noAnswers = [1, 2, 3].map((h) => ({ at: NOON - h * HOUR, outcome: 'no_answer' as const }));
    const talked = factsFor(NOON, { history: { attempts: [{ at: reachedAt, outcome: 'reached' }, ...noAnswers], lifetimeAttempts: 4 } });
    expect(refusal(decide(talked, collection, NOON))).toMatchObject({ rule: 'contact_cap', params: { period: 'day', limit: 1, count: 1 }, notBefore: reachedAt + 24 * HOUR });
    const onlyMissed = factsFor(NOON, { history: { attempts: noAnswers, lifetimeAttempts: 3 } });
    expect(decide(onlyMissed, collection, NOON).allowed).toBe(true);
  });

  it('allows two conversations a week: the third waits for the first to be seven days old', () => {
    const first = NOON - 5 * 24 * HOUR;
    const facts = factsFor(NOON, { history: { attempts: [{ at: first, outcome: 'reached' }, { at: NOON - 2 * 24 * HOUR, outcome: 'reached' }], lifetimeAttempts: 2 } });
    const refused = refusal(decide(facts, collection, NOON));
    expect(refused).toMatchObject({ rule: 'contact_cap', params: { period: 'week', limit: 2, count: 2 } });
    // Seven days after the first, 15:30 in Moscow on a Wednesday: open.
    expect(refused.notBefore).toBe(first + 7 * 24 * HOUR);
  });

  it('holds a campaign’s attempt caps, lifetime included', () => {
    const policy = policyOf('RU', 'survey', { attemptCaps: { day: 2, lifetime: 6 } });
    const twoToday = factsFor(NOON, { history: { attempts: [{ at: NOON - HOUR, outcome: 'busy' }, { at: NOON - 3 * HOUR, outcome: 'busy' }], lifetimeAttempts: 2 } });
    expect(refusal(decide(twoToday, policy, NOON))).toMatchObject({ rule: 'attempt_cap', params: { period: 'day', limit: 2 }, ref: 'campaign', notBefore: NOON - 3 * HOUR + 24 * HOUR });
    const many = factsFor(NOON, { history: { attempts: [], lifetimeAttempts: 6 } });
    const spent = refusal(decide(many, policy, NOON));
    expect(spent).toMatchObject({ rule: 'lifetime_cap', params: { limit: 6, count: 6 } });
    expect(spent.notBefore).toBeUndefined();
  });

  it('waits the retry delay of each outcome, and Regulation F’s seven days after a conversation', () => {
    const policy = policyOf('RU', 'survey', { retryDelayMinutes: { busy: 30 } });
    const busyAt = NOON - 10 * 60_000;
    expect(refusal(decide(factsFor(NOON, { history: { attempts: [{ at: busyAt, outcome: 'busy' }], lifetimeAttempts: 1 } }), policy, NOON))).toMatchObject({
      rule: 'retry_delay',
      params: { outcome: 'busy', minutes: 30 },
      notBefore: busyAt + 30 * 60_000,
    });
    const usCollection = policyOf('US', 'debt_collection');
    const newYork = { e164: '+12125551234', country: 'US', numberZones: ['America/New_York'] };
    const nyNoon = at('2025-03-12T16:00:00Z');
    const talkedAt = nyNoon - 3 * 24 * HOUR;
    const facts = factsFor(nyNoon, { callee: newYork, abandonStats: { periodHours: 720 }, history: { attempts: [{ at: talkedAt, outcome: 'reached' }, { at: nyNoon - HOUR, outcome: 'no_answer' }], lifetimeAttempts: 2 } });
    expect(refusal(decide(facts, usCollection, nyNoon))).toMatchObject({ rule: 'retry_delay', params: { outcome: 'reached', minutes: 10080 }, ref: 'us.regf.after-conversation', notBefore: talkedAt + 7 * 24 * HOUR });
  });

  it('gives the earliest time every time-bound rule passes together, not just the first', () => {
    // A busy retry due at 21:50 Moscow, but the window closes at 21:00 for surveys: the next morning.
    const policy = policyOf('RU', 'survey', { retryDelayMinutes: { busy: 60 } });
    const late = at('2025-03-12T17:50:00Z');
    const facts = factsFor(late, { history: { attempts: [{ at: late - 10 * 60_000, outcome: 'busy' }], lifetimeAttempts: 1 } });
    const refused = refusal(decide(facts, policy, late));
    expect(refused.rule).toBe('retry_delay');
    expect(refused.notBefore).toBe(at('2025-03-13T06:00:00Z'));
    expect(decide(facts, policy, refused.notBefore!).allowed).toBe(true);
  });

  it('refuses while an attempt to the callee is still under way', () => {
    const facts = factsFor(NOON, { history: { attempts: [{ at: NOON - 20_000, outcome: 'pending' }], lifetimeAttempts: 1 } });
    expect(refusal(decide(facts, collection, NOON)).rule).toBe('attempt_in_progress');
  });
});
