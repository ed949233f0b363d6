import type { RegistrationProblem, RegistrationState } from '#contract';
import { defineLifecycle } from '#core/shared/lifecycle';

/**
 * A SIP account's registration, as the phone bar and the tray show it:
 *
 *   connecting ─▶ registering ─▶ registered ⟲ (refreshed)
 *       │   ▲          │              │
 *       │   └── offline ◀─────────────┤  (link lost, PBX gone, a transient refusal: retried with backoff)
 *       └──────────▶ failed ◀─────────┘  (wrong password, forbidden: retried only when the settings change)
 *
 * `no_account` is the phone's state without any account, never an account's.
 */
export const registrationLifecycle = defineLifecycle<RegistrationState>('registration', {
  connecting: ['connecting', 'registering', 'offline', 'failed'],
  registering: ['registered', 'offline', 'failed'],
  registered: ['registered', 'registering', 'offline', 'failed'],
  offline: ['connecting', 'offline'],
  failed: ['connecting'],
});

/**
 * Why a registration is down, from the PBX's answer or the transport's error. Wrong credentials, a ban
 * or an unknown user are `failed` (retrying will not help); the rest are `offline` and retried.
 */
export function registrationProblem(failure: { statusCode: number } | { error: string }): RegistrationProblem {
  if ('statusCode' in failure) {
    if (failure.statusCode === 401 || failure.statusCode === 407) return 'unauthorized';
    if (failure.statusCode === 403 || failure.statusCode === 404) return 'forbidden';
    if (failure.statusCode === 408) return 'timeout';
    return 'rejected';
  }
  if (/ECONNREFUSED|refused/i.test(failure.error)) return 'refused';
  if (/time(d)?\s*out/i.test(failure.error)) return 'timeout';
  return 'unreachable';
}

/** A refusal no retry can fix until the settings change. */
export function isPermanentRefusal(problem: RegistrationProblem): boolean {
  return problem === 'unauthorized' || problem === 'forbidden';
}
