import { describe, expect, it } from 'vitest';
import { registrationLifecycle } from '#core/telephony/registration-state';

describe('registration lifecycle', () => {
  it('follows connecting → registering → registered, refreshed in place', () => {
    expect(registrationLifecycle.can('connecting', 'registering')).toBe(true);
    expect(registrationLifecycle.can('registering', 'registered')).toBe(true);
    expect(registrationLifecycle.can('registered', 'registered')).toBe(true);
  });

  it('goes offline from any live state and comes back only by connecting again', () => {
    for (const from of ['connecting', 'registering', 'registered'] as const) expect(registrationLifecycle.can(from, 'offline')).toBe(true);
    expect(registrationLifecycle.can('offline', 'connecting')).toBe(true);
    expect(registrationLifecycle.can('offline', 'registered')).toBe(false);
  });

  it('stays failed until the settings change (a new connection), and no account is never an account state', () => {
    expect(registrationLifecycle.can('failed', 'registering')).toBe(false);
    expect(registrationLifecycle.can('failed', 'offline')).toBe(false);
    expect(registrationLifecycle.can('failed', 'connecting')).toBe(true);
    expect(registrationLifecycle.can('no_account', 'connecting')).toBe(false);
    expect(registrationLifecycle.can('connecting', 'registered')).toBe(false);
  });
});
