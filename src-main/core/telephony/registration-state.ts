import type { RegistrationState } from '#contract';

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
const allowed: Record<Exclude<RegistrationState, 'no_account'>, readonly RegistrationState[]> = {
  connecting: ['connecting', 'registering', 'offline', 'failed'],
  registering: ['registered', 'offline', 'failed'],
  registered: ['registered', 'registering', 'offline', 'failed'],
  offline: ['connecting', 'offline'],
  failed: ['connecting'],
};

export class InvalidRegistrationTransitionError extends Error {
  constructor(
    readonly from: RegistrationState,
    readonly to: RegistrationState,
  ) {
    super(`A registration cannot go from ${from} to ${to}`);
    this.name = 'InvalidRegistrationTransitionError';
  }
}

export function canRegistrationTransition(from: RegistrationState, to: RegistrationState): boolean {
  return from !== 'no_account' && allowed[from].includes(to);
}
