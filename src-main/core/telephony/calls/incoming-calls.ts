import type { Invitation } from 'sip.js';
import type { EventBus } from '#core/api/event-bus';
import type { CrmContext } from '#core/crm/crm-context';
import type { Logger } from '#core/shared/logger';
import { canonicalNumber, phoneKey } from '#core/shared/phone-reading';
import type { AccountLines } from '#core/telephony/accounts/account-lines';
import { callerIdentity } from '#core/telephony/caller-identity';
import { screenPop } from '#core/telephony/screen-pop';
import { originalFromHeader, type RefusedRequest } from '#core/telephony/sip/inbound-guard';
import type { SipAccount } from '#core/telephony/sip/sip-account';
import type { CallRegistry } from './call-registry';
import type { OperatorCalls } from './operator-calls';

/** The caller as the INVITE names them (see caller-identity.ts); the From text as sent if the guard rewrote it. */
function callerOf(invitation: Invitation): { number: string; name: string | null; raw: string | null } {
  const request = invitation.request;
  const from = request.getHeader(originalFromHeader) ?? request.getHeader('From');
  const identity = callerIdentity({ assertedIdentity: request.getHeader('P-Asserted-Identity'), remotePartyId: request.getHeader('Remote-Party-ID'), from });
  const remote = invitation.remoteIdentity;
  return identity ?? { number: remote.uri.user ?? remote.uri.toString(), name: remote.displayName || null, raw: from ?? null };
}

/**
 * Calls coming in: the screen pop ready before anything else, do-not-disturb of the account called,
 * a colleague's attended transfer taking the place of a call we have, and INVITEs the transport had to
 * refuse, which are still missed calls in the history.
 */
export class IncomingCalls {
  constructor(
    private readonly deps: { crm: CrmContext; events: EventBus; logger: Logger; accounts: AccountLines; registry: CallRegistry; operator: OperatorCalls },
  ) {}

  ringing(account: SipAccount, invitation: Invitation): void {
    const { crm, registry, events, logger } = this.deps;
    const caller = callerOf(invitation);
    // The screen pop is ready before anything else happens: the operator reads it while it rings.
    const pop = screenPop(crm.database.read, { callId: registry.idOf(invitation), number: caller.number, displayName: caller.name }, crm.settings().workingCountries, crm.clock.now());
    const first = pop.contacts[0];
    const contact = first ? { id: first.id, fullName: first.fullName, companyName: first.companyName } : null;
    const call = registry.register(invitation, account, {
      direction: 'in',
      remoteNumber: caller.number,
      remoteName: caller.name,
      contact,
      companyId: contact ? null : (pop.companies[0]?.id ?? null),
      remoteRaw: caller.raw,
    });
    if (this.deps.accounts.doNotDisturb(account.config.id)) {
      // Still in the history as missed, so the operator can call back.
      call.detail = 'Do not disturb';
      void call.reject(486, 'system').catch((error: unknown) => logger.warn('DND reject failed', { error: String(error) }));
      return;
    }
    if (invitation.replacee) {
      // A colleague's attended transfer: this call takes the place of one we already have (RFC 3891).
      void this.deps.operator.answer(call.id, false).catch((error: unknown) => logger.warn('Replacing call not answered', { error: String(error) }));
    }
    events.emit('call.ringing', { call: call.info, screenPop: pop });
    registry.emit(call);
  }

  /**
   * An incoming call still ringing when the link to the PBX died can never be answered or cancelled
   * (its transaction lived on that link): it ends now as missed, instead of ringing on screen.
   */
  linkLost(account: SipAccount): void {
    for (const call of this.deps.registry.live()) {
      if (call.accountId === account.config.id && call.state === 'ringing_in') call.lostWithLink();
    }
  }

  /** An INVITE the transport had to refuse (too large, unreadable) is still a missed call in the history. */
  refused(account: SipAccount, request: RefusedRequest): void {
    if (request.method !== 'INVITE') return;
    const { crm, registry } = this.deps;
    const identity = callerIdentity({ assertedIdentity: request.rawAssertedIdentity, from: request.rawFrom });
    const number = identity ? canonicalNumber(identity.number, crm.settings().workingCountries) : 'unknown';
    const interactionId = crm.ids.next();
    const at = crm.clock.now();
    const contact = identity ? registry.contactFor(number) : null;
    const reason = `Refused by the workstation: ${request.status} (${request.reason})`;
    registry.log.started({
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
    registry.log.ended(interactionId, { at, by: 'system', reason, disposition: 'missed', heldMs: 0 });
    this.deps.events.emit('call.updated', {
      id: interactionId,
      accountId: account.config.id,
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
}
