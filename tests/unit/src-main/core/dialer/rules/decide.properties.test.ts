import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  campaignPolicies,
  decide,
  DIAL_MODES,
  PURPOSES,
  RETRY_OUTCOMES,
  TIME_RULES,
  type AttemptRecord,
  type CallFacts,
  type CampaignRuleSettings,
  type EffectivePolicy,
  type Profile,
  type ProfileRule,
  type Purpose,
  type RuleCode,
} from '#core/dialer/rules/index';
import { builtInProfiles, calleeClock, isHolidayIndependently, secondsOf } from './fixtures';

/**
 * Properties over random callees, clocks and histories. Every allowed call is checked against the
 * profile's own data by an oracle written here (local time straight from Intl, holidays straight from
 * date-holidays), never by the engine's helpers.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string): number => Date.parse(iso);
const profiles = builtInProfiles();
const ZONES = Intl.supportedValuesOf('timeZone');

interface Scenario {
  profile: Profile;
  purpose: Purpose;
  settings: CampaignRuleSettings;
  policy: EffectivePolicy;
  facts: CallFacts;
  now: number;
}

const rarely = (weight = 8): fc.Arbitrary<boolean> => fc.oneof({ arbitrary: fc.constant(false), weight }, { arbitrary: fc.constant(true), weight: 1 });

const instant = fc.oneof(
  { arbitrary: fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }), weight: 3 },
  {
    // The hours around DST transitions in London and New York.
    arbitrary: fc
      .tuple(fc.constantFrom('2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z', '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2024-03-10T07:00:00Z', '2024-11-03T06:00:00Z', '2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z'), fc.integer({ min: -8 * HOUR, max: 8 * HOUR }))
      .map(([transition, shift]) => at(transition) + shift),
    weight: 2,
  },
  {
    // Public holidays: Russia's New Year and Russia Day, the Fourth of July, Christmas, Ukraine's Independence Day.
    arbitrary: fc
      .tuple(fc.constantFrom('2025-01-01', '2025-01-04', '2025-01-08', '2025-06-12', '2025-07-04', '2025-12-25', '2025-08-24'), fc.integer({ min: -14 * HOUR, max: 38 * HOUR }))
      .map(([date, shift]) => at(`${date}T00:00:00Z`) + shift),
    weight: 2,
  },
);

const zone = fc.oneof(fc.constantFrom(...ZONES), fc.constantFrom('Europe/London', 'America/New_York', 'Europe/Moscow', 'Asia/Vladivostok', 'Asia/Yekaterinburg', 'Europe/Kyiv', 'America/Phoenix', 'Asia/Tokyo'));

const settings: fc.Arbitrary<CampaignRuleSettings> = fc.record(
  {
    // Inside every profile's working-day window (the narrowest is UA's 09:00-20:00).
    window: fc.record({ weekdays: fc.record({ from: fc.constantFrom('09:00', '10:00', '11:30'), to: fc.constantFrom('16:00', '18:45', '20:00') }) }),
    attemptCaps: fc.record({ day: fc.integer({ min: 1, max: 4 }), week: fc.integer({ min: 1, max: 7 }), lifetime: fc.integer({ min: 10, max: 30 }) }, { requiredKeys: [] }),
    retryDelayMinutes: fc.record({ busy: fc.integer({ min: 1, max: 180 }), no_answer: fc.integer({ min: 1, max: 1440 }), machine: fc.integer({ min: 1, max: 2880 }), failed: fc.integer({ min: 1, max: 60 }) }, { requiredKeys: [] }),
    abandonRate: fc.constantFrom(0.01, 0.02, 0.03),
  },
  { requiredKeys: [] },
);

function policyFor(profile: Profile, purpose: Purpose, campaign: CampaignRuleSettings): EffectivePolicy {
  const policies = campaignPolicies(profiles, { purpose, profile: profile.id, settings: campaign });
  if (!policies.ok) throw new Error(`the generated settings are never looser: ${JSON.stringify(policies.problems)}`);
  const forCallee = policies.forCallee(null, 0);
  if (!forCallee.ok) throw new Error('a fixed profile always applies');
  return forCallee.policy;
}

function scenario(overrides: { doNotCall?: fc.Arbitrary<CallFacts['doNotCall'] | null> } = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      // Debt collection under 230-FZ has the most rules of any profile and purpose: it gets a share of its own.
      target: fc.oneof(
        { arbitrary: fc.record({ profile: fc.constantFrom(...profiles), purpose: fc.constantFrom(...PURPOSES) }), weight: 3 },
        { arbitrary: fc.constant({ profile: profiles.find((p) => p.id === 'RU')!, purpose: 'debt_collection' as const }), weight: 1 },
      ),
      settings,
      now: instant,
      zones: fc.array(zone, { minLength: 1, maxLength: 3 }),
      override: fc.option(zone, { nil: null, freq: 4 }),
      country: fc.constantFrom('RU', 'US', 'GB', 'UA', null),
      flags: fc.record({ contact: rarely(40), company: rarely(40), global: rarely(40), campaign: rarely(40), registry: rarely(20) }),
      registryAgeDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 6 }),
      consent: fc.option(fc.record({ ageMs: fc.integer({ min: -HOUR, max: 400 * DAY }), revoked: rarely() }), { nil: null, freq: 4 }),
      attempts: fc.array(
        fc.record({ ago: fc.oneof(fc.integer({ min: 60_000, max: 2 * DAY }), fc.integer({ min: 60_000, max: 31 * DAY })), outcome: fc.oneof({ arbitrary: fc.constantFrom(...RETRY_OUTCOMES), weight: 100 }, { arbitrary: fc.constant('pending' as const), weight: 1 }) }),
        { maxLength: 6 },
      ),
      olderAttempts: fc.nat({ max: 10 }),
      abandoned: fc.nat({ max: 12 }),
      liveAnswered: fc.nat({ max: 600 }),
      mode: fc.constantFrom(...DIAL_MODES),
      doNotCall: overrides.doNotCall ?? fc.constant(null),
    })
    .map(({ target: { profile, purpose }, ...g }) => {
      const policy = policyFor(profile, purpose, g.settings);
      const registries = policy.registries.map((r) => r.list);
      const lists =
        g.doNotCall?.lists ??
        [
          { list: 'global', listed: g.flags.global, checkedAt: g.now },
          { list: 'campaign', listed: g.flags.campaign, checkedAt: g.now - 5_000 },
          ...(g.registryAgeDays === null ? [] : registries.map((list) => ({ list, listed: g.flags.registry, checkedAt: g.now - g.registryAgeDays! * DAY }))),
        ];
      const attempts: AttemptRecord[] = g.attempts.map((a) => ({ at: g.now - a.ago, outcome: a.outcome }));
      const facts: CallFacts = {
        callee: { e164: '+10000000000', country: g.country, numberZones: g.zones, zoneOverride: g.override, holidayRegion: null },
        doNotCall: { contact: g.doNotCall?.contact ?? g.flags.contact, company: g.doNotCall?.company ?? g.flags.company, lists },
        consent: g.consent === null ? null : { source: 'test', givenAt: g.now - g.consent.ageMs, revokedAt: g.consent.revoked ? g.now - 1000 : null },
        history: { attempts, lifetimeAttempts: attempts.length + g.olderAttempts },
        abandonStats: { abandoned: Math.min(g.abandoned, g.liveAnswered), liveAnswered: g.liveAnswered, periodHours: policy.abandon.periodHours },
        mode: g.mode,
      };
      return { profile, purpose, settings: g.settings, policy, facts, now: g.now };
    });
}

type Broken = 'dnc' | 'consent' | 'in_progress' | 'mode' | 'lifetime' | 'abandon_cap' | 'redial' | 'retry' | 'attempt_cap' | 'contact_cap' | 'window';

const BROKEN_BY: Record<RuleCode, Broken | null> = {
  attempt_in_progress: 'in_progress',
  dnc_contact: 'dnc',
  dnc_company: 'dnc',
  dnc_global: 'dnc',
  dnc_campaign: 'dnc',
  dnc_list: 'dnc',
  dnc_unchecked: 'dnc',
  consent: 'consent',
  no_profile: null,
  callee_zone: null,
  mode_barred: 'mode',
  lifetime_cap: 'lifetime',
  abandon_cap: 'abandon_cap',
  abandon_redial: 'redial',
  retry_delay: 'retry',
  attempt_cap: 'attempt_cap',
  contact_cap: 'contact_cap',
  calling_window: 'window',
};

/** Which rules a call at `t` would break, read from the profile file's data and the campaign settings directly. */
function broken(s: Scenario, t: number): Set<Broken> {
  const out = new Set<Broken>();
  const rules = s.profile.rules.filter((rule) => rule.purposes === 'all' || rule.purposes.includes(s.purpose));
  const ofKind = <K extends ProfileRule['kind']>(kind: K) => rules.filter((rule): rule is Extract<ProfileRule, { kind: K }> => rule.kind === kind);
  const { facts, settings: campaign } = s;
  const consentValid = facts.consent !== null && facts.consent.revokedAt === null && facts.consent.givenAt <= t;

  const listed = facts.doNotCall.lists.some((check) => check.listed);
  const checked = (list: string, maxAgeDays: number | null) =>
    facts.doNotCall.lists.some((check) => check.list === list && (maxAgeDays === null || t - check.checkedAt <= maxAgeDays * DAY));
  const registriesOk = ofKind('dnc_registry').every((r) => (r.waivedByConsent && consentValid) || checked(r.list, r.maxAgeDays));
  if (facts.doNotCall.contact || facts.doNotCall.company || listed || !checked('global', null) || !checked('campaign', null) || !registriesOk) out.add('dnc');
  if (ofKind('consent').length > 0 && !consentValid) out.add('consent');
  if (facts.history.attempts.some((a) => a.outcome === 'pending')) out.add('in_progress');
  if (ofKind('mode_bar').some((bar) => bar.modes.includes(facts.mode))) out.add('mode');

  const attemptRule = ofKind('attempt_caps')[0];
  const tighter = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
  const lifetime = tighter(attemptRule?.lifetime, campaign.attemptCaps?.lifetime);
  if (lifetime !== undefined && facts.history.lifetimeAttempts >= lifetime) out.add('lifetime');

  const maxRate = Math.min(ofKind('abandon_cap')[0]!.maxRate, campaign.abandonRate ?? 1);
  const { abandoned, liveAnswered } = facts.abandonStats;
  if (facts.mode === 'power' && Math.floor(maxRate * liveAnswered + 1e-9) - abandoned < 1) out.add('abandon_cap');

  const redial = ofKind('abandon_redial')[0];
  if (redial !== undefined && facts.history.attempts.some((a) => a.outcome === 'abandoned' && t < a.at + redial.hours * HOUR)) out.add('redial');
  const delays = ofKind('retry_delays')[0];
  for (const outcome of RETRY_OUTCOMES) {
    const minutes = Math.max(delays?.minutes[outcome] ?? 0, campaign.retryDelayMinutes?.[outcome] ?? 0);
    if (facts.history.attempts.some((a) => a.outcome === outcome && t < a.at + minutes * 60_000)) out.add('retry');
  }
  const inLast = (ms: number, which: (a: AttemptRecord) => boolean) => facts.history.attempts.filter((a) => which(a) && a.at > t - ms).length;
  const periods = { day: DAY, week: 7 * DAY, month: 31 * DAY };
  for (const [period, ms] of Object.entries(periods) as ['day' | 'week' | 'month', number][]) {
    const attemptCap = tighter(attemptRule?.[period], campaign.attemptCaps?.[period as 'day' | 'week']);
    if (attemptCap !== undefined && inLast(ms, () => true) >= attemptCap) out.add('attempt_cap');
    const contactCap = ofKind('contact_caps')[0]?.[period];
    if (contactCap !== undefined && inLast(ms, (a) => a.outcome === 'reached' || a.outcome === 'pending') >= contactCap) out.add('contact_cap');
  }

  const window = ofKind('window')[0]!;
  const zones = facts.callee.zoneOverride !== null ? [facts.callee.zoneOverride] : facts.callee.numberZones!;
  for (const z of zones) {
    const local = calleeClock(t, z);
    const holiday = window.holidaysAsWeekend && facts.callee.country !== null && isHolidayIndependently(local.date, facts.callee.country);
    const weekend = holiday || window.weekendDays.includes(local.weekday);
    const span = weekend ? window.weekends : (campaign.window?.weekdays ?? window.weekdays);
    if (span === null || local.seconds < secondsOf(span.from) || local.seconds >= secondsOf(span.to)) out.add('window');
  }
  return out;
}

const RUNS = 1_000;

describe('decide: properties over random callees, clocks and histories', () => {
  it('never allows a number on a do-not-call list or flagged do-not-call', () => {
    const onSomeList = fc
      .tuple(fc.constantFrom('contact', 'company', 'global', 'campaign', 'partner-optouts'), fc.integer({ min: 0, max: 10 * DAY }))
      .map(([where, age]) => ({ where, age }));
    fc.assert(
      fc.property(scenario(), onSomeList, (s, { where, age }) => {
        const base = s.facts.doNotCall;
        const doNotCall: CallFacts['doNotCall'] =
          where === 'contact' || where === 'company'
            ? { ...base, [where]: true }
            : { ...base, lists: [...base.lists.filter((l) => l.list !== where), { list: where, listed: true, checkedAt: s.now - age }] };
        const decision = decide({ ...s.facts, doNotCall }, s.policy, s.now);
        expect(decision.allowed).toBe(false);
        if (!decision.allowed) expect(decision.rule).toMatch(/^dnc_/);
      }),
      { numRuns: RUNS },
    );
  });

  it('allows exactly what the profile and the campaign allow: never outside the window in any zone, over a cap, inside a delay, or barred', () => {
    const seen = { allowed: 0, refusedBy: new Set<string>() };
    fc.assert(
      fc.property(scenario(), (s) => {
        const decision = decide(s.facts, s.policy, s.now);
        const breaks = broken(s, s.now);
        if (decision.allowed) {
          seen.allowed++;
          expect([...breaks], 'an allowed call breaks no rule').toEqual([]);
        } else {
          seen.refusedBy.add(decision.rule);
          // The refusing rule is one the oracle sees broken too: no refusal is invented.
          expect(breaks.has(BROKEN_BY[decision.rule]!), `${decision.rule} refused but the oracle sees ${[...breaks].join(', ') || 'nothing broken'}`).toBe(true);
        }
      }),
      { numRuns: RUNS * 3 },
    );
    expect(seen.allowed).toBeGreaterThan(RUNS * 0.05);
    for (const rule of ['calling_window', 'attempt_cap', 'contact_cap', 'retry_delay', 'abandon_redial', 'mode_barred', 'abandon_cap', 'consent', 'dnc_unchecked', 'lifetime_cap']) {
      expect(seen.refusedBy, `some case refused by ${rule}`).toContain(rule);
    }
  }, 120_000);

  it('gives a notBefore that is a real earliest time: asked again then, no time-bound rule refuses; a second before, the call is still refused', () => {
    let withNotBefore = 0;
    fc.assert(
      fc.property(scenario(), (s) => {
        const decision = decide(s.facts, s.policy, s.now);
        if (decision.allowed || decision.notBefore === undefined) return;
        withNotBefore++;
        expect(TIME_RULES.has(decision.rule)).toBe(true);
        expect(decision.notBefore).toBeGreaterThan(s.now);
        const again = decide(s.facts, s.policy, decision.notBefore);
        if (!again.allowed) expect(TIME_RULES.has(again.rule), `refused again at notBefore by ${again.rule}`).toBe(false);
        const timeBound = [...broken(s, decision.notBefore)].filter((b) => ['redial', 'retry', 'attempt_cap', 'contact_cap', 'window'].includes(b));
        expect(timeBound, 'the oracle agrees every time-bound rule passes at notBefore').toEqual([]);
        if (decision.notBefore - 1000 > s.now) expect(decide(s.facts, s.policy, decision.notBefore - 1000).allowed).toBe(false);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(withNotBefore).toBeGreaterThan(RUNS * 0.2);
  }, 120_000);
});
