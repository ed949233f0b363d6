import { type Invitation, Inviter, Registerer, RegistererState, SIPExtension, UserAgent, type Session } from 'sip.js';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { MediaSdh } from '#core/telephony/sip/media-sdh';
import { WsTransport } from '#core/telephony/sip/ws-transport';

/**
 * The other party in SIP tests: a bare sip.js user agent in Node (no window, no audio), registered
 * through the test Kamailio over WebSocket. It records what it receives: INVITEs, INFO (DTMF),
 * REFER, and the SDP directions of every offer and answer.
 */
export class SipPeer {
  readonly ua: UserAgent;
  readonly media = new StaticMediaPeer(41_000);
  readonly invitations: Invitation[] = [];
  readonly sessions: Session[] = [];
  readonly infos: string[] = [];
  readonly referTargets: string[] = [];
  private readonly registerer: Registerer;
  /** What to do with an incoming call: answer, let it ring, or answer busy. */
  onInvite: 'answer' | 'ring' | 'busy' = 'answer';
  private waiters: (() => void)[] = [];

  constructor(
    readonly user: string,
    wsUrl: string,
  ) {
    const uri = UserAgent.makeURI(`sip:${user}@127.0.0.1`);
    if (!uri) throw new Error('bad uri');
    this.ua = new UserAgent({
      uri,
      authorizationUsername: user,
      authorizationPassword: 'secret',
      transportConstructor: WsTransport,
      transportOptions: { server: wsUrl, keepAliveMs: 2_000 },
      sessionDescriptionHandlerFactory: (session) => new MediaSdh(() => session.id, this.media),
      logBuiltinEnabled: false,
      // Attended transfers land here as an INVITE with Replaces; sip.js then ends the replaced call.
      sipExtensionReplaces: SIPExtension.Supported,
      delegate: {
        onInvite: (invitation) => {
          this.invitations.push(invitation);
          this.track(invitation);
          if (this.onInvite === 'answer') void invitation.accept();
          else if (this.onInvite === 'busy') void invitation.reject({ statusCode: 486 });
          this.wake();
        },
      },
    });
    this.registerer = new Registerer(this.ua, { expires: 300 });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `predicate` holds, re-checked on every event the peer sees. */
  async until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`SipPeer ${this.user}: condition not met in ${timeoutMs} ms`);
      await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), new Promise((resolve) => setTimeout(resolve, 50))]);
    }
  }

  track(session: Session): void {
    this.sessions.push(session);
    session.delegate = {
      onInfo: (info) => {
        this.infos.push(info.request.body);
        void info.accept();
        this.wake();
      },
      onBye: (bye) => void bye.accept(),
      onRefer: (referral) => {
        this.referTargets.push(referral.referTo.uri.toString());
        void referral.accept().then(() => {
          const inviter = referral.makeInviter();
          this.track(inviter);
          void inviter.invite();
        });
        this.wake();
      },
    };
    session.stateChange.addListener(() => this.wake());
  }

  async register(): Promise<void> {
    await this.ua.start();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.user} did not register`)), 10_000);
      this.registerer.stateChange.addListener((state) => {
        if (state === RegistererState.Registered) {
          clearTimeout(timer);
          resolve();
        }
      });
      void this.registerer.register();
    });
  }

  /** Calls someone (a user at the test PBX). */
  async call(target: string, extraHeaders: string[] = []): Promise<Inviter> {
    const uri = UserAgent.makeURI(`sip:${target}@127.0.0.1`);
    if (!uri) throw new Error('bad uri');
    const inviter = new Inviter(this.ua, uri, { extraHeaders });
    this.track(inviter);
    await inviter.invite();
    return inviter;
  }

  async stop(): Promise<void> {
    // unregister() throws at once when the registerer already gave up (the PBX went away).
    await Promise.resolve()
      .then(() => this.registerer.unregister())
      .catch(() => undefined);
    await this.ua.stop().catch(() => undefined);
  }
}
