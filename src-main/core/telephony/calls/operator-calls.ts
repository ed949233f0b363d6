import { Inviter } from 'sip.js';
import type { CallInfo } from '#contract';
import type { AccountLines } from '#core/telephony/accounts/account-lines';
import type { CallFocus } from './call-focus';
import type { CallRegistry } from './call-registry';
import { dialTarget } from './dial-target';

/** The operator's own commands on calls: dial, answer, refuse, hang up, tones. */
export class OperatorCalls {
  constructor(
    private readonly deps: { accounts: AccountLines; registry: CallRegistry; focus: CallFocus },
  ) {}

  /** Through the account given (else the first registered one); whoever is on the line waits on hold meanwhile. */
  async dial(target: string, options: { contactId?: string; accountId?: string } = {}): Promise<CallInfo> {
    const { accounts, registry, focus } = this.deps;
    const account = accounts.forDialing(options.accountId);
    const uri = dialTarget(target, account);
    const contact = options.contactId ? registry.contactById(options.contactId) : registry.contactFor(target);
    focus.dissolve();
    await focus.holdAllBut([]);
    registry.nextOutgoingId();
    const call = registry.register(new Inviter(account.ua, uri), account, { direction: 'out', remoteNumber: target, remoteName: contact?.fullName ?? null, contact });
    registry.emit(call);
    await call.place().catch((error: unknown) => {
      call.detail = error instanceof Error ? error.message : String(error);
      registry.emit(call);
    });
    return call.info;
  }

  async answer(callId: string, holdOthers: boolean): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    if (holdOthers) {
      this.deps.focus.dissolve();
      await this.deps.focus.holdAllBut([call]);
    }
    await call.answer();
    return call.info;
  }

  async reject(callId: string): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    await call.reject(486);
    return call.info;
  }

  async hangup(callId: string): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    await call.hangup();
    return call.info;
  }

  dtmf(callId: string, tones: string): Promise<'rtp' | 'info'> {
    return this.deps.registry.get(callId).dtmf(tones);
  }
}
