import type { PhoneStatus } from '#contract';
import type { EventBus } from '#core/api/event-bus';

/**
 * The phone's registration as the phone bar and tray show it. Until a SIP account is
 * configured there is nothing to register, and the status says so rather than "offline".
 */
export class PhoneStatusHolder {
  private status: PhoneStatus = { registration: 'no_account' };

  constructor(private readonly events: EventBus) {}

  get current(): PhoneStatus {
    return this.status;
  }

  set(next: PhoneStatus): void {
    this.status = next;
    this.events.emit('phone.status', next);
  }
}
