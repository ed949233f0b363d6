import { describe, expect, it } from 'vitest';
import { isPermanentRefusal, registrationLifecycle, registrationProblem } from '#core/telephony/registration-state';

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

  it('names why a registration is down, from the PBX answer or the transport error', () => {
    expect(registrationProblem({ statusCode: 401 })).toBe('unauthorized');
    expect(registrationProblem({ statusCode: 407 })).toBe('unauthorized');
    expect(registrationProblem({ statusCode: 403 })).toBe('forbidden');
    expect(registrationProblem({ statusCode: 404 })).toBe('forbidden');
    expect(registrationProblem({ statusCode: 408 })).toBe('timeout');
    expect(registrationProblem({ statusCode: 503 })).toBe('rejected');
    expect(registrationProblem({ error: 'connect ECONNREFUSED 127.0.0.1:5066' })).toBe('refused');
    expect(registrationProblem({ error: 'Connect timed out' })).toBe('timeout');
    expect(registrationProblem({ error: 'WebSocket closed wss://pbx.example (code: 1006)' })).toBe('unreachable');
  });

  it('gives up retrying only on refusals a retry cannot fix', () => {
    expect(isPermanentRefusal('unauthorized')).toBe(true);
    expect(isPermanentRefusal('forbidden')).toBe(true);
    for (const problem of ['unreachable', 'refused', 'timeout', 'rejected', 'link_lost'] as const) expect(isPermanentRefusal(problem)).toBe(false);
  });
});
