import type { TFunction } from 'i18next';
import type { MethodOutput } from '#contract';

/** What `campaigns.ruleLimits` answers: per profile that may apply, its limits keyed by the rule's path. */
export type ProfileLimits = MethodOutput<'campaigns.ruleLimits'>[number];
type LimitValue = ProfileLimits['limits'][string];

/**
 * How a rule's limit reads, by the first segment of its path: caps are maxima, delays and hours minima
 * (a campaign tightens a cap by lowering it and a delay by raising it, so the words say which way is looser).
 */
const kindOf: Record<string, string> = {
  window: 'window',
  attemptCaps: 'atMost',
  contactCaps: 'atMost',
  retryDelayMinutes: 'atLeastMinutes',
  abandonRate: 'percent',
  abandonRedialHours: 'atLeastHours',
  minRingSeconds: 'atLeastSeconds',
  requireConsent: 'consent',
  barredModes: 'barredModes',
  abandonMessage: 'messageRequired',
  operatorWithinMs: 'operatorWithin',
};

/** Rules that only ever add a duty: a profile without the duty has nothing to say beside the field. */
const dutyKinds = new Set(['barredModes', 'messageRequired', 'operatorWithin']);

/** One profile's limit for a rule in words ("at most 3", "09:00–20:00", "no limit"); null for a path we have no words for or a duty the profile does not impose. */
export function limitText(t: TFunction, path: string, value: LimitValue | undefined): string | null {
  const kind = kindOf[path.split('.')[0] ?? ''];
  if (kind === undefined || value === undefined) return null;
  if (dutyKinds.has(kind) && (value === null || value === false)) return null;
  if (kind === 'barredModes') return t('campaigns.limits.barredModes', { modes: String(value).split(', ').map((mode) => t(`campaigns.mode.${mode}`)).join(', ') });
  if (kind === 'messageRequired') return t('campaigns.limits.messageRequired');
  if (value === null) return t('campaigns.limits.none');
  if (kind === 'window') return value === 'closed' ? t('campaigns.limits.closed') : String(value).replace('-', '–');
  if (kind === 'consent') return t(value === true ? 'campaigns.limits.consentRequired' : 'campaigns.limits.consentNotRequired');
  if (typeof value !== 'number') return String(value);
  const shown = { percent: value * 100, operatorWithin: value / 1000 }[kind] ?? value;
  return t(`campaigns.limits.${kind}`, { value: shown });
}

/**
 * The law's limit beside a rule's field, a line per figure: "UA 2025.1: at most 3" for one profile; for several
 * (dialing by number) the profiles that agree named together, "UA, UK, US: at least 60 min" and "RU: no limit".
 */
export function limitsBeside(t: TFunction, profiles: readonly ProfileLimits[], path: string): string[] {
  const byText = new Map<string, string[]>();
  for (const profile of profiles) {
    const text = limitText(t, path, profile.limits[path]);
    if (text === null) continue;
    byText.set(text, [...(byText.get(text) ?? []), profiles.length === 1 ? `${profile.profile} ${profile.version}` : profile.profile]);
  }
  return [...byText].map(([text, names]) => t('campaigns.limits.byProfile', { profiles: names.join(', '), limit: text }));
}
