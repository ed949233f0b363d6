import type { ColleagueLine, MethodOutput, MethodParams } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import { and, isNotNull, ne } from 'drizzle-orm';
import type { CrmContext } from '#core/crm/crm-context';
import { employees } from '#core/db/schema';
import type { Disposable } from '#core/shared/disposable';
import type { Logger } from '#core/shared/logger';
import { AccountLines } from './accounts/account-lines';
import { testConnection } from './accounts/connection-test';
import type { PhoneStatusHolder } from './accounts/phone-status';
import type { SipAccountStore } from './accounts/sip-account-store';
import { AfterCall } from './calls/after-call';
import { CallFocus } from './calls/call-focus';
import { CallRegistry } from './calls/call-registry';
import { DialerAttempts } from './calls/dialer-attempts';
import { IncomingCalls } from './calls/incoming-calls';
import { closeInterruptedCalls } from './calls/interrupted-calls';
import { OperatorCalls } from './calls/operator-calls';
import { Transfers } from './calls/transfers';
import type { MediaPeer } from './media/media-peer';
import type { RecordingStore } from './recordings';
import { MediaSdh } from './sip/media-sdh';

export interface PhoneServiceOptions {
  crm: CrmContext;
  events: EventBus;
  accounts: SipAccountStore;
  logger: Logger;
  media: MediaPeer;
  recordings: RecordingStore;
  /** Shorter keep-alive in tests; a dead link shows as offline within two intervals. */
  keepAliveMs?: number;
}

/**
 * The softphone, put together from its parts: the SIP accounts and their lines (accounts/), the calls
 * the phone follows and writes into the history (calls/call-registry), the operator's commands
 * (operator-calls), what the operator hears (call-focus: hold, conference), transfers, calls coming in
 * (incoming-calls: screen pop, do-not-disturb), what comes after a call (after-call: wrap-up, recording)
 * and the dialer's attempts (dialer-attempts). Audio is the MediaPeer's (the window's WebRTC).
 */
export class PhoneService implements Disposable {
  readonly accounts: AccountLines;
  readonly registry: CallRegistry;
  readonly focus: CallFocus;
  readonly operator: OperatorCalls;
  readonly transfers: Transfers;
  readonly afterCall: AfterCall;
  readonly attempts: DialerAttempts;

  constructor(private readonly options: PhoneServiceOptions) {
    const { crm, events, logger, media, recordings } = options;
    this.registry = new CallRegistry({ crm, events, media, recordings });
    const incoming: { calls?: IncomingCalls } = {};
    this.accounts = new AccountLines({
      clock: crm.clock,
      events,
      store: options.accounts,
      logger,
      keepAliveMs: options.keepAliveMs,
      sdhFactory: (session) => new MediaSdh(() => this.registry.idOf(session), media),
      onInvite: (account, invitation) => incoming.calls?.ringing(account, invitation),
      onRefused: (account, request) => incoming.calls?.refused(account, request),
      onOffline: (account) => incoming.calls?.linkLost(account),
    });
    this.focus = new CallFocus(this.registry);
    this.operator = new OperatorCalls({ accounts: this.accounts, registry: this.registry, focus: this.focus });
    incoming.calls = new IncomingCalls({ crm, events, logger, accounts: this.accounts, registry: this.registry, operator: this.operator });
    this.transfers = new Transfers({ logger, accounts: this.accounts, registry: this.registry, operator: this.operator });
    this.afterCall = new AfterCall({ crm, registry: this.registry, recordings });
    this.attempts = new DialerAttempts({
      logger,
      accounts: this.accounts,
      registry: this.registry,
      focus: this.focus,
      setTimer: (fn, ms) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      },
    });
  }

  get status(): PhoneStatusHolder {
    return this.accounts.status;
  }

  /** Closes the calls a stopped workstation left open in the history, then connects every enabled account. */
  async start(): Promise<void> {
    const closed = closeInterruptedCalls(this.options.crm.database);
    if (closed > 0) this.options.logger.info('Calls left open by a stopped workstation closed', { closed });
    await this.accounts.start();
  }

  /** Tries account settings without saving them (see connection-test.ts). */
  testConnection(input: MethodParams<'phone.testAccount'>): Promise<MethodOutput<'phone.testAccount'>> {
    const { accounts: store, crm, logger, media } = this.options;
    return testConnection(input, { store, clock: crm.clock, logger, media });
  }

  /** Colleagues with an extension (not me), their lines watched from now on. */
  lines(): ColleagueLine[] {
    const me = this.options.crm.settings().currentEmployeeId;
    const colleagues = this.options.crm.database.read
      .select({ employeeId: employees.id, name: employees.name, extension: employees.extension })
      .from(employees)
      .where(and(isNotNull(employees.extension), ne(employees.extension, ''), me ? ne(employees.id, me) : undefined))
      .all()
      .map((e) => ({ ...e, extension: e.extension ?? '' }));
    return this.accounts.lines(colleagues);
  }

  /** A window became the media client: calls in progress get their audio from it. */
  async mediaAttached(): Promise<void> {
    for (const call of this.registry.live()) await call.renegotiate();
  }

  async dispose(): Promise<void> {
    for (const call of this.registry.live()) if (call.state !== 'ended' && call.state !== 'ending') await call.hangup().catch(() => undefined);
    await this.accounts.dispose();
  }
}
