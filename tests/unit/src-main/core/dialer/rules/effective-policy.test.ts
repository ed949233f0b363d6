import { describe, expect, it } from 'vitest';
import { campaignPolicies, effectivePolicy } from '#core/dialer/rules/index';
import { builtInProfiles } from './fixtures';

const profiles = builtInProfiles();
const profile = (id: string) => profiles.find((p) => p.id === id)!;

describe('a campaign’s rules on top of its profile', () => {
  it('takes the profile as it is when the campaign sets nothing', () => {
    const result = effectivePolicy(profile('RU'), 'debt_collection', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.window).toMatchObject({ weekdays: { from: 8 * 3600, to: 22 * 3600 }, weekends: { from: 9 * 3600, to: 20 * 3600 }, holidaysAsWeekend: true });
    expect(result.policy.window.refs).toEqual({ weekday: 'ru.230fz.hours', weekend: 'ru.230fz.hours', holiday: 'ru.230fz.hours' });
    expect(result.policy.contactCaps).toEqual({ day: { value: 1, ref: 'ru.230fz.contacts' }, week: { value: 2, ref: 'ru.230fz.contacts' }, month: { value: 8, ref: 'ru.230fz.contacts' } });
    expect(result.policy.consentRequired.value).toBe(false);
    expect(result.policy.abandon).toEqual({ maxRate: { value: 0.03, ref: 'ru.practice.abandon' }, periodHours: 24, redialHours: { value: 72, ref: 'ru.practice.abandon-redial' } });
  });

  it('applies the rules of the campaign’s purpose only', () => {
    const sales = effectivePolicy(profile('RU'), 'sales', {});
    const survey = effectivePolicy(profile('RU'), 'survey', {});
    expect(sales.ok && sales.policy.consentRequired.value).toBe(true);
    expect(sales.ok && sales.policy.barredModes).toEqual([{ mode: 'power', ref: 'ru.38fz.no-automatic-dialing' }]);
    expect(survey.ok && survey.policy.consentRequired.value).toBe(false);
    expect(survey.ok && survey.policy.barredModes).toEqual([]);
  });

  it('accepts stricter settings and says they are the campaign’s', () => {
    const result = effectivePolicy(profile('RU'), 'debt_collection', {
      window: { weekdays: { from: '10:00', to: '19:00' }, weekends: null },
      contactCaps: { week: 1 },
      attemptCaps: { day: 3, lifetime: 20 },
      retryDelayMinutes: { busy: 30 },
      abandonRate: 0.01,
      abandonRedialHours: 96,
      requireConsent: true,
      dncLists: ['vip-clients'],
      barredModes: ['power'],
      operatorWithinMs: 1500,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const policy = result.policy;
    expect(policy.window).toMatchObject({ weekdays: { from: 10 * 3600, to: 19 * 3600 }, weekends: null, refs: { weekday: 'campaign', weekend: 'campaign' } });
    expect(policy.contactCaps.week).toEqual({ value: 1, ref: 'campaign' });
    expect(policy.contactCaps.day).toEqual({ value: 1, ref: 'ru.230fz.contacts' });
    expect(policy.attemptCaps).toMatchObject({ day: { value: 3, ref: 'campaign' }, lifetime: { value: 20, ref: 'campaign' }, week: null });
    expect(policy.retryDelays.busy).toEqual({ value: 30, ref: 'campaign' });
    expect(policy.abandon.maxRate).toEqual({ value: 0.01, ref: 'campaign' });
    expect(policy.abandon.redialHours).toEqual({ value: 96, ref: 'campaign' });
    expect(policy.consentRequired).toEqual({ value: true, ref: 'campaign' });
    expect(policy.campaignLists).toEqual(['vip-clients']);
    expect(policy.barredModes).toEqual([{ mode: 'power', ref: 'campaign' }]);
    expect(policy.callHandling.operatorWithinMs).toEqual({ value: 1500, ref: 'campaign' });
  });

  it('refuses every looser setting with the field and the limit it would break, and makes no policy', () => {
    const result = effectivePolicy(profile('RU'), 'debt_collection', {
      window: { weekdays: { from: '07:30', to: '21:00' }, weekends: { from: '09:00', to: '21:00' } },
      holidaysAsWeekend: false,
      contactCaps: { day: 2, month: 8 },
      abandonRate: 0.05,
      abandonRedialHours: 24,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'looser', field: 'window.weekdays', value: '07:30-21:00', limit: '08:00-22:00', profile: 'RU', rule: 'ru.230fz.hours' },
        { code: 'looser', field: 'window.weekends', value: '09:00-21:00', limit: '09:00-20:00', profile: 'RU', rule: 'ru.230fz.hours' },
        { code: 'looser', field: 'holidaysAsWeekend', value: false, limit: true, profile: 'RU', rule: 'ru.230fz.hours' },
        { code: 'looser', field: 'contactCaps.day', value: 2, limit: 1, profile: 'RU', rule: 'ru.230fz.contacts' },
        { code: 'looser', field: 'abandonRate', value: 0.05, limit: 0.03, profile: 'RU', rule: 'ru.practice.abandon' },
        { code: 'looser', field: 'abandonRedialHours', value: 24, limit: 72, profile: 'RU', rule: 'ru.practice.abandon-redial' },
      ],
    });
  });

  it('refuses dropping consent where the profile needs it, a shorter delay and a missing abandon message', () => {
    expect(effectivePolicy(profile('RU'), 'sales', { requireConsent: false })).toMatchObject({ ok: false, problems: [{ field: 'requireConsent', value: false, limit: true, rule: 'ru.38fz.consent' }] });
    expect(effectivePolicy(profile('US'), 'debt_collection', { retryDelayMinutes: { reached: 60 } })).toMatchObject({
      ok: false,
      problems: [{ field: 'retryDelayMinutes.reached', value: 60, limit: 10080, rule: 'us.regf.after-conversation' }],
    });
    expect(effectivePolicy(profile('UK'), 'survey', { abandonMessage: false, minRingSeconds: 10 })).toMatchObject({
      ok: false,
      problems: [{ field: 'minRingSeconds', value: 10, limit: 15 }, { field: 'abandonMessage', value: false, limit: true }],
    });
  });

  it('refuses calls on weekend days a profile keeps closed', () => {
    // UA debt collection: no calls on weekends at all.
    expect(effectivePolicy(profile('UA'), 'debt_collection', { window: { weekends: { from: '10:00', to: '12:00' } } })).toMatchObject({
      ok: false,
      problems: [{ field: 'window.weekends', value: '10:00-12:00', limit: 'closed' }],
    });
  });

  it('lets holidays count as weekends only where that narrows the window', () => {
    expect(effectivePolicy(profile('US'), 'sales', { holidaysAsWeekend: true, window: { weekends: { from: '10:00', to: '18:00' } } })).toMatchObject({
      ok: true,
      policy: { window: { holidaysAsWeekend: true, refs: { weekday: 'us.tcpa.hours', weekend: 'campaign', holiday: 'campaign' } } },
    });
    expect(effectivePolicy(profile('US'), 'sales', { holidaysAsWeekend: true, window: { weekdays: { from: '10:00', to: '18:00' } } })).toMatchObject({
      ok: false,
      problems: [{ field: 'holidaysAsWeekend', value: true, limit: false }],
    });
  });
});

describe('a campaign’s policies per callee', () => {
  it('checks a "by number" campaign against every profile, naming the one a setting breaks', () => {
    const result = campaignPolicies(profiles, { purpose: 'debt_collection', profile: 'by_number', settings: { window: { weekdays: { from: '08:00', to: '21:30' } } } });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'window.weekdays', profile: 'US' }, { field: 'window.weekdays', profile: 'UK' }, { field: 'window.weekdays', profile: 'UA' }] });
  });

  it('picks the profile of the callee’s country, and refuses a number no profile covers', () => {
    const result = campaignPolicies(profiles, { purpose: 'sales', profile: 'by_number', settings: {} });
    if (!result.ok) throw new Error('the empty settings are never looser');
    expect(result.forCallee('GB', 0)).toMatchObject({ ok: true, policy: { profile: { id: 'UK' } } });
    expect(result.forCallee('PR', 0)).toMatchObject({ ok: true, policy: { profile: { id: 'US' } } });
    expect(result.forCallee('KZ', 1000)).toEqual({
      ok: false,
      refusal: expect.objectContaining({ allowed: false, at: 1000, rule: 'no_profile', params: { country: 'KZ' }, profile: null }),
    });
  });

  it('uses a campaign’s fixed profile whatever the number, and names a profile that does not exist', () => {
    const fixed = campaignPolicies(profiles, { purpose: 'survey', profile: 'UA', settings: {} });
    expect(fixed.ok && fixed.forCallee('US', 0)).toMatchObject({ ok: true, policy: { profile: { id: 'UA' } } });
    expect(campaignPolicies(profiles, { purpose: 'survey', profile: 'DE', settings: {} })).toEqual({ ok: false, problems: [{ code: 'unknown_profile', profile: 'DE' }] });
  });
});
