import type { RegistrationState } from '#contract';
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
