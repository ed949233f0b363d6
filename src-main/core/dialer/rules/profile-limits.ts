import { spanText, type Bound, type EffectivePolicy } from './effective-policy';
import { RETRY_OUTCOMES } from './vocabulary';

/** A limit as the editor shows it beside a field: a number, a window ("09:00-20:00", "closed"), a yes/no, or none. */
export type LimitValue = number | string | boolean | null;

const valueOf = <T extends number | boolean>(bound: Bound<T> | null): T | null => bound?.value ?? null;

/**
 * What a profile allows for each field a supervisor may tighten, keyed by the field's path in the campaign's
 * rules (`attemptCaps.day`, `window.weekdays`, `retryDelayMinutes.busy`…): the editor shows it beside the field,
 * and main refuses anything looser with the same figure.
 */
export function profileLimits(policy: EffectivePolicy): Record<string, LimitValue> {
  const limits: Record<string, LimitValue> = {
    'window.weekdays': spanText(policy.window.weekdays),
    'window.weekends': spanText(policy.window.weekends),
    holidaysAsWeekend: policy.window.holidaysAsWeekend,
    abandonRate: policy.abandon.maxRate.value,
    abandonRedialHours: valueOf(policy.abandon.redialHours),
    requireConsent: policy.consentRequired.value,
    operatorWithinMs: valueOf(policy.callHandling.operatorWithinMs),
    abandonMessage: valueOf(policy.callHandling.abandonMessage),
    minRingSeconds: valueOf(policy.callHandling.minRingSeconds),
    barredModes: policy.barredModes.map((b) => b.mode).join(', ') || null,
  };
  for (const [period, cap] of Object.entries(policy.attemptCaps)) limits[`attemptCaps.${period}`] = valueOf(cap);
  for (const [period, cap] of Object.entries(policy.contactCaps)) limits[`contactCaps.${period}`] = valueOf(cap);
  for (const outcome of RETRY_OUTCOMES) limits[`retryDelayMinutes.${outcome}`] = valueOf(policy.retryDelays[outcome]);
  return limits;
}
