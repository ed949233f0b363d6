import type { CallInfo } from '#contract';
import { DomainError } from '#core/shared/errors';
import type { CallSession } from '#core/telephony/sip/call-session';
import type { CallRegistry } from './call-registry';

/**
 * Which calls the operator hears: one call, or two joined into a three-way conference (mixed in the
 * window); every other call in progress waits on hold. Calls a dialer places are not the operator's
 * until handed over, so they are never put on hold here.
 */
export class CallFocus {
  constructor(private readonly registry: CallRegistry) {
    registry.watch({ ended: (call) => call.conference && this.dissolve() });
  }

  /** The operator's calls: every call but a dialer's attempts not yet handed to the operator. */
  private operatorCalls(): CallSession[] {
    return this.registry.live().filter((c) => !c.placedByDialer);
  }

  /** Every active call of the operator's but these waits on hold. */
  async holdAllBut(keep: readonly CallSession[]): Promise<void> {
    for (const other of this.operatorCalls()) if (!keep.includes(other) && other.state === 'active') await other.hold();
  }

  members(): CallSession[] {
    return this.registry.live().filter((c) => c.conference);
  }

  dissolve(): void {
    for (const member of this.members()) {
      member.conference = false;
      this.registry.emit(member);
    }
  }

  /** Only this call (and its conference, if it is in one) in the operator's ear from now on. */
  async focusOn(call: CallSession): Promise<void> {
    if (!call.conference) this.dissolve();
    await this.holdAllBut(call.conference ? this.members() : [call]);
  }

  async hold(callId: string): Promise<CallInfo> {
    const call = this.registry.get(callId);
    // Holding a conference holds everyone in it: the operator stepped away from all of them.
    const members = call.conference ? this.members() : [call];
    this.dissolve();
    for (const member of members) if (member.state === 'active') await member.hold();
    return call.info;
  }

  async resume(callId: string): Promise<CallInfo> {
    const call = this.registry.get(callId);
    await this.focusOn(call);
    await call.resume();
    return call.info;
  }

  /** The operator and two other parties hear each other; the window mixes the audio. */
  async conference(callIds: readonly [string, string]): Promise<CallInfo[]> {
    const members = callIds.map((id) => this.registry.get(id));
    if (members[0] === members[1]) throw new DomainError('invalid_payload', 'conference_same_call', 'A conference joins two different calls');
    await this.holdAllBut(members);
    for (const member of members) {
      if (member.state === 'held') await member.resume();
      else if (member.state !== 'active') throw new DomainError('conflict', 'conference_needs_active_calls', `Only calls in progress can be joined (one is ${member.state.replace('_', ' ')})`, { callId: member.id, state: member.state });
    }
    for (const member of members) {
      member.conference = true;
      this.registry.emit(member);
    }
    return members.map((m) => m.info);
  }

  /** Leaves the conference talking to this call; the other party waits on hold. */
  async split(callId: string): Promise<CallInfo[]> {
    const call = this.registry.get(callId);
    if (!call.conference) throw new DomainError('conflict', 'not_in_conference', 'The call is not in a conference', { callId });
    const others = this.members().filter((c) => c !== call);
    this.dissolve();
    for (const other of others) if (other.state === 'active') await other.hold();
    return [call, ...others].map((c) => c.info);
  }
}
