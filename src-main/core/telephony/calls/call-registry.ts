import { eq } from 'drizzle-orm';
import { Invitation, type Session } from 'sip.js';
import type { CallInfo } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import { lookupCallerId } from '#core/crm/caller-id';
import type { CrmContext } from '#core/crm/crm-context';
import { preparedOnce } from '#core/db/prepared-once';
import { calls } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { canonicalNumber, phoneKey } from '#core/shared/phone-reading';
import { CallLog, type Disposition } from '#core/telephony/call-log';
import type { MediaPeer } from '#core/telephony/media/media-peer';
import type { RecordingStore } from '#core/telephony/recordings';
import { CallSession, type CallHooks, type CallInit } from '#core/telephony/sip/call-session';
import type { SipAccount } from '#core/telephony/sip/sip-account';

/** Who a call is with, read for every call placed (a power dialer's several a second). */
const cards = preparedOnce((sqlite) =>
  sqlite.prepare<[string], NonNullable<CallInfo['contact']>>(
    'SELECT c.id, c.full_name AS fullName, co.name AS companyName FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?',
  ),
);

/** What a call is registered with besides its session and account. */
export type CallRegistration = Omit<CallInit, 'id' | 'accountId' | 'interactionId' | 'startedAt' | 'recording'> & {
  companyId?: string | null;
  /** The identity header as it arrived (incoming calls). */
  remoteRaw?: string | null;
  /** The campaign a dialer places the call for. */
  campaignId?: string | null;
};

/** What else wants to hear of one call (a dialer attempt's engine, the conference). */
export interface CallWatcher {
  changed?: (call: CallSession) => void;
  ended?: (call: CallSession, disposition: Disposition) => void;
}

/**
 * The calls the phone knows: those in progress, and the last few ended (a recording's last piece, a contact
 * linked from the call bar). Every call is written into the history (CallLog) as it happens; anything later
 * about a call (wrap-up, links) goes by its interaction, so it works for any call, after a restart too.
 */
export class CallRegistry {
  readonly log: CallLog;
  private readonly calls = new Map<string, CallSession>();
  private readonly recent = new Map<string, CallSession>();
  private readonly callIds = new WeakMap<Session, string>();
  /** Ids minted before their sip.js session exists (outgoing calls), handed over on creation. */
  private pendingCallId: string | undefined;
  /** The conference and transfers hear of every call through these. */
  private readonly watchers: CallWatcher[] = [];
  private referred: CallHooks['referred'] = () => undefined;

  constructor(
    private readonly deps: { crm: CrmContext; events: EventBus; media: MediaPeer; recordings: RecordingStore },
  ) {
    this.log = new CallLog(deps.crm.database);
  }

  /** Every call's changes and ends are told to `watcher` too. */
  watch(watcher: CallWatcher): void {
    this.watchers.push(watcher);
  }

  /** Who handles the other side's REFER (see transfers.ts). */
  onReferred(handler: CallHooks['referred']): void {
    this.referred = handler;
  }

  /** The call id of a session; an outgoing one takes the id minted for it by `nextOutgoingId`. */
  idOf(session: Session): string {
    let id = this.callIds.get(session);
    if (!id) {
      id = this.pendingCallId ?? this.deps.crm.ids.next();
      this.pendingCallId = undefined;
      this.callIds.set(session, id);
    }
    return id;
  }

  /** Mints the id of the outgoing call about to be created (its SDP is asked for under this id). */
  nextOutgoingId(): string {
    this.pendingCallId = this.deps.crm.ids.next();
    return this.pendingCallId;
  }

  emit(call: CallSession): void {
    this.deps.events.emit('call.updated', call.info);
  }

  list(): CallInfo[] {
    return [...this.calls.values()].map((c) => c.info);
  }

  live(): CallSession[] {
    return [...this.calls.values()];
  }

  /** A call in progress. */
  get(callId: string): CallSession {
    const call = this.calls.get(callId);
    if (!call) throw notFound('Call', callId);
    return call;
  }

  /** A call in progress or just ended. */
  known(callId: string): CallSession | undefined {
    return this.calls.get(callId) ?? this.recent.get(callId);
  }

  /**
   * The interaction of a call: one the phone knows by its call id, or any call in the history by its
   * interaction id (after a restart, the phone's call ids are gone; the history is not). Null when neither.
   */
  interactionIdOf(callId: string): string | null {
    const known = this.known(callId)?.interactionId;
    if (known) return known;
    const stored = this.deps.crm.database.read.select({ id: calls.interactionId }).from(calls).where(eq(calls.interactionId, callId)).get();
    return stored?.id ?? null;
  }

  interactionOf(callId: string): string {
    const interactionId = this.interactionIdOf(callId);
    if (!interactionId) throw notFound('Call', callId);
    return interactionId;
  }

  /** Who a number is, for the history and the screen pop: the first matching contact. */
  contactFor(number: string): CallInfo['contact'] {
    const { crm } = this.deps;
    const first = lookupCallerId(crm.database.read, number, crm.settings().workingCountries).contacts[0];
    return first ? { id: first.id, fullName: first.fullName, companyName: first.companyName } : null;
  }

  contactById(id: string): NonNullable<CallInfo['contact']> {
    const card = cards(this.deps.crm.database.read).get(id);
    if (!card) throw notFound('Contact', id);
    return card;
  }

  /** A new call on an account: followed from now on and written into the history at once. */
  register(session: Session, account: SipAccount, init: CallRegistration, watcher?: CallWatcher): CallSession {
    const { crm } = this.deps;
    const id = this.idOf(session);
    const startedAt = crm.clock.now();
    const settings = crm.settings();
    // One spelling in the history whatever form the number came in; the form itself is kept beside it.
    const remoteNumber = canonicalNumber(init.remoteNumber, settings.workingCountries);
    const interactionId = crm.ids.next();
    const recording = account.config.record ? { announce: account.config.consentAnnouncement } : null;
    const watchers = watcher ? [...this.watchers, watcher] : this.watchers;
    const call = new CallSession(session, { ...init, remoteNumber, id, accountId: account.config.id, interactionId, startedAt, recording }, {
      peer: this.deps.media,
      now: () => crm.clock.now(),
      hooks: {
        changed: (c) => {
          if (c.state === 'active' && c.answeredAt !== null && c.interactionId) this.log.answered(c.interactionId, c.answeredAt);
          this.emit(c);
          for (const w of watchers) w.changed?.(c);
        },
        ended: (c, disposition) => {
          if (c.interactionId) this.log.ended(c.interactionId, { at: c.endedAt ?? crm.clock.now(), by: c.endedBy ?? 'system', reason: c.detail, disposition, heldMs: c.heldMs });
          this.calls.delete(c.id);
          this.keepRecent(c);
          for (const w of watchers) w.ended?.(c, disposition);
        },
        referred: (c, referral) => this.referred(c, referral),
      },
    });
    this.calls.set(id, call);
    this.log.started({
      interactionId,
      accountId: account.config.id,
      direction: init.direction,
      remoteNumber,
      remoteRaw: init.remoteRaw ?? init.remoteNumber,
      remoteName: init.remoteName,
      remoteKey: phoneKey(remoteNumber),
      sipCallId: session instanceof Invitation ? session.request.callId : null,
      contactId: init.contact?.id ?? null,
      companyId: init.companyId ?? null,
      employeeId: settings.currentEmployeeId,
      campaignId: init.campaignId ?? null,
      startedAt,
    });
    return call;
  }

  /** A recording's last pieces come just after the call ends; the last few ended calls are kept for them. */
  private keepRecent(call: CallSession): void {
    this.recent.set(call.id, call);
    for (const [old, gone] of this.recent) {
      if (this.recent.size <= 50) break;
      this.recent.delete(old);
      if (gone.interactionId) this.deps.recordings.finish(gone.interactionId);
    }
  }
}
