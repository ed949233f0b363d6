import type { Invitation, Session, SessionDescriptionHandler } from 'sip.js';
import type { ColleagueLine, LineState, MethodParams, PhoneStatus, SipAccount as SipAccountRecord } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import type { Clock } from '#core/shared/clock';
import type { Disposable } from '#core/shared/disposable';
import { DomainError, notFound } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { RefusedRequest } from '#core/telephony/sip/inbound-guard';
import { LineWatcher, type Colleague } from '#core/telephony/sip/line-watcher';
import { SipAccount } from '#core/telephony/sip/sip-account';
import { PhoneStatusHolder } from './phone-status';
import type { SipAccountStore } from './sip-account-store';

export interface AccountLinesDeps {
  clock: Clock;
  events: EventBus;
  store: SipAccountStore;
  logger: Logger;
  sdhFactory: (session: Session) => SessionDescriptionHandler;
  onInvite: (account: SipAccount, invitation: Invitation) => void;
  onRefused: (account: SipAccount, request: RefusedRequest) => void;
  /** The account's link to its PBX died: its ringing calls can no longer be answered. */
  onOffline: (account: SipAccount) => void;
  /** Shorter keep-alive in tests; a dead link shows as offline within two intervals. */
  keepAliveMs?: number;
}

/** An account connected now, with what belongs to it alone. */
interface LiveAccount {
  sip: SipAccount;
  /** Colleagues' lines as this account's PBX reports them. */
  watcher: LineWatcher;
  doNotDisturb: boolean;
}

/** A state known beats "unknown": a colleague's extension usually lives on one of the PBXs only. */
const lineRank: Record<LineState, number> = { unknown: 0, idle: 1, ringing: 2, busy: 3 };

/**
 * The operator's SIP accounts, each kept registered with its own PBX: its registration, its do-not-disturb,
 * and its watch over colleagues' lines. The phone bar shows every account; calls are placed through the
 * account asked for (or the first registered one) and stay on it.
 */
export class AccountLines implements Disposable {
  readonly status: PhoneStatusHolder;
  private readonly live = new Map<string, LiveAccount>();
  private colleagues: readonly Colleague[] = [];

  constructor(private readonly deps: AccountLinesDeps) {
    this.status = new PhoneStatusHolder(deps.events);
  }

  /** Connects every enabled account. */
  async start(): Promise<void> {
    await Promise.all(this.deps.store.list().filter((a) => a.enabled).map((a) => this.connect(a.id)));
    this.publishStatus();
  }

  list(): SipAccountRecord[] {
    return this.deps.store.list();
  }

  /** Where the accounts' settings and secrets are kept. */
  get store(): SipAccountStore {
    return this.deps.store;
  }

  private async connect(accountId: string): Promise<void> {
    const previous = this.live.get(accountId);
    this.live.delete(accountId);
    if (previous) await this.disconnect(previous);
    const config = this.deps.store.config(accountId);
    if (!config.enabled) return;
    let lastRegistration: PhoneStatus['registration'] = 'connecting';
    const watcher = new LineWatcher({ logger: this.deps.logger, changed: () => this.publishLines() });
    watcher.sync(this.colleagues);
    const sip = new SipAccount(config, {
      clock: this.deps.clock,
      logger: this.deps.logger,
      keepAliveMs: this.deps.keepAliveMs,
      onStatus: (status) => {
        // Each time the account is registered anew (first time, after a lost link) the line
        // subscriptions start again: the PBX may have forgotten them.
        if (status.registration === 'registered' && lastRegistration !== 'registered') watcher.attach(sip.ua);
        if (status.registration === 'offline') this.deps.onOffline(sip);
        lastRegistration = status.registration;
        this.publishStatus();
      },
      onInvite: (invitation) => this.deps.onInvite(sip, invitation),
      onRefused: (request) => this.deps.onRefused(sip, request),
      sdhFactory: this.deps.sdhFactory,
    });
    // Do-not-disturb outlives a reconnection with new settings: the operator set it, not the settings.
    this.live.set(accountId, { sip, watcher, doNotDisturb: previous?.doNotDisturb ?? false });
    await sip.start();
  }

  private async disconnect(account: LiveAccount): Promise<void> {
    account.watcher.dispose();
    await account.sip.dispose();
  }

  private publishStatus(): void {
    const accounts = [...this.live.values()].map(({ sip, doNotDisturb }) => ({ ...sip.status, account: { id: sip.config.id, label: sip.config.label }, doNotDisturb }));
    const [first] = accounts;
    this.status.set(first ? { ...first, accounts } : { registration: 'no_account', accounts });
  }

  /** An account connected now, registered or not (a call stays on its account whatever its state). */
  account(accountId: string): SipAccount {
    const live = this.live.get(accountId);
    if (!live) throw notFound('SIP account', accountId);
    return live.sip;
  }

  /** The account to place a call through: the one asked for, registered, or else the first registered one. */
  forDialing(accountId?: string): SipAccount {
    const candidates = accountId === undefined ? [...this.live.values()] : [this.live.get(accountId)].filter((a) => a !== undefined);
    if (accountId !== undefined && candidates.length === 0) throw notFound('SIP account', accountId);
    const registered = candidates.find((a) => a.sip.registered);
    if (!registered) throw new DomainError('unavailable', 'phone_not_registered', 'The phone is not registered with the PBX; check the connection in the phone bar');
    return registered.sip;
  }

  doNotDisturb(accountId: string): boolean {
    return this.live.get(accountId)?.doNotDisturb ?? false;
  }

  setDoNotDisturb(on: boolean, accountId?: string): PhoneStatus {
    if (accountId !== undefined && !this.live.has(accountId)) throw notFound('SIP account', accountId);
    for (const [id, account] of this.live) if (accountId === undefined || id === accountId) account.doNotDisturb = on;
    this.publishStatus();
    return this.status.current;
  }

  /** Every account that is down tries again now instead of waiting out its backoff. */
  async reconnect(): Promise<PhoneStatus> {
    await Promise.all([...this.live.values()].map((account) => account.sip.retryNow()));
    return this.status.current;
  }

  /** Saves an account and reconnects it. */
  async save(input: MethodParams<'phone.saveAccount'>): Promise<SipAccountRecord> {
    const saved = this.deps.store.save(input);
    await this.connect(saved.id);
    this.publishStatus();
    return saved;
  }

  async remove(id: string): Promise<void> {
    const live = this.live.get(id);
    this.live.delete(id);
    if (live) await this.disconnect(live);
    this.deps.store.remove(id);
    this.publishStatus();
    this.publishLines();
  }

  /** Watches exactly these colleagues on every account from now on; their lines as the PBXs report them. */
  lines(colleagues: readonly Colleague[]): ColleagueLine[] {
    this.colleagues = colleagues;
    for (const { watcher } of this.live.values()) watcher.sync(colleagues);
    return this.mergedLines();
  }

  private mergedLines(): ColleagueLine[] {
    const byEmployee = new Map<string, ColleagueLine>();
    for (const { watcher } of this.live.values()) {
      for (const line of watcher.list()) {
        const known = byEmployee.get(line.employeeId);
        if (!known || lineRank[line.state] > lineRank[known.state]) byEmployee.set(line.employeeId, line);
      }
    }
    return [...byEmployee.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private publishLines(): void {
    this.deps.events.emit('phone.lines', this.mergedLines());
  }

  async dispose(): Promise<void> {
    const accounts = [...this.live.values()];
    this.live.clear();
    await Promise.all(accounts.map((a) => this.disconnect(a)));
  }
}
