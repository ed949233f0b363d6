import type { Referral } from 'sip.js';
import type { CallInfo } from '#contract';
import type { Logger } from '#core/shared/logger';
import type { AccountLines } from '#core/telephony/accounts/account-lines';
import type { CallSession } from '#core/telephony/sip/call-session';
import type { CallRegistry } from './call-registry';
import { dialTarget } from './dial-target';
import type { OperatorCalls } from './operator-calls';

/** Passing calls on, each through the account the call is on: blind, attended, a ringing call forwarded, and being transferred ourselves. */
export class Transfers {
  constructor(
    private readonly deps: { logger: Logger; accounts: AccountLines; registry: CallRegistry; operator: OperatorCalls },
  ) {
    deps.registry.onReferred((call, referral) => void this.beTransferred(call, referral));
  }

  private targetOf(call: CallSession, target: string) {
    return dialTarget(target, this.deps.accounts.account(call.accountId));
  }

  async transfer(callId: string, target: string): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    await call.transfer(this.targetOf(call, target));
    return call.info;
  }

  async attended(callId: string, toCallId: string): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    const consultation = this.deps.registry.get(toCallId);
    await call.transfer(consultation.session);
    return call.info;
  }

  /** The secretary passes a ringing call to a colleague: answer, then transfer blind. */
  async forward(callId: string, target: string): Promise<CallInfo> {
    const call = this.deps.registry.get(callId);
    if (call.state === 'ringing_in') await this.deps.operator.answer(callId, true);
    await call.transfer(this.targetOf(call, target));
    return call.info;
  }

  /** The other side transfers us: accept and call the new party on the same account; the old call ends by their BYE. */
  private async beTransferred(call: CallSession, referral: Referral): Promise<void> {
    const { registry, accounts, logger } = this.deps;
    await referral.accept();
    const inviter = referral.makeInviter();
    const target = inviter.remoteIdentity.uri.user ?? inviter.remoteIdentity.uri.toString();
    const next = registry.register(inviter, accounts.account(call.accountId), { direction: 'out', remoteNumber: target, remoteName: null, contact: registry.contactFor(target) });
    registry.emit(next);
    await next.place().catch((error: unknown) => logger.warn('Transferred call failed', { callId: call.id, error: String(error) }));
  }
}
