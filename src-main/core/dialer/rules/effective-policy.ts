import type { CampaignRuleSettings } from './campaign-settings';
import type { DayType, Refusal } from './decision';
import { rulePurposes, type Profile, type ProfileRule, type SpanText } from './profile-schema';
import { CAP_PERIODS, RETRY_OUTCOMES, type CapPeriod, type DialMode, type Purpose, type RetryOutcome } from './vocabulary';

/** A local window in seconds since midnight, `from` inclusive, `to` exclusive. */
export interface Span {
  from: number;
  to: number;
}

/** A limit in force and where it comes from: a profile rule's id, or "campaign" for a supervisor's stricter setting. */
export interface Bound<T> {
  value: T;
  ref: string;
}

/** The rules one campaign's calls to one jurisdiction are held to: the profile, tightened by the campaign. */
export interface EffectivePolicy {
  profile: { id: string; version: string };
  purpose: Purpose;
  consentRequired: Bound<boolean>;
  /** National lists the number must have been checked against (unless consent waives them), and how fresh. */
  registries: { list: string; maxAgeDays: number; waivedByConsent: boolean; ref: string }[];
  /** The campaign's own extra lists. */
  campaignLists: string[];
  /** `refs`: where the window that applies on each kind of day comes from. */
  window: { weekdays: Span | null; weekends: Span | null; holidaysAsWeekend: boolean; weekendDays: readonly number[]; refs: Record<DayType, string> };
  attemptCaps: Record<CapPeriod | 'lifetime', Bound<number> | null>;
  contactCaps: Record<CapPeriod, Bound<number> | null>;
  /** Minutes after the last attempt with that outcome. */
  retryDelays: Record<RetryOutcome, Bound<number> | null>;
  abandon: { maxRate: Bound<number>; periodHours: number; redialHours: Bound<number> | null };
  barredModes: { mode: DialMode; ref: string }[];
  /** Obligations on the call itself, for the dialing modes (the engine cannot check them before dialing). */
  callHandling: { operatorWithinMs: Bound<number> | null; abandonMessage: Bound<boolean> | null; minRingSeconds: Bound<number> | null };
}

type SettingValue = number | string | boolean | null;

/** Why a campaign's rules cannot be composed with a profile. */
export type PolicyProblem =
  | {
      code: 'looser';
      /** The campaign setting's path, e.g. "attemptCaps.day" or "window.weekends". */
      field: string;
      value: SettingValue;
      /** The profile's limit it would break. */
      limit: SettingValue;
      profile: string;
      rule: string;
    }
  | { code: 'unknown_profile'; profile: string };

export type PolicyResult = { ok: true; policy: EffectivePolicy } | { ok: false; problems: PolicyProblem[] };

const CAMPAIGN = 'campaign';

export function secondsOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 3600 + minutes! * 60;
}

export function clockText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function spanText(span: Span | null): string {
  return span === null ? 'closed' : `${clockText(span.from)}-${clockText(span.to)}`;
}

function spanOf(text: SpanText | null): Span | null {
  return text === null ? null : { from: secondsOf(text.from), to: secondsOf(text.to) };
}

function within(inner: Span | null, outer: Span | null): boolean {
  return inner === null || (outer !== null && inner.from >= outer.from && inner.to <= outer.to);
}

type RuleOf<K extends ProfileRule['kind']> = Extract<ProfileRule, { kind: K }>;

/**
 * Composes a profile with a campaign's settings for the campaign's purpose. Settings may only tighten:
 * every one that would loosen a profile rule is reported (field, value, the limit it breaks), and no
 * policy is made — a looser setting is refused, never clamped.
 */
export function effectivePolicy(profile: Profile, purpose: Purpose, settings: CampaignRuleSettings): PolicyResult {
  const rules = profile.rules.filter((rule) => rulePurposes(rule).includes(purpose));
  const one = <K extends ProfileRule['kind']>(kind: K): RuleOf<K> | undefined => rules.find((rule): rule is RuleOf<K> => rule.kind === kind);
  const problems: PolicyProblem[] = [];
  const looser = (field: string, value: SettingValue, limit: SettingValue, rule: string): void => {
    problems.push({ code: 'looser', field, value, limit, profile: profile.id, rule });
  };

  // The schema guarantees one window and one abandon cap per purpose.
  const windowRule = one('window')!;
  const abandonRule = one('abandon_cap')!;

  const profileWindows = { weekdays: spanOf(windowRule.weekdays), weekends: spanOf(windowRule.weekends) };
  const windows = { ...profileWindows };
  const windowRefs = { weekdays: windowRule.id, weekends: windowRule.id };
  for (const day of ['weekdays', 'weekends'] as const) {
    const asked = settings.window?.[day];
    if (asked === undefined) continue;
    const span = spanOf(asked);
    if (within(span, profileWindows[day])) {
      windows[day] = span;
      windowRefs[day] = CAMPAIGN;
    } else looser(`window.${day}`, spanText(span), spanText(profileWindows[day]), windowRule.id);
  }
  let holidaysAsWeekend = windowRule.holidaysAsWeekend;
  if (settings.holidaysAsWeekend !== undefined && settings.holidaysAsWeekend !== holidaysAsWeekend) {
    // Treating holidays as weekends tightens only when the weekend window sits inside the weekday one.
    if (settings.holidaysAsWeekend && within(windows.weekends, windows.weekdays)) holidaysAsWeekend = true;
    else looser('holidaysAsWeekend', settings.holidaysAsWeekend, holidaysAsWeekend, windowRule.id);
  }

  /** A figure the campaign may move one way only: caps and rates down ("lower"), delays and ring times up ("higher"). */
  const tightened = (field: string, profileBound: Bound<number> | null, asked: number | undefined, stricter: 'lower' | 'higher'): Bound<number> | null => {
    if (asked === undefined) return profileBound;
    if (profileBound !== null && (stricter === 'lower' ? asked > profileBound.value : asked < profileBound.value)) {
      looser(field, asked, profileBound.value, profileBound.ref);
      return profileBound;
    }
    return { value: asked, ref: CAMPAIGN };
  };
  const bound = <T>(value: T | undefined, ref: string | undefined): Bound<T> | null => (value === undefined || ref === undefined ? null : { value, ref });

  const attemptRule = one('attempt_caps');
  const contactRule = one('contact_caps');
  const attemptCaps = {} as EffectivePolicy['attemptCaps'];
  for (const period of [...CAP_PERIODS, 'lifetime'] as const) {
    attemptCaps[period] = tightened(`attemptCaps.${period}`, bound(attemptRule?.[period], attemptRule?.id), settings.attemptCaps?.[period], 'lower');
  }
  const contactCaps = {} as EffectivePolicy['contactCaps'];
  for (const period of CAP_PERIODS) {
    contactCaps[period] = tightened(`contactCaps.${period}`, bound(contactRule?.[period], contactRule?.id), settings.contactCaps?.[period], 'lower');
  }

  const delayRule = one('retry_delays');
  const retryDelays = {} as EffectivePolicy['retryDelays'];
  for (const outcome of RETRY_OUTCOMES) {
    retryDelays[outcome] = tightened(`retryDelayMinutes.${outcome}`, bound(delayRule?.minutes[outcome], delayRule?.id), settings.retryDelayMinutes?.[outcome], 'higher');
  }

  const maxRate = tightened('abandonRate', { value: abandonRule.maxRate, ref: abandonRule.id }, settings.abandonRate, 'lower')!;
  const redialRule = one('abandon_redial');
  const redialHours = tightened('abandonRedialHours', bound(redialRule?.hours, redialRule?.id), settings.abandonRedialHours, 'higher');

  const consentRule = one('consent');
  let consentRequired: Bound<boolean> = { value: consentRule !== undefined, ref: consentRule?.id ?? 'engine' };
  if (settings.requireConsent !== undefined && settings.requireConsent !== consentRequired.value) {
    if (settings.requireConsent) consentRequired = { value: true, ref: CAMPAIGN };
    else looser('requireConsent', false, true, consentRule!.id);
  }

  const barredModes = rules.flatMap((rule) => (rule.kind === 'mode_bar' ? rule.modes.map((mode) => ({ mode, ref: rule.id })) : []));
  for (const mode of settings.barredModes ?? []) if (!barredModes.some((bar) => bar.mode === mode)) barredModes.push({ mode, ref: CAMPAIGN });

  const handling = one('call_handling');
  const operatorWithinMs = tightened('operatorWithinMs', bound(handling?.operatorWithinMs, handling?.id), settings.operatorWithinMs, 'lower');
  const minRingSeconds = tightened('minRingSeconds', bound(handling?.minRingSeconds, handling?.id), settings.minRingSeconds, 'higher');
  let abandonMessage = bound(handling?.abandonMessage, handling?.id);
  if (settings.abandonMessage !== undefined && settings.abandonMessage !== abandonMessage?.value) {
    if (settings.abandonMessage || abandonMessage === null) abandonMessage = { value: settings.abandonMessage, ref: CAMPAIGN };
    else looser('abandonMessage', false, true, abandonMessage.ref);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    policy: {
      profile: { id: profile.id, version: profile.version },
      purpose,
      consentRequired,
      registries: rules.flatMap((rule) =>
        rule.kind === 'dnc_registry' ? [{ list: rule.list, maxAgeDays: rule.maxAgeDays, waivedByConsent: rule.waivedByConsent, ref: rule.id }] : [],
      ),
      campaignLists: [...new Set(settings.dncLists ?? [])],
      window: {
        ...windows,
        holidaysAsWeekend,
        weekendDays: windowRule.weekendDays,
        refs: {
          weekday: windowRefs.weekdays,
          weekend: windowRefs.weekends,
          holiday: holidaysAsWeekend === windowRule.holidaysAsWeekend ? windowRefs.weekends : CAMPAIGN,
        },
      },
      attemptCaps,
      contactCaps,
      retryDelays,
      abandon: { maxRate, periodHours: abandonRule.periodHours, redialHours },
      barredModes,
      callHandling: { operatorWithinMs, abandonMessage, minRingSeconds },
    },
  };
}

/** How a campaign picks its profile: a fixed one, or the callee's country. */
export interface CampaignRules {
  purpose: Purpose;
  /** A profile id, or "by_number": the profile of the callee's country. */
  profile: string;
  settings: CampaignRuleSettings;
}

export type PolicyForCallee = { ok: true; policy: EffectivePolicy } | { ok: false; refusal: Refusal };

export type CampaignPolicies =
  | {
      ok: true;
      forCallee(country: string | null, now: number): PolicyForCallee;
      /** Every policy that may apply (one for a fixed profile; one per profile when dialing by number). */
      all: readonly EffectivePolicy[];
    }
  | { ok: false; problems: PolicyProblem[] };

/**
 * A campaign's policies, checked once when its rules are saved: against its profile, or — "by number" —
 * against every loaded profile, since any of them may apply to a callee. Per callee the dialer then
 * asks `forCallee(country)`; a number no profile covers is refused (rule `no_profile`), never dialed unruled.
 */
export function campaignPolicies(profiles: readonly Profile[], campaign: CampaignRules): CampaignPolicies {
  const chosen = campaign.profile === 'by_number' ? profiles : profiles.filter((p) => p.id === campaign.profile);
  if (chosen.length === 0) return { ok: false, problems: [{ code: 'unknown_profile', profile: campaign.profile }] };
  const byCountry = new Map<string, EffectivePolicy>();
  const problems: PolicyProblem[] = [];
  for (const profile of chosen) {
    const result = effectivePolicy(profile, campaign.purpose, campaign.settings);
    if (!result.ok) problems.push(...result.problems);
    else for (const country of profile.countries) byCountry.set(country, result.policy);
  }
  if (problems.length > 0) return { ok: false, problems };
  const fixed = campaign.profile === 'by_number' ? null : byCountry.values().next().value!;
  return {
    ok: true,
    all: [...new Set(byCountry.values())],
    forCallee(country, now) {
      const policy = fixed ?? (country === null ? undefined : byCountry.get(country));
      if (policy !== undefined) return { ok: true, policy };
      return {
        ok: false,
        refusal: {
          allowed: false,
          at: now,
          rule: 'no_profile',
          reason: `no jurisdiction profile covers ${country ?? 'a number outside any country'}; the campaign dials by the number's country`,
          params: { country: country ?? '' },
          ref: 'engine',
          profile: null,
        },
      };
    },
  };
}
