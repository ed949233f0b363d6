import { BugError } from '#core/shared/errors';
import { capFreesAt, countInPeriod, isContact, lastWith } from './attempt-history';
import type { CallFacts } from './call-facts';
import { nextOpening, readZone, type CalleePlace } from './calling-window';
import type { Because, Decision, Refusal } from './decision';
import { clockText, spanText, type EffectivePolicy } from './effective-policy';
import { CAMPAIGN_DNC_LIST, CAP_PERIOD_MS, CAP_PERIODS, GLOBAL_DNC_LIST, RETRY_OUTCOMES, type RuleCode } from './vocabulary';
import { isKnownZone } from '#core/shared/zoned-time';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ENGINE = 'engine';

/** A rule's "no": its code, an English reason for logs, params for the window's wording, and where the rule comes from. */
interface Verdict {
  rule: RuleCode;
  reason: string;
  params: Record<string, string | number>;
  ref: string;
}

/** A rule that passes by itself with time. */
interface TimeRule {
  /** The earliest instant at or after `at` at which the rule passes; null when none is in reach. */
  earliest(at: number): number | null;
  /** Why it refuses at `at` (asked only when it does). */
  verdict(at: number): Verdict;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function hasValidConsent(facts: CallFacts, now: number): boolean {
  const consent = facts.consent;
  // Prior consent only: given before this moment, and never withdrawn since (a new consent is a new record).
  return consent !== null && consent.revokedAt === null && consent.givenAt <= now;
}

function doNotCallVerdict(facts: CallFacts, policy: EffectivePolicy, consentValid: boolean, now: number): Verdict | null {
  const { doNotCall } = facts;
  if (doNotCall.contact) return { rule: 'dnc_contact', reason: 'the contact asked not to be called', params: {}, ref: ENGINE };
  if (doNotCall.company) return { rule: 'dnc_company', reason: "the contact's company asked not to be called", params: {}, ref: ENGINE };
  const listRef = (list: string): string => policy.registries.find((r) => r.list === list)?.ref ?? (policy.campaignLists.includes(list) ? 'campaign' : ENGINE);
  const listedOn = (list: string): boolean => doNotCall.lists.some((check) => check.list === list && check.listed);
  if (listedOn(GLOBAL_DNC_LIST)) return { rule: 'dnc_global', reason: 'the number is on the global do-not-call list', params: {}, ref: ENGINE };
  if (listedOn(CAMPAIGN_DNC_LIST)) return { rule: 'dnc_campaign', reason: "the number is on the campaign's do-not-call list", params: {}, ref: ENGINE };
  const otherListing = doNotCall.lists.find((check) => check.listed);
  if (otherListing !== undefined) {
    return { rule: 'dnc_list', reason: `the number is on the do-not-call list ${otherListing.list}`, params: { list: otherListing.list }, ref: listRef(otherListing.list) };
  }

  const required: { list: string; maxAgeDays: number | null; ref: string }[] = [
    { list: GLOBAL_DNC_LIST, maxAgeDays: null, ref: ENGINE },
    { list: CAMPAIGN_DNC_LIST, maxAgeDays: null, ref: ENGINE },
    ...policy.campaignLists.map((list) => ({ list, maxAgeDays: null, ref: 'campaign' })),
    ...policy.registries.filter((r) => !(r.waivedByConsent && consentValid)).map((r) => ({ list: r.list, maxAgeDays: r.maxAgeDays, ref: r.ref })),
  ];
  for (const need of required) {
    const checks = doNotCall.lists.filter((check) => check.list === need.list);
    if (checks.length === 0) {
      return { rule: 'dnc_unchecked', reason: `the number was not checked against the do-not-call list ${need.list}`, params: { list: need.list, problem: 'not_checked' }, ref: need.ref };
    }
    const newest = Math.max(...checks.map((check) => check.checkedAt));
    if (need.maxAgeDays !== null && now - newest > need.maxAgeDays * DAY_MS) {
      return {
        rule: 'dnc_unchecked',
        reason: `the copy of ${need.list} the number was checked against is from ${iso(newest)}, older than ${need.maxAgeDays} days`,
        params: { list: need.list, problem: 'stale', maxAgeDays: need.maxAgeDays, checkedAt: newest },
        ref: need.ref,
      };
    }
  }
  return null;
}

function calleePlace(facts: CallFacts): { place: CalleePlace; source: 'contact' | 'number' } | Verdict {
  const override = facts.callee.zoneOverride?.trim() ?? '';
  const zones = override !== '' ? [override] : (facts.callee.numberZones ?? []);
  if (zones.length === 0) {
    return { rule: 'callee_zone', reason: "neither the number's range nor the contact gives a time zone, so the calling window cannot be checked", params: {}, ref: ENGINE };
  }
  const unknown = zones.find((zone) => !isKnownZone(zone));
  if (unknown !== undefined) return { rule: 'callee_zone', reason: `the time zone ${unknown} is unknown to this system`, params: { zone: unknown }, ref: ENGINE };
  return {
    place: { zones, country: facts.callee.country, holidayRegion: facts.callee.holidayRegion },
    source: override !== '' ? 'contact' : 'number',
  };
}

function abandonBudget(facts: CallFacts, policy: EffectivePolicy): { rate: number; budgetLeft: number } {
  const { abandoned, liveAnswered, periodHours } = facts.abandonStats;
  if (periodHours !== policy.abandon.periodHours) {
    throw new BugError(`abandon figures counted over ${periodHours} h, but the ${policy.profile.id} profile measures over ${policy.abandon.periodHours} h`);
  }
  // Abandons the cap still allows on the live calls so far; a power attempt needs room for one more.
  const budgetLeft = Math.floor(policy.abandon.maxRate.value * liveAnswered + 1e-9) - abandoned;
  return { rate: liveAnswered === 0 ? 0 : Math.round((abandoned / liveAnswered) * 10_000) / 10_000, budgetLeft };
}

function timeRules(facts: CallFacts, policy: EffectivePolicy, place: CalleePlace): TimeRule[] {
  const attempts = facts.history.attempts;
  const rules: TimeRule[] = [];

  const redial = policy.abandon.redialHours;
  const lastAbandoned = lastWith(attempts, 'abandoned');
  if (redial !== null && lastAbandoned !== null) {
    const until = lastAbandoned + redial.value * HOUR_MS;
    rules.push({
      earliest: (at) => Math.max(at, until),
      verdict: () => ({
        rule: 'abandon_redial',
        reason: `a call to this number was abandoned at ${iso(lastAbandoned)}: no redial within ${redial.value} h`,
        params: { hours: redial.value, abandonedAt: lastAbandoned },
        ref: redial.ref,
      }),
    });
  }

  for (const outcome of RETRY_OUTCOMES) {
    const delay = policy.retryDelays[outcome];
    const last = lastWith(attempts, outcome);
    if (delay === null || last === null) continue;
    const until = last + delay.value * MINUTE_MS;
    rules.push({
      earliest: (at) => Math.max(at, until),
      verdict: () => ({
        rule: 'retry_delay',
        reason: `last ${outcome} at ${iso(last)}: the next attempt waits ${delay.value} min`,
        params: { outcome, minutes: delay.value, lastAt: last },
        ref: delay.ref,
      }),
    });
  }

  const capRules = (rule: 'attempt_cap' | 'contact_cap', times: number[], caps: EffectivePolicy['contactCaps']): void => {
    for (const period of CAP_PERIODS) {
      const cap = caps[period];
      if (cap === null) continue;
      rules.push({
        earliest: (at) => capFreesAt(times, at, CAP_PERIOD_MS[period], cap.value),
        verdict: (at) => ({
          rule,
          reason: `${countInPeriod(times, at, CAP_PERIOD_MS[period])} ${rule === 'attempt_cap' ? 'attempts' : 'conversations'} in the last ${period}, the cap is ${cap.value}`,
          params: { period, limit: cap.value, count: countInPeriod(times, at, CAP_PERIOD_MS[period]) },
          ref: cap.ref,
        }),
      });
    }
  };
  capRules('attempt_cap', attempts.map((a) => a.at), policy.attemptCaps);
  capRules('contact_cap', attempts.filter(isContact).map((a) => a.at), policy.contactCaps);

  rules.push({
    earliest: (at) => nextOpening(at, policy.window, place),
    verdict: (at) => {
      const closed = place.zones.map((zone) => readZone(at, zone, policy.window, place)).find((reading) => !reading.open)!;
      return {
        rule: 'calling_window',
        reason: `${clockText(closed.clock.secondOfDay)} on a ${closed.day} in ${closed.zone}, outside the window ${spanText(closed.span)}`,
        params: { zone: closed.zone, localTime: clockText(closed.clock.secondOfDay), day: closed.day, window: spanText(closed.span) },
        ref: policy.window.refs[closed.day],
      };
    },
  });
  return rules;
}

/** The earliest instant from `now` at which every time-bound rule passes together, or null if none is in reach. */
function jointEarliest(rules: readonly TimeRule[], now: number): number | null {
  let at = now;
  // Each round moves to the latest of the rules' earliest instants; it settles once they all agree.
  for (let round = 0; round < 32; round++) {
    let next = at;
    for (const rule of rules) {
      const earliest = rule.earliest(at);
      if (earliest === null) return null;
      next = Math.max(next, earliest);
    }
    if (next === at) return at;
    at = next;
  }
  return null;
}

function because(facts: CallFacts, policy: EffectivePolicy, now: number, placed: { place: CalleePlace; source: 'contact' | 'number' }, consentValid: boolean, budget: { rate: number; budgetLeft: number }): Because {
  const local = new Map<string, Because['callee']['local'][number]>();
  for (const zone of placed.place.zones) {
    const reading = readZone(now, zone, policy.window, placed.place);
    const entry = { zone, at: `${reading.clock.date}T${clockText(reading.clock.secondOfDay)}`, day: reading.day, window: spanText(reading.span) };
    const key = `${entry.at}|${entry.day}|${entry.window}`;
    if (!local.has(key)) local.set(key, entry);
  }
  const attempts = facts.history.attempts;
  const times = attempts.map((a) => a.at);
  const contactTimes = attempts.filter(isContact).map((a) => a.at);
  const caps: Record<string, number> = {};
  for (const period of [...CAP_PERIODS, 'lifetime'] as const) {
    const cap = policy.attemptCaps[period];
    if (cap !== null) caps[`attempts.${period}`] = cap.value;
  }
  for (const period of CAP_PERIODS) {
    const cap = policy.contactCaps[period];
    if (cap !== null) caps[`contacts.${period}`] = cap.value;
  }
  return {
    at: now,
    profile: policy.profile,
    purpose: policy.purpose,
    mode: facts.mode,
    callee: { zoneSource: placed.source, zones: [...placed.place.zones], local: [...local.values()] },
    dnc: facts.doNotCall.lists.map((check) => ({ list: check.list, checkedAt: check.checkedAt })),
    consent: consentValid && facts.consent !== null ? { source: facts.consent.source, givenAt: facts.consent.givenAt } : null,
    counts: {
      attempts: {
        day: countInPeriod(times, now, CAP_PERIOD_MS.day),
        week: countInPeriod(times, now, CAP_PERIOD_MS.week),
        month: countInPeriod(times, now, CAP_PERIOD_MS.month),
        lifetime: facts.history.lifetimeAttempts,
      },
      contacts: {
        day: countInPeriod(contactTimes, now, CAP_PERIOD_MS.day),
        week: countInPeriod(contactTimes, now, CAP_PERIOD_MS.week),
        month: countInPeriod(contactTimes, now, CAP_PERIOD_MS.month),
      },
    },
    caps,
    abandon: {
      abandoned: facts.abandonStats.abandoned,
      live: facts.abandonStats.liveAnswered,
      rate: budget.rate,
      cap: policy.abandon.maxRate.value,
      budgetLeft: budget.budgetLeft,
    },
  };
}

/**
 * May this number be dialed now? Asked at the moment of dialing, every time, with every rule checked
 * against fresh facts. The answer is either an "allowed because" record to store with the attempt, or
 * the rule that refused; when only time stands in the way, `notBefore` is the earliest instant at which
 * every time-bound rule (window, retry delays, caps, the redial ban) passes together.
 */
export function decide(facts: CallFacts, policy: EffectivePolicy, now: number): Decision {
  const refuse = (verdict: Verdict, notBefore?: number): Refusal => ({
    allowed: false,
    at: now,
    ...verdict,
    profile: policy.profile,
    ...(notBefore === undefined ? {} : { notBefore }),
  });

  const consentValid = hasValidConsent(facts, now);
  const dnc = doNotCallVerdict(facts, policy, consentValid, now);
  if (dnc !== null) return refuse(dnc);
  if (policy.consentRequired.value && !consentValid) {
    return refuse({
      rule: 'consent',
      reason: facts.consent === null ? 'no prior consent recorded for this purpose' : 'the recorded consent was withdrawn or postdates this call',
      params: { purpose: policy.purpose },
      ref: policy.consentRequired.ref,
    });
  }
  if (facts.history.attempts.some((attempt) => attempt.outcome === 'pending')) {
    return refuse({ rule: 'attempt_in_progress', reason: 'an attempt to this callee is still ringing or talking', params: {}, ref: ENGINE });
  }
  const placed = calleePlace(facts);
  if ('rule' in placed) return refuse(placed);
  const bar = policy.barredModes.find((barred) => barred.mode === facts.mode);
  if (bar !== undefined) return refuse({ rule: 'mode_barred', reason: `${facts.mode} mode is barred for ${policy.purpose} calls`, params: { mode: facts.mode }, ref: bar.ref });
  const lifetime = policy.attemptCaps.lifetime;
  if (lifetime !== null && facts.history.lifetimeAttempts >= lifetime.value) {
    return refuse({
      rule: 'lifetime_cap',
      reason: `${facts.history.lifetimeAttempts} attempts so far, the lifetime cap is ${lifetime.value}`,
      params: { limit: lifetime.value, count: facts.history.lifetimeAttempts },
      ref: lifetime.ref,
    });
  }
  const budget = abandonBudget(facts, policy);
  if (facts.mode === 'power' && facts.extraLine !== false && budget.budgetLeft < 1) {
    return refuse({
      rule: 'abandon_cap',
      reason: `abandon rate ${budget.rate} against a cap of ${policy.abandon.maxRate.value} over ${policy.abandon.periodHours} h: no room for another abandon`,
      params: { rate: budget.rate, cap: policy.abandon.maxRate.value, budgetLeft: budget.budgetLeft, periodHours: policy.abandon.periodHours },
      ref: policy.abandon.maxRate.ref,
    });
  }

  const rules = timeRules(facts, policy, placed.place);
  const failing = rules.find((rule) => rule.earliest(now) !== now);
  if (failing !== undefined) return refuse(failing.verdict(now), jointEarliest(rules, now) ?? undefined);
  return { allowed: true, because: because(facts, policy, now, placed, consentValid, budget) };
}
