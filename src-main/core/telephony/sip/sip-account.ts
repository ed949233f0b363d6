import { Registerer, RegistererState, SIPExtension, TransportState, UserAgent, UserAgentState, type Invitation, type Session, type SessionDescriptionHandler } from 'sip.js';
import type { AccountLineStatus, RegistrationProblem, RegistrationState } from '#contract';
import type { Clock } from '#core/shared/clock';
import type { Disposable } from '#core/shared/disposable';
import type { Logger } from '#core/shared/logger';
import { isPermanentRefusal, registrationLifecycle, registrationProblem } from '#core/telephony/registration-state';
import type { RefusedRequest } from './inbound-guard';
import { WsTransport, type WsTransportOptions } from './ws-transport';

export interface SipAccountConfig {
  id: string;
  label: string;
  wsUrl: string;
  sipUri: string;
  authUser: string;
  password: string | undefined;
  displayName: string;
  record: boolean;
  consentAnnouncement: boolean;
}

export interface SipAccountDeps {
  clock: Clock;
  logger: Logger;
  onStatus: (status: AccountLineStatus) => void;
  onInvite: (invitation: Invitation) => void;
  /** A request the transport answered itself (too large, unreadable signalling). */
  onRefused?: (request: RefusedRequest) => void;
  sdhFactory: (session: Session) => SessionDescriptionHandler;
  keepAliveMs?: number;
  registerExpiresSeconds?: number;
}

/** Waits between reconnection attempts: quick at first (a PBX restart takes seconds), then calmer. */
export function reconnectDelayMs(attempt: number): number {
  if (attempt < 30) return Math.min(250 * 2 ** attempt, 1_000);
  return Math.min(1_000 * 2 ** Math.min(attempt - 30, 4), 15_000);
}

/**
 * One SIP account: a sip.js UserAgent over our WebSocket transport and its registration, kept
 * alive. A lost link (keep-alive unanswered, PBX restarted) shows as "offline" and is retried;
 * once connected again the account registers again by itself. A refusal (wrong password,
 * forbidden) shows as "failed" and is not retried until the settings change.
 */
export class SipAccount implements Disposable {
  readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private state: RegistrationState = 'connecting';
  private detail: string | undefined;
  private problem: RegistrationProblem | undefined;
  private retryAt: number | undefined;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    readonly config: SipAccountConfig,
    private readonly deps: SipAccountDeps,
  ) {
    const uri = UserAgent.makeURI(config.sipUri);
    if (!uri) throw new Error(`Not a SIP address: ${config.sipUri}`);
    this.ua = new UserAgent({
      uri,
      displayName: config.displayName || undefined,
      authorizationUsername: config.authUser || uri.user,
      authorizationPassword: config.password,
      transportConstructor: WsTransport,
      transportOptions: { server: config.wsUrl, keepAliveMs: deps.keepAliveMs ?? 4_000, logger: deps.logger, ...(deps.onRefused ? { onRefused: deps.onRefused } : {}) } satisfies WsTransportOptions,
      sessionDescriptionHandlerFactory: deps.sdhFactory,
      userAgentString: 'Operator Workstation',
      logBuiltinEnabled: false,
      logLevel: 'error',
      logConnector: (level, category, _label, content) => deps.logger.debug('sip.js', { level, category, content }),
      delegate: { onInvite: (invitation) => deps.onInvite(invitation) },
      noAnswerTimeout: 120,
      // A colleague's attended transfer to us arrives as an INVITE replacing one of our calls.
      sipExtensionReplaces: SIPExtension.Supported,
    });
    this.registerer = new Registerer(this.ua, { expires: deps.registerExpiresSeconds ?? 300 });
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) {
        this.attempt = 0;
        this.set('registered');
      }
    });
    this.ua.transport.stateChange.addListener((state) => {
      // While connecting, the failed connect() reports the precise reason (refused, timeout) itself.
      const wasUp = this.state === 'registering' || this.state === 'registered';
      if (state === TransportState.Disconnected && !this.stopped && wasUp) this.lost('connection to the PBX lost', 'link_lost');
    });
  }

  get status(): AccountLineStatus {
    return {
      registration: this.state,
      account: { id: this.config.id, label: this.config.label },
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.problem ? { problem: this.problem } : {}),
      ...(this.retryAt !== undefined && this.state === 'offline' ? { retryAt: this.retryAt } : {}),
    };
  }

  get registered(): boolean {
    return this.state === 'registered';
  }

  /** Every change of registration state goes through the table in registration-state.ts. */
  private set(state: RegistrationState, detail?: string, problem?: RegistrationProblem): void {
    registrationLifecycle.assert(this.state, state);
    this.state = state;
    this.detail = detail;
    this.problem = problem;
    this.deps.onStatus(this.status);
  }

  /** Connects and registers; afterwards keeps the registration up by itself. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connectAndRegister();
  }

  private async connectAndRegister(): Promise<void> {
    if (this.stopped) return;
    this.set('connecting');
    try {
      if (this.ua.state === UserAgentState.Started) await this.ua.transport.connect();
      else await this.ua.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.lost(message, registrationProblem({ error: message }));
      return;
    }
    this.set('registering');
    await this.registerer
      .register({
        requestDelegate: {
          // sip.js's Registerer may already think it is registered (it does not notice a lost link), so its
          // state change would not fire: the 200 OK to this REGISTER is the fact to go by.
          onAccept: () => {
            this.attempt = 0;
            this.set('registered');
          },
          onReject: (response) => {
            const { statusCode, reasonPhrase } = response.message;
            const detail = `${statusCode} ${reasonPhrase}`;
            const problem = registrationProblem({ statusCode: statusCode ?? 0 });
            if (isPermanentRefusal(problem)) this.set('failed', detail, problem);
            else this.lost(detail, problem);
          },
        },
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.lost(message, registrationProblem({ error: message }));
      });
  }

  private lost(detail: string, problem: RegistrationProblem): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const delay = reconnectDelayMs(this.attempt++);
    this.retryAt = this.deps.clock.now() + delay;
    this.set('offline', detail, problem);
    this.retryTimer = setTimeout(() => void this.connectAndRegister(), delay);
  }

  /** The operator's "Retry now": skips the backoff wait, or tries failed credentials again. */
  async retryNow(): Promise<void> {
    if (this.stopped || (this.state !== 'offline' && this.state !== 'failed')) return;
    clearTimeout(this.retryTimer);
    await this.connectAndRegister();
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    // Unregistering is a courtesy to the PBX; over a dead link sip.js would wait 32 s for an answer.
    const bounded = (work: Promise<unknown>) => Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_500).unref())]);
    if (this.registerer.state === RegistererState.Registered && this.ua.transport.isConnected()) await bounded(this.registerer.unregister());
    await bounded(this.registerer.dispose());
    await bounded(this.ua.stop());
    await this.ua.transport.dispose();
  }
}
