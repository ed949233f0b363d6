import { Invitation, Inviter, UserAgent, type Referral, type Session } from 'sip.js';
import type { CallInfo, ColleagueLine, MethodOutput, MethodParams, PhoneStatus, ScreenPop } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { lookupCallerId } from '#core/crm/caller-id';
import { companies, contacts, employees } from '#core/db/schema';
import { createInteraction } from '#core/crm/interactions';
import type { CrmContext } from '#core/crm/crm-context';
import type { Disposable } from '#core/shared/disposable';
import { DomainError, notFound } from '#core/shared/errors';
import { canonicalNumber, phoneKey } from '#core/shared/phone-reading';
import type { Logger } from '#core/shared/logger';
import { assertWrapUpAllowed } from '#core/scripts/responses';
import { CallLog } from './call-log';
import type { MediaPeer } from './media/media-peer';
import { PhoneStatusHolder } from './phone-status';
import { RecordingStore } from './recordings';
import { screenPop } from './screen-pop';
import { callerIdentity } from './caller-identity';
import { originalFromHeader, type RefusedRequest } from './sip/inbound-guard';
import { CallSession } from './sip/call-session';
import { MediaSdh } from './sip/media-sdh';
import { LineWatcher } from './sip/line-watcher';
import { SipAccount } from './sip/sip-account';
import type { SipAccountStore } from './sip-accounts';

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

/** The caller as the INVITE names them (see caller-identity.ts); the From text as sent if the guard rewrote it. */
function callerOf(invitation: Invitation): { number: string; name: string | null; raw: string | null } {
  const request = invitation.request;
  const from = request.getHeader(originalFromHeader) ?? request.getHeader('From');
  const identity = callerIdentity({ assertedIdentity: request.getHeader('P-Asserted-Identity'), remotePartyId: request.getHeader('Remote-Party-ID'), from });
  const remote = invitation.remoteIdentity;
  return identity ?? { number: remote.uri.user ?? remote.uri.toString(), name: remote.displayName || null, raw: from ?? null };
}

/**
 * The softphone: SIP accounts (registration kept alive), calls (in and out, hold, DTMF,
 * transfers, call waiting, do-not-disturb), caller ID with the screen pop, and every call written
 * into the client history by main itself. Audio is the MediaPeer's (the window's WebRTC).
 */
export class PhoneService implements Disposable {
  readonly status: PhoneStatusHolder;
  readonly accounts: SipAccountStore;
  private readonly live = new Map<string, SipAccount>();
  private readonly calls = new Map<string, CallSession>();
  private readonly recent = new Map<string, CallSession>();
  private readonly callIds = new WeakMap<Session, string>();
  private readonly log: CallLog;
  private dnd = false;
  private readonly lineWatcher: LineWatcher;
  /** Ids minted before their sip.js session exists (outgoing calls), handed over on creation. */
  private pendingCallId: string | undefined;

  constructor(private readonly options: PhoneServiceOptions) {
    const { crm } = options;
    this.status = new PhoneStatusHolder(options.events);
    this.accounts = options.accounts;
    this.log = new CallLog(crm.database);
    this.lineWatcher = new LineWatcher({ logger: options.logger, changed: (lines) => options.events.emit('phone.lines', lines) });
  }

  /** Connects every enabled account. */
  async start(): Promise<void> {
    await Promise.all(this.accounts.list().filter((a) => a.enabled).map((a) => this.connect(a.id)));
    this.publishStatus();
  }

  private async connect(accountId: string): Promise<void> {
    await this.live.get(accountId)?.dispose();
    this.live.delete(accountId);
    const config = this.accounts.config(accountId);
    if (!config.enabled) return;
    let lastRegistration: PhoneStatus['registration'] = 'connecting';
    const account = new SipAccount(config, {
      clock: this.options.crm.clock,
      logger: this.options.logger,
      keepAliveMs: this.options.keepAliveMs,
      onStatus: (status) => {
        // Each time the account is registered anew (first time, after a lost link) the line
        // subscriptions start again: the PBX may have forgotten them.
        if (status.registration === 'registered' && lastRegistration !== 'registered') this.lineWatcher.attach(account.ua);
        if (status.registration === 'offline') this.endRingingCalls(account);
        lastRegistration = status.registration;
        this.publishStatus();
      },
      onInvite: (invitation) => this.incoming(account, invitation),
      onRefused: (request) => this.refused(account, request),
      sdhFactory: (session) => new MediaSdh(() => this.callIdOf(session), this.options.media),
    });
    this.live.set(accountId, account);
    await account.start();
  }

  /**
   * An incoming call still ringing when the link to the PBX died can never be answered or cancelled
   * (its transaction lived on that link): it ends now as missed, instead of ringing on screen.
   */
  private endRingingCalls(account: SipAccount): void {
    for (const call of this.calls.values()) {
      if (call.accountId === account.config.id && call.state === 'ringing_in') call.lostWithLink();
    }
  }

  /** An INVITE the transport had to refuse (too large, unreadable) is still a missed call in the history. */
  private refused(account: SipAccount, request: RefusedRequest): void {
    if (request.method !== 'INVITE') return;
    const { crm } = this.options;
    const identity = callerIdentity({ assertedIdentity: request.rawAssertedIdentity, from: request.rawFrom });
    const countries = crm.settings().workingCountries;
    const number = identity ? canonicalNumber(identity.number, countries) : 'unknown';
    const interactionId = crm.ids.next();
    const at = crm.clock.now();
    const contact = identity ? this.contactFor(number) : null;
    const reason = `Refused by the workstation: ${request.status} (${request.reason})`;
    this.log.started({
      interactionId,
      accountId: account.config.id,
      direction: 'in',
      remoteNumber: number,
      remoteRaw: identity?.raw ?? request.rawFrom,
      remoteName: identity?.name ?? null,
      remoteKey: phoneKey(number),
      sipCallId: request.callId,
      contactId: contact?.id ?? null,
      companyId: null,
      employeeId: crm.settings().currentEmployeeId,
      startedAt: at,
    });
    this.log.ended(interactionId, { at, by: 'system', reason, disposition: 'missed' });
    this.options.events.emit('call.updated', {
      id: interactionId,
      direction: 'in',
      state: 'ended',
      remoteNumber: number,
      remoteName: identity?.name ?? null,
      contact,
      startedAt: at,
      answeredAt: null,
      endedAt: at,
      detail: reason,
      endedBy: 'system',
      interactionId,
      conference: false,
      recording: null,
    });
  }

  private callIdOf(session: Session): string {
    let id = this.callIds.get(session);
    if (!id) {
      id = this.pendingCallId ?? this.options.crm.ids.next();
      this.pendingCallId = undefined;
      this.callIds.set(session, id);
    }
    return id;
  }

  /** The phone bar shows the first account; DND is the workstation's. */
  private publishStatus(): void {
    const first = [...this.live.values()][0];
    const status: PhoneStatus = first ? { ...first.status, doNotDisturb: this.dnd } : { registration: 'no_account', doNotDisturb: this.dnd };
    this.status.set(status);
  }

  private primary(): SipAccount {
    const registered = [...this.live.values()].find((a) => a.registered);
    if (!registered) throw new DomainError('unavailable', 'phone_not_registered', 'The phone is not registered with the PBX; check the connection in the phone bar');
    return registered;
  }

  private emit(call: CallSession): void {
    this.options.events.emit('call.updated', call.info);
  }

  private session(callId: string): CallSession {
    const call = this.calls.get(callId);
    if (!call) throw notFound('Call', callId);
    return call;
  }

  private register(
    session: Session,
    account: SipAccount,
    init: Omit<ConstructorParameters<typeof CallSession>[1], 'id' | 'accountId' | 'interactionId' | 'startedAt' | 'recording'>,
    companyId: string | null = null,
    /** The identity header as it arrived (incoming calls). */
    remoteRaw: string | null = null,
  ): CallSession {
    const { crm } = this.options;
    const id = this.callIdOf(session);
    const startedAt = crm.clock.now();
    // One spelling in the history whatever form the number came in; the form itself is kept beside it.
    const remoteNumber = canonicalNumber(init.remoteNumber, crm.settings().workingCountries);
    const interactionId = crm.ids.next();
    const recording = account.config.record ? { announce: account.config.consentAnnouncement } : null;
    const call = new CallSession(session, { ...init, remoteNumber, id, accountId: account.config.id, interactionId, startedAt, recording }, {
      peer: this.options.media,
      now: () => crm.clock.now(),
      hooks: {
        changed: (c) => {
          if (c.state === 'active' && c.answeredAt !== null && c.interactionId) this.log.answered(c.interactionId, c.answeredAt);
          this.emit(c);
        },
        ended: (c, disposition) => {
          if (c.conference) this.dissolveConference();
          if (c.interactionId) this.log.ended(c.interactionId, { at: c.endedAt ?? crm.clock.now(), by: c.endedBy ?? 'system', reason: c.detail, disposition });
          this.calls.delete(c.id);
          this.recent.set(c.id, c);
          // Wrap-up and "create contact from call" come after the call; keep the last few.
          for (const [old, gone] of this.recent) {
            if (this.recent.size <= 50) break;
            this.recent.delete(old);
            if (gone.interactionId) this.options.recordings.finish(gone.interactionId);
          }
        },
        referred: (c, referral) => void this.beTransferred(c, referral, account),
      },
    });
    this.calls.set(id, call);
    this.log.started({
      interactionId,
      accountId: account.config.id,
      direction: init.direction,
      remoteNumber,
      remoteRaw: remoteRaw ?? init.remoteNumber,
      remoteName: init.remoteName,
      remoteKey: phoneKey(remoteNumber),
      sipCallId: session instanceof Invitation ? session.request.callId : null,
      contactId: init.contact?.id ?? null,
      companyId,
      employeeId: crm.settings().currentEmployeeId,
      startedAt,
    });
    return call;
  }

  /** Who a number is, for the history and the screen pop: the first matching contact. */
  private contactFor(number: string): CallInfo['contact'] {
    const match = lookupCallerId(this.options.crm.database.read, number, this.options.crm.settings().workingCountries);
    const first = match.contacts[0];
    return first ? { id: first.id, fullName: first.fullName, companyName: first.companyName } : null;
  }

  private incoming(account: SipAccount, invitation: Invitation): void {
    const caller = callerOf(invitation);
    const { crm } = this.options;
    // The screen pop is ready before anything else happens: the operator reads it while it rings.
    const pop = screenPop(crm.database.read, { callId: this.callIdOf(invitation), number: caller.number, displayName: caller.name }, crm.settings().workingCountries, crm.clock.now());
    const first = pop.contacts[0];
    const contact = first ? { id: first.id, fullName: first.fullName, companyName: first.companyName } : null;
    const call = this.register(invitation, account, { direction: 'in', remoteNumber: caller.number, remoteName: caller.name, contact }, contact ? null : (pop.companies[0]?.id ?? null), caller.raw);
    if (this.dnd) {
      // Still in the history as missed, so the operator can call back.
      call.detail = 'Do not disturb';
      void call.reject(486, 'system').catch((error: unknown) => this.options.logger.warn('DND reject failed', { error: String(error) }));
      return;
    }
    if (invitation.replacee) {
      // A colleague's attended transfer: this call takes the place of one we already have (RFC 3891).
      void this.answer(call.id, false).catch((error: unknown) => this.options.logger.warn('Replacing call not answered', { error: String(error) }));
    }
    this.options.events.emit('call.ringing', { call: call.info, screenPop: pop });
    this.emit(call);
  }

  list(): CallInfo[] {
    return [...this.calls.values()].map((c) => c.info);
  }

  /** A number in any format ("067 123 45 67", "+380…") or a SIP address; dialled through the registered account. */
  async dial(target: string, contactId?: string): Promise<CallInfo> {
    const account = this.primary();
    const uri = this.targetUri(target, account);
    const contact = contactId ? this.contactById(contactId) : this.contactFor(target);
    // One call in the operator's ear: whoever is on the line waits on hold meanwhile.
    this.dissolveConference();
    await this.holdAllBut([]);
    this.pendingCallId = this.options.crm.ids.next();
    const inviter = new Inviter(account.ua, uri);
    const call = this.register(inviter, account, { direction: 'out', remoteNumber: target, remoteName: contact?.fullName ?? null, contact });
    this.emit(call);
    await call.place().catch((error: unknown) => {
      call.detail = error instanceof Error ? error.message : String(error);
      this.emit(call);
    });
    return call.info;
  }

  private contactById(id: string): CallInfo['contact'] {
    const card = this.options.crm.database.read
      .select({ id: contacts.id, fullName: contacts.fullName, companyName: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(eq(contacts.id, id))
      .get();
    if (!card) throw notFound('Contact', id);
    return card;
  }

  private targetUri(target: string, account: SipAccount) {
    const text = target.trim();
    const uri = text.startsWith('sip:') ? UserAgent.makeURI(text) : UserAgent.makeURI(`sip:${text.replace(/[\s()./-]/g, '')}@${account.ua.configuration.uri.host}`);
    if (!uri) throw new DomainError('invalid_payload', 'not_a_dial_target', `${target} is neither a number nor a SIP address`, { target });
    return uri;
  }

  async answer(callId: string, holdOthers: boolean): Promise<CallInfo> {
    const call = this.session(callId);
    if (holdOthers) {
      this.dissolveConference();
      await this.holdAllBut([call]);
    }
    await call.answer();
    return call.info;
  }

  async reject(callId: string): Promise<CallInfo> {
    const call = this.session(callId);
    await call.reject(486);
    return call.info;
  }

  async hangup(callId: string): Promise<CallInfo> {
    const call = this.session(callId);
    await call.hangup();
    return call.info;
  }

  async hold(callId: string): Promise<CallInfo> {
    const call = this.session(callId);
    // Holding a conference holds everyone in it: the operator stepped away from all of them.
    const members = call.conference ? this.conferenceMembers() : [call];
    this.dissolveConference();
    for (const member of members) if (member.state === 'active') await member.hold();
    return call.info;
  }

  async resume(callId: string): Promise<CallInfo> {
    const call = this.session(callId);
    // Only one call (or the conference it is in) is in the operator's ear: the others go on hold first.
    if (!call.conference) this.dissolveConference();
    await this.holdAllBut(call.conference ? this.conferenceMembers() : [call]);
    await call.resume();
    return call.info;
  }

  /** Every active call but these waits on hold. */
  private async holdAllBut(keep: readonly CallSession[]): Promise<void> {
    for (const other of this.calls.values()) if (!keep.includes(other) && other.state === 'active') await other.hold();
  }

  private conferenceMembers(): CallSession[] {
    return [...this.calls.values()].filter((c) => c.conference);
  }

  private dissolveConference(): void {
    for (const member of this.conferenceMembers()) {
      member.conference = false;
      this.emit(member);
    }
  }

  /** The operator and two other parties hear each other; the window mixes the audio. */
  async conference(callIds: readonly [string, string]): Promise<CallInfo[]> {
    const members = callIds.map((id) => this.session(id));
    if (members[0] === members[1]) throw new DomainError('invalid_payload', 'conference_same_call', 'A conference joins two different calls');
    await this.holdAllBut(members);
    for (const member of members) {
      if (member.state === 'held') await member.resume();
      else if (member.state !== 'active') throw new DomainError('conflict', 'conference_needs_active_calls', `Only calls in progress can be joined (one is ${member.state.replace('_', ' ')})`, { callId: member.id, state: member.state });
    }
    for (const member of members) {
      member.conference = true;
      this.emit(member);
    }
    return members.map((m) => m.info);
  }

  /** Leaves the conference talking to this call; the other party waits on hold. */
  async split(callId: string): Promise<CallInfo[]> {
    const call = this.session(callId);
    if (!call.conference) throw new DomainError('conflict', 'not_in_conference', 'The call is not in a conference', { callId });
    const others = this.conferenceMembers().filter((c) => c !== call);
    this.dissolveConference();
    for (const other of others) if (other.state === 'active') await other.hold();
    return [call, ...others].map((c) => c.info);
  }

  async dtmf(callId: string, tones: string): Promise<'rtp' | 'info'> {
    return this.session(callId).dtmf(tones);
  }

  async transfer(callId: string, target: string): Promise<CallInfo> {
    const call = this.session(callId);
    await call.transfer(this.targetUri(target, this.primary()));
    return call.info;
  }

  async attendedTransfer(callId: string, toCallId: string): Promise<CallInfo> {
    const call = this.session(callId);
    const consultation = this.session(toCallId);
    await call.transfer(consultation.session);
    return call.info;
  }

  /** The secretary passes a ringing call to a colleague: answer, then transfer blind. */
  async forward(callId: string, target: string): Promise<CallInfo> {
    const call = this.session(callId);
    if (call.state === 'ringing_in') await this.answer(callId, true);
    await call.transfer(this.targetUri(target, this.primary()));
    return call.info;
  }

  /** A message for a colleague: their planned contact ("call back"), linked to the caller. */
  takeMessage(input: MethodParams<'phone.takeMessage'>): MethodOutput<'phone.takeMessage'> {
    // Usually written while the caller is still on the line, sometimes just after.
    const call = this.calls.get(input.callId) ?? this.recent.get(input.callId);
    if (!call) throw notFound('Call', input.callId);
    const { crm } = this.options;
    const interactionId = crm.database.write((tx) =>
      createInteraction(crm, tx, {
        kind: 'planned',
        direction: null,
        occurredAt: input.callBackAt ?? crm.clock.now() + 30 * 60_000,
        employeeId: input.forEmployeeId,
        contactId: call.contact?.id ?? null,
        companyId: null,
        participantIds: [],
        subject: `${input.text} (${call.remoteName ?? call.remoteNumber}, ${call.remoteNumber})`,
        outcome: null,
        dealId: null,
        complaintId: null,
        durationSeconds: null,
      }),
    );
    return { interactionId };
  }

  setDoNotDisturb(on: boolean): PhoneStatus {
    this.dnd = on;
    this.publishStatus();
    return this.status.current;
  }

  screenPop(callId: string): ScreenPop {
    const call = this.session(callId);
    const { crm } = this.options;
    return screenPop(crm.database.read, { callId, number: call.remoteNumber, displayName: call.remoteName }, crm.settings().workingCountries, crm.clock.now());
  }

  /** The interaction of a call in progress or recently ended; null for a call the phone does not know (any more). */
  interactionIdOf(callId: string): string | null {
    return this.calls.get(callId)?.interactionId ?? this.recent.get(callId)?.interactionId ?? null;
  }

  /** The interaction of a call in progress or recently ended (wrap-up comes after the call). */
  private interactionOf(callId: string): string {
    const interactionId = this.interactionIdOf(callId);
    if (!interactionId) throw notFound('Call', callId);
    return interactionId;
  }

  /** Refused while a questionnaire of the call lacks a required answer (hanging up never is). */
  wrapUp(callId: string, subject: string, outcome: string | null): void {
    const interactionId = this.interactionOf(callId);
    assertWrapUpAllowed(this.options.crm.database.read, interactionId);
    this.log.wrapUp(interactionId, subject, outcome);
  }

  linkContact(callId: string, contactId: string): CallInfo {
    const interactionId = this.interactionOf(callId);
    const contact = this.contactById(contactId);
    this.log.linkContact(interactionId, contactId);
    const call = this.calls.get(callId) ?? this.recent.get(callId);
    if (!call) throw notFound('Call', callId);
    call.contact = contact;
    this.emit(call);
    return call.info;
  }

  /**
   * The next piece of a call's recording from the window. Only calls of a recording account, and
   * only once answered; pieces for a call that just ended are still taken (the recorder flushes last).
   */
  appendRecording(callId: string, recorderId: string, seq: number, bytes: Buffer): void {
    const call = this.calls.get(callId) ?? this.recent.get(callId);
    if (!call?.interactionId) throw notFound('Call', callId);
    if (!call.recording) throw new DomainError('conflict', 'recording_off', 'This call is not being recorded (recording is off for its account)');
    if (call.answeredAt === null) throw new DomainError('conflict', 'recording_needs_answer', 'A call is recorded only once answered');
    if (!this.options.recordings.append(call.interactionId, recorderId, seq, bytes) || seq > 0) return;
    this.log.recorded(call.interactionId, RecordingStore.fileName(call.interactionId));
    call.recording = { announce: false };
  }

  /** A window became the media client: calls in progress get their audio from it. */
  async mediaAttached(): Promise<void> {
    for (const call of this.calls.values()) await call.renegotiate();
  }

  recordQuality(callId: string, q: { jitterMs: number; packetLossPercent: number; roundTripMs: number; mos: number }): void {
    const call = this.calls.get(callId);
    if (call?.interactionId) this.log.quality(call.interactionId, q);
  }

  /** The other side transfers us: accept and call the new party; the old call ends by their BYE. */
  private async beTransferred(call: CallSession, referral: Referral, account: SipAccount): Promise<void> {
    await referral.accept();
    const inviter = referral.makeInviter();
    const target = inviter.remoteIdentity.uri.user ?? inviter.remoteIdentity.uri.toString();
    const next = this.register(inviter, account, { direction: 'out', remoteNumber: target, remoteName: null, contact: this.contactFor(target) });
    this.emit(next);
    await next.place().catch((error: unknown) => this.options.logger.warn('Transferred call failed', { callId: call.id, error: String(error) }));
  }

  /**
   * Tries the settings without saving them: registers once with a throw-away user agent and says
   * plainly what happened (unreachable, refused, wrong password, forbidden, no answer).
   */
  async testConnection(input: MethodParams<'phone.testAccount'>): Promise<MethodOutput<'phone.testAccount'>> {
    const stored = input.id ? this.accounts.config(input.id).password : undefined;
    return new Promise((resolve) => {
      let settled = false;
      const account = new SipAccount(
        { id: 'test', label: input.label, wsUrl: input.wsUrl, sipUri: input.sipUri, authUser: input.authUser, password: input.password ?? stored, displayName: input.displayName, record: false, consentAnnouncement: false },
        {
          clock: this.options.crm.clock,
          logger: this.options.logger,
          onInvite: (invitation) => void invitation.reject({ statusCode: 486 }),
          sdhFactory: (session) => new MediaSdh(() => session.id, this.options.media),
          onStatus: (status) => {
            if (status.registration === 'registered') finish({ ok: true, detail: 'Registered' });
            else if (status.registration === 'failed' || status.registration === 'offline') finish({ ok: false, problem: status.problem ?? 'unreachable', detail: status.detail ?? '' });
          },
        },
      );
      const timer = setTimeout(() => finish({ ok: false, problem: 'timeout', detail: 'No answer from the PBX in 8 seconds' }), 8_000);
      const finish = (result: MethodOutput<'phone.testAccount'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void account.dispose().finally(() => resolve(result));
      };
      void account.start();
    });
  }

  /** Every account that is down tries again now instead of waiting out its backoff. */
  async reconnect(): Promise<PhoneStatus> {
    await Promise.all([...this.live.values()].map((account) => account.retryNow()));
    return this.status.current;
  }

  /** Saves an account and reconnects it. */
  async saveAccount(input: MethodParams<'phone.saveAccount'>) {
    const saved = this.accounts.save(input);
    await this.connect(saved.id);
    this.publishStatus();
    return saved;
  }

  async deleteAccount(id: string): Promise<void> {
    await this.live.get(id)?.dispose();
    this.live.delete(id);
    this.accounts.remove(id);
    this.publishStatus();
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
    this.lineWatcher.sync(colleagues);
    return this.lineWatcher.list();
  }

  async dispose(): Promise<void> {
    this.lineWatcher.dispose();
    for (const call of this.calls.values()) if (call.state !== 'ended' && call.state !== 'ending') await call.hangup().catch(() => undefined);
    await Promise.all([...this.live.values()].map((a) => a.dispose()));
    this.live.clear();
  }
}
