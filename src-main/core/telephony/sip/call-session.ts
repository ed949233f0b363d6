import { Invitation, Inviter, SessionState, type Referral, type Session } from 'sip.js';
import type { CallInfo, CallState } from '#contract';
import { DomainError } from '#core/shared/errors';
import { dispositionOf, type Disposition } from '#core/telephony/call-log';
import { callLifecycle, commandRefusal, type CallCommand } from '#core/telephony/call-state';
import type { MachineVerdict, MediaPeer } from '#core/telephony/media/media-peer';
import type { MediaSdhOptions } from './media-sdh';

export interface CallHooks {
  changed: (call: CallSession) => void;
  ended: (call: CallSession, disposition: Disposition) => void;
  /** The other side asks us to call someone else (we are being transferred). */
  referred: (call: CallSession, referral: Referral) => void;
}

export interface CallInit {
  id: string;
  /** The SIP account the call is on: transfers and conferences stay on it. */
  accountId: string;
  direction: 'in' | 'out';
  remoteNumber: string;
  remoteName: string | null;
  contact: CallInfo['contact'];
  interactionId: string | null;
  startedAt: number;
  recording: { announce: boolean } | null;
  /** Placed by the dialer: not the operator's call (never put on hold for theirs) until handed over. */
  placedByDialer?: boolean;
}

/**
 * One call: a sip.js session under our call state machine (see call-state.ts). sip.js's own
 * session states are read only here. Every command checks the state first and says what to do
 * instead; a refused hold or resume is visible (detail) and leaves the call as it was.
 */
export class CallSession {
  readonly id: string;
  readonly accountId: string;
  readonly direction: 'in' | 'out';
  readonly remoteNumber: string;
  readonly remoteName: string | null;
  contact: CallInfo['contact'];
  interactionId: string | null;
  readonly startedAt: number;
  answeredAt: number | null = null;
  endedAt: number | null = null;
  detail: string | null = null;
  endedBy: 'local' | 'remote' | 'system' | null = null;
  /** In a three-way conference with the operator's other call (see CallFocus.conference). */
  conference = false;
  /** Placed by the dialer and not yet handed to the operator (see CallFocus). */
  placedByDialer: boolean;
  /**
   * Recorded by the window once answered, with a consent announcement first or not. Once the recording
   * has begun, a window reloaded mid-call continues it without announcing again.
   */
  recording: { announce: boolean } | null;
  private current: CallState;
  /** Time on hold so far, and since when the call has been held (the other side accepted the hold; null when not held). */
  private heldBefore = 0;
  private heldSince: number | null = null;
  private statusCode: number | null = null;
  private transferred = false;
  private locallyEnded = false;
  /** Until the caller's ACK to our 200 OK arrives, a re-INVITE from us would be dropped by their UA. */
  private ackArrived: Promise<void> = Promise.resolve();
  private ackReceived: (() => void) | undefined;

  constructor(
    readonly session: Session,
    init: CallInit,
    private readonly deps: { hooks: CallHooks; peer: MediaPeer; now: () => number },
  ) {
    this.id = init.id;
    this.accountId = init.accountId;
    this.direction = init.direction;
    this.remoteNumber = init.remoteNumber;
    this.remoteName = init.remoteName;
    this.contact = init.contact;
    this.interactionId = init.interactionId;
    this.startedAt = init.startedAt;
    this.recording = init.recording;
    this.placedByDialer = init.placedByDialer ?? false;
    this.current = init.direction === 'in' ? 'ringing_in' : 'dialing';
    session.delegate = {
      onBye: (bye) => {
        this.endedBy ??= 'remote';
        void bye.accept();
      },
      onRefer: (referral) => deps.hooks.referred(this, referral),
      onInfo: (info) => void info.accept(),
      onAck: () => this.ackReceived?.(),
    };
    if (session instanceof Invitation) {
      session.delegate.onCancel = () => {
        this.endedBy ??= 'remote';
        this.detail = 'The caller hung up before the call was answered';
      };
    }
    session.stateChange.addListener((state) => this.onSessionState(state));
  }

  get state(): CallState {
    return this.current;
  }

  get info(): CallInfo {
    return {
      id: this.id,
      accountId: this.accountId,
      direction: this.direction,
      state: this.current,
      remoteNumber: this.remoteNumber,
      remoteName: this.remoteName,
      contact: this.contact,
      startedAt: this.startedAt,
      answeredAt: this.answeredAt,
      endedAt: this.endedAt,
      detail: this.detail,
      endedBy: this.endedBy,
      interactionId: this.interactionId,
      conference: this.conference,
      recording: this.recording,
    };
  }

  /**
   * How long the other side has been on hold: from each accepted hold to the accepted resume (a refused resume
   * leaves them held), or to the end of a call that ended held.
   */
  get heldMs(): number {
    return this.heldBefore + (this.heldSince === null ? 0 : this.deps.now() - this.heldSince);
  }

  private transition(to: CallState): void {
    if (this.current === to) return;
    callLifecycle.assert(this.current, to);
    this.current = to;
    if (to === 'active' && this.answeredAt === null) this.answeredAt = this.deps.now();
    this.heldUntilNow(to);
    this.deps.hooks.changed(this);
  }

  private heldUntilNow(state: CallState): void {
    if (state === 'held') this.heldSince ??= this.deps.now();
    else if (this.heldSince !== null && (state === 'active' || state === 'ending' || state === 'ended')) {
      this.heldBefore = this.heldMs;
      this.heldSince = null;
    }
  }

  /** sip.js's session states, mapped into ours: the one place that reads them. */
  private onSessionState(state: SessionState): void {
    if (state === SessionState.Established && (this.current === 'dialing' || this.current === 'ringing_out' || this.current === 'answering')) {
      this.transition('active');
    } else if (state === SessionState.Terminated && this.current !== 'ended') {
      // sip.js terminates a rejected INVITE before it tells the request delegate why: let the
      // delegate record the status first, so the disposition (busy, no answer) is right.
      queueMicrotask(() => this.finish());
    }
  }

  private finish(): void {
    if (this.current === 'ended') return;
    this.endedAt = this.deps.now();
    this.endedBy ??= this.locallyEnded ? 'local' : 'system';
    const disposition = dispositionOf({
      direction: this.direction,
      answered: this.answeredAt !== null,
      by: this.endedBy,
      statusCode: this.statusCode,
      transferred: this.transferred,
    });
    this.current = 'ended';
    this.heldUntilNow('ended');
    this.deps.hooks.changed(this);
    this.deps.hooks.ended(this, disposition);
  }

  private check(command: CallCommand): void {
    const refusal = commandRefusal(command, this.current);
    if (refusal) throw new DomainError('conflict', 'call_command_refused', refusal, { callId: this.id, command, state: this.current });
  }

  /** For an outgoing call: sends the INVITE and follows its progress; `onEarlyMedia` hears of a 183 with an answer (the network's tones or announcement). */
  async place(onEarlyMedia?: () => void): Promise<void> {
    if (!(this.session instanceof Inviter)) throw new Error('place() is for outgoing calls');
    // The offer is made under this: the operator neither hears nor is heard on a dialer's call until it is handed over.
    await this.deps.peer.listen(this.id, !this.placedByDialer);
    await this.session.invite({
      requestDelegate: {
        onProgress: (response) => {
          const status = response.message.statusCode;
          if (status === 180 || status === 183) {
            if (this.current === 'dialing') this.transition('ringing_out');
          }
          if (status === 183 && response.message.body) onEarlyMedia?.();
        },
        onReject: (response) => {
          // Our own CANCEL is answered with 487: the call ended as we said, not as the other side refused.
          if (this.locallyEnded) return;
          this.statusCode = response.message.statusCode ?? null;
          this.detail = `${response.message.statusCode} ${response.message.reasonPhrase}`;
          this.endedBy = 'remote';
        },
      },
    });
  }

  async answer(): Promise<void> {
    this.check('answer');
    if (!(this.session instanceof Invitation)) throw new Error('answer() is for incoming calls');
    this.transition('answering');
    this.ackArrived = new Promise((resolve) => {
      this.ackReceived = resolve;
      // An ACK lost on the way is retransmitted with the 200 OK; do not hold commands up longer.
      setTimeout(resolve, 2_000).unref();
    });
    try {
      await this.session.accept();
    } catch (error) {
      this.detail = error instanceof Error ? error.message : String(error);
      this.locallyEnded = true;
      this.endedBy = 'system';
      await this.session.reject({ statusCode: 488 }).catch(() => undefined);
      throw new DomainError('unavailable', 'call_not_answered', `The call could not be answered: ${this.detail}`, { detail: this.detail });
    }
  }

  /**
   * The link to the PBX died while this call rang: its INVITE transaction died with it (no CANCEL
   * can reach us any more), so it ends as missed. sip.js tries a 480 on the way out.
   */
  lostWithLink(): void {
    if (this.current !== 'ringing_in' || !(this.session instanceof Invitation)) return;
    this.endedBy = 'system';
    this.detail = 'The connection to the PBX was lost while the call was ringing';
    this.transition('ending');
    void this.session.dispose().catch(() => undefined);
  }

  /** Refuses a ringing call; `by` is 'system' when the workstation refuses it (do-not-disturb), so it counts as missed. */
  async reject(statusCode = 486, by: 'local' | 'system' = 'local'): Promise<void> {
    this.check('reject');
    if (!(this.session instanceof Invitation)) throw new Error('reject() is for incoming calls');
    this.locallyEnded = true;
    this.endedBy = by;
    this.transition('ending');
    await this.session.reject({ statusCode });
  }

  /** An outgoing call nobody answered in time: cancelled by the workstation, in the history as not answered. */
  async giveUp(detail: string): Promise<void> {
    if (this.current !== 'dialing' && this.current !== 'ringing_out') return;
    this.locallyEnded = true;
    this.endedBy = 'system';
    this.statusCode = 408;
    this.detail = detail;
    this.transition('ending');
    if (this.session instanceof Inviter) await this.session.cancel();
  }

  async hangup(): Promise<void> {
    this.check('hangup');
    this.locallyEnded = true;
    this.endedBy = 'local';
    const establishing = this.session.state === SessionState.Initial || this.session.state === SessionState.Establishing;
    this.transition('ending');
    if (establishing && this.session instanceof Inviter) await this.session.cancel();
    else if (establishing && this.session instanceof Invitation) await this.session.reject({ statusCode: 486 });
    else await this.session.bye();
  }

  hold(): Promise<void> {
    this.check('hold');
    return this.reinvite(true);
  }

  resume(): Promise<void> {
    this.check('resume');
    return this.reinvite(false);
  }

  /** A re-INVITE for hold or resume; the phone bar changes only when the other side accepts. */
  private async reinvite(hold: boolean): Promise<void> {
    const before = this.current;
    this.transition(hold ? 'holding' : 'resuming');
    await this.ackArrived;
    const what = hold ? 'Hold' : 'Resume';
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.sendReinvite(hold);
      if (outcome.ok) {
        if (this.current === (hold ? 'holding' : 'resuming')) this.transition(hold ? 'held' : 'active');
        this.detail = null;
        return;
      }
      // 491 (both sides re-INVITEd at once) and 500 (their previous transaction still open) are
      // races that clear in a moment (RFC 3261 14.1, RFC 6337 4.3): try again, a few times.
      if ((outcome.statusCode === 491 || outcome.statusCode === 500) && attempt < 3 && this.current !== 'ended') {
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt + Math.random() * 200));
        continue;
      }
      this.detail = `${what} ${outcome.statusCode === null ? 'failed' : 'refused'}: ${outcome.reason}`;
      if (this.current === (hold ? 'holding' : 'resuming')) this.transition(before);
      else this.deps.hooks.changed(this);
      throw new DomainError('conflict', 'call_request_refused', this.detail, { callId: this.id, detail: this.detail });
    }
  }

  /**
   * A new window took over the audio (the old one was reloaded or closed): a re-INVITE with its
   * fresh offer brings the sound back, on hold or not as the call was.
   */
  async renegotiate(): Promise<void> {
    if (this.current !== 'active' && this.current !== 'held') return;
    const outcome = await this.sendReinvite(this.current === 'held');
    if (!outcome.ok) {
      this.detail = `Audio not restored: ${outcome.reason}`;
      this.deps.hooks.changed(this);
    }
  }

  private sendReinvite(hold: boolean): Promise<{ ok: true } | { ok: false; statusCode: number | null; reason: string }> {
    const options: MediaSdhOptions = { hold };
    return new Promise((resolve) => {
      this.session
        .invite({
          sessionDescriptionHandlerOptions: options,
          requestDelegate: {
            onAccept: () => resolve({ ok: true }),
            onReject: (response) => resolve({ ok: false, statusCode: response.message.statusCode ?? null, reason: `${response.message.statusCode} ${response.message.reasonPhrase}` }),
          },
        })
        .catch((error: unknown) => resolve({ ok: false, statusCode: null, reason: error instanceof Error ? error.message : String(error) }));
    });
  }

  /** DTMF in the media (RFC 4733) when the window can; otherwise SIP INFO, one tone at a time. */
  async dtmf(tones: string): Promise<'rtp' | 'info'> {
    this.check('dtmf');
    await this.ackArrived;
    if (await this.deps.peer.dtmf(this.id, tones).catch(() => false)) return 'rtp';
    for (const tone of tones) {
      await this.session.info({
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160` } },
      });
    }
    return 'info';
  }

  /** The window's answering-machine detector on the other side's audio, from now on (a dialer asks at the answer). */
  detectMachine(): Promise<MachineVerdict> {
    return this.deps.peer.detectMachine(this.id);
  }

  /** A recorded message sent to the other side in place of the microphone; resolves once it has played. */
  playMessage(audio: Buffer): Promise<void> {
    return this.deps.peer.play(this.id, audio);
  }

  /**
   * A dialer's call becomes the operator's: from now on they hear the other side and are heard by them
   * (what the call sends otherwise, on hold or not, stays as it was). Rejected when the window cannot switch its audio.
   */
  async handToOperator(): Promise<void> {
    this.placedByDialer = false;
    await this.deps.peer.listen(this.id, true);
  }

  /** Blind transfer: REFER to the target, then leave the call once the other side accepts it. */
  async transfer(target: Parameters<Session['refer']>[0]): Promise<void> {
    this.check('transfer');
    await this.ackArrived;
    return new Promise((resolve, reject) => {
      this.session
        .refer(target, {
          requestDelegate: {
            onAccept: () => {
              this.transferred = true;
              this.locallyEnded = true;
              this.endedBy = 'local';
              if (this.current !== 'ended') this.transition('ending');
              void this.session.bye().catch(() => undefined);
              resolve();
            },
            onReject: (response) => {
              this.detail = `Transfer refused: ${response.message.statusCode} ${response.message.reasonPhrase}`;
              this.deps.hooks.changed(this);
              reject(new DomainError('conflict', 'call_request_refused', this.detail, { callId: this.id, detail: this.detail }));
            },
          },
        })
        .catch((error: unknown) => {
          this.detail = `Transfer failed: ${error instanceof Error ? error.message : String(error)}`;
          this.deps.hooks.changed(this);
          reject(new DomainError('conflict', 'call_request_refused', this.detail, { callId: this.id, detail: this.detail }));
        });
    });
  }
}
