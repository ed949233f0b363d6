import { Inviter } from 'sip.js';
import type { CallInfo } from '#contract';
import type { Logger } from '#core/shared/logger';
import type { AccountLines } from '#core/telephony/accounts/account-lines';
import type { Disposition } from '#core/telephony/call-log';
import type { MachineVerdict } from '#core/telephony/media/media-peer';
import type { CallSession } from '#core/telephony/sip/call-session';
import type { CallFocus } from './call-focus';
import type { CallRegistry } from './call-registry';
import { dialTarget } from './dial-target';

export type { MachineVerdict };

/** What a dialer hears of one attempt, as it happens. */
export interface AttemptHooks {
  /** A 183 with an answer: the network's ringback or announcement is coming in. */
  earlyMedia?: (call: CallInfo) => void;
  answered?: (call: CallInfo) => void;
  machineVerdict?: (call: CallInfo, verdict: MachineVerdict) => void;
  ended: (call: CallInfo, disposition: Disposition) => void;
}

export interface AttemptRequest {
  accountId: string;
  target: string;
  contactId: string | null;
  /** The campaign the attempt is for: the call carries it into the history (reports by campaign). */
  campaignId?: string;
  /** The attempt gives up (no answer) after this long ringing. */
  ringTimeoutMs: number;
  /** Extra SIP headers on the INVITE, e.g. `X-Campaign-Id: …` or `P-Preferred-Identity: <sip:+380…@pbx>`. */
  headers: readonly string[];
  hooks: AttemptHooks;
}

/**
 * Calls a dialer places for the operator: several at once, each with its ring timeout and headers, none
 * putting the operator's call on hold. An answered attempt stays the dialer's until `handOver` makes it the
 * operator's call (then it is held and resumed like any other); until then the operator neither hears it nor is
 * heard on it. The dialer hangs up the ones it cannot hand over.
 */
export class DialerAttempts {
  private readonly hooks = new Map<string, AttemptHooks>();

  constructor(
    private readonly deps: { logger: Logger; accounts: AccountLines; registry: CallRegistry; focus: CallFocus; setTimer: (fn: () => void, ms: number) => () => void },
  ) {}

  /** Sends the INVITE and returns at once; what follows comes through the hooks. */
  place(request: AttemptRequest): CallInfo {
    const { accounts, registry, setTimer, logger } = this.deps;
    const account = accounts.forDialing(request.accountId);
    const uri = dialTarget(request.target, account);
    const contact = request.contactId ? registry.contactById(request.contactId) : null;
    const callId = registry.nextOutgoingId();
    this.hooks.set(callId, request.hooks);
    let cancelRing = () => undefined as void;
    const call = registry.register(
      new Inviter(account.ua, uri, { extraHeaders: [...request.headers] }),
      account,
      { direction: 'out', remoteNumber: request.target, remoteName: contact?.fullName ?? null, contact, placedByDialer: true, campaignId: request.campaignId },
      {
        changed: (c) => {
          if (c.state === 'active' && c.answeredAt !== null) {
            cancelRing();
            request.hooks.answered?.(c.info);
          }
        },
        ended: (c, disposition) => {
          cancelRing();
          this.hooks.delete(c.id);
          request.hooks.ended(c.info, disposition);
        },
      },
    );
    cancelRing = setTimer(() => void call.giveUp(`No answer in ${Math.round(request.ringTimeoutMs / 1000)} s`), request.ringTimeoutMs);
    registry.emit(call);
    call.place(() => request.hooks.earlyMedia?.(call.info)).catch((error: unknown) => {
      call.detail = error instanceof Error ? error.message : String(error);
      logger.warn('Dialer attempt not placed', { callId, error: call.detail });
      registry.emit(call);
    });
    return call.info;
  }

  /**
   * Has the window's answering-machine detector listen to an answered attempt (ask at the answer): the
   * verdict goes to the attempt's machineVerdict hook and back to the caller. Rejected when the window
   * has no audio for the call or the call ends first.
   */
  async detectMachine(callId: string): Promise<MachineVerdict> {
    const call = this.deps.registry.get(callId);
    const verdict = await call.detectMachine();
    this.hooks.get(callId)?.machineVerdict?.(call.info, verdict);
    return verdict;
  }

  /** Plays a recorded message to an answered attempt (voicemail, or the message an abandoned call must hear); resolves once it has played. */
  playMessage(callId: string, audio: Buffer): Promise<void> {
    return this.deps.registry.get(callId).playMessage(audio);
  }

  /**
   * The answered attempt becomes the operator's call: they hear the customer and are heard from now on (first,
   * so the customer waits for no re-INVITE), and whoever else they were talking to waits on hold. A window that
   * cannot switch the audio fails the hand-over, but the call is the operator's all the same.
   */
  async handOver(callId: string): Promise<CallSession> {
    const call = this.deps.registry.get(callId);
    try {
      await call.handToOperator();
    } finally {
      await this.deps.focus.focusOn(call);
      this.deps.registry.emit(call);
    }
    return call;
  }
}
