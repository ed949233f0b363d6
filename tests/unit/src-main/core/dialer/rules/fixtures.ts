import Holidays from 'date-holidays';
import {
  BUILT_IN_PROFILE_FILES,
  campaignPolicies,
  CAMPAIGN_DNC_LIST,
  GLOBAL_DNC_LIST,
  loadProfiles,
  type CallFacts,
  type CampaignRuleSettings,
  type EffectivePolicy,
  type Profile,
  type Purpose,
} from '#core/dialer/rules/index';

let shipped: Profile[] | null = null;

/** The shipped profiles, loaded as the app loads them. */
export function builtInProfiles(): Profile[] {
  if (shipped === null) {
    const loaded = loadProfiles(BUILT_IN_PROFILE_FILES);
    if (loaded.rejected.length > 0) throw new Error(`built-in profiles refused: ${JSON.stringify(loaded.rejected)}`);
    shipped = loaded.accepted;
  }
  return shipped;
}

export function policyOf(profile: string, purpose: Purpose, settings: CampaignRuleSettings = {}): EffectivePolicy {
  const policies = campaignPolicies(builtInProfiles(), { purpose, profile, settings });
  if (!policies.ok) throw new Error(`policy refused: ${JSON.stringify(policies.problems)}`);
  const forCallee = policies.forCallee(null, 0);
  if (!forCallee.ok) throw new Error('a fixed profile always applies');
  return forCallee.policy;
}

type FactsPatch = { [K in keyof CallFacts]?: Partial<CallFacts[K]> };

/** Facts of a callee nobody has called, on no list, checked just now; patch what a test is about. */
export function factsFor(now: number, patch: FactsPatch = {}): CallFacts {
  return {
    callee: { e164: '+74951234567', country: 'RU', numberZones: ['Europe/Moscow'], zoneOverride: null, holidayRegion: null, ...patch.callee },
    doNotCall: {
      contact: false,
      company: false,
      lists: [
        { list: GLOBAL_DNC_LIST, listed: false, checkedAt: now },
        { list: CAMPAIGN_DNC_LIST, listed: false, checkedAt: now },
      ],
      ...patch.doNotCall,
    },
    consent: patch.consent === undefined ? null : { source: 'web form', givenAt: now - 86_400_000, revokedAt: null, ...patch.consent },
    history: { attempts: [], lifetimeAttempts: 0, ...patch.history },
    abandonStats: { abandoned: 0, liveAnswered: 0, periodHours: 24, ...patch.abandonStats },
    mode: patch.mode ?? 'progressive',
  };
}

/**
 * The callee's wall clock computed here, independently of the engine's helpers: straight from Intl,
 * so a test that checks an allowed call against it does not share the engine's mistakes.
 */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

export function calleeClock(epochMs: number, zone: string): { date: string; seconds: number; weekday: number } {
  let format = clockFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    clockFormats.set(zone, format);
  }
  const parts = format.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    seconds: Number(part('hour')) * 3600 + Number(part('minute')) * 60 + Number(part('second')),
    weekday,
  };
}

const calendars = new Map<string, Holidays>();

/** Whether a local date is a public holiday, asked of date-holidays directly (its own calendar pinned to UTC days). */
export function isHolidayIndependently(date: string, country: string): boolean {
  let calendar = calendars.get(country);
  if (calendar === undefined) {
    calendar = new Holidays(country, { timezone: 'UTC' });
    calendars.set(country, calendar);
  }
  const found = calendar.isHoliday(new Date(`${date}T12:00:00Z`));
  return Array.isArray(found) && found.some((holiday) => holiday.type === 'public');
}

export function secondsOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 3600 + m! * 60;
}
