import { describe, expect, it } from 'vitest';
import { canRegistrationTransition } from '#core/telephony/registration-state';

describe('registration lifecycle', () => {
  it('follows connecting → registering → registered, refreshed in place', () => {
    expect(canRegistrationTransition('connecting', 'registering')).toBe(true);
    expect(canRegistrationTransition('registering', 'registered')).toBe(true);
    expect(canRegistrationTransition('registered', 'registered')).toBe(true);
  });

  it('goes offline from any live state and comes back only by connecting again', () => {
    for (const from of ['connecting', 'registering', 'registered'] as const) expect(canRegistrationTransition(from, 'offline')).toBe(true);
    expect(canRegistrationTransition('offline', 'connecting')).toBe(true);
    expect(canRegistrationTransition('offline', 'registered')).toBe(false);
  });

  it('stays failed until the settings change (a new connection), and no account is never an account state', () => {
    expect(canRegistrationTransition('failed', 'registering')).toBe(false);
    expect(canRegistrationTransition('failed', 'offline')).toBe(false);
    expect(canRegistrationTransition('failed', 'connecting')).toBe(true);
    expect(canRegistrationTransition('no_account', 'connecting')).toBe(false);
    expect(canRegistrationTransition('connecting', 'registered')).toBe(false);
  });
});
