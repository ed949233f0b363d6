import type { PhoneStatus } from '#contract';
import type { PhoneService } from '#core/telephony/phone-service';
import type { SessionDeps } from './operator-session';

/** Whether the line a campaign dials through is registered: its own account, else any account of the phone. */
export function lineRegistered(status: PhoneStatus, accountId: string | null): boolean {
  if (accountId === null) return status.registration === 'registered' || (status.accounts ?? []).some((a) => a.registration === 'registered');
  return (status.accounts ?? []).some((a) => a.account.id === accountId && a.registration === 'registered');
}

/** The softphone as the dialer uses it: attempts placed and handed over, ended, listened to, played to, wrapped up. */
export function dialerPhone(phone: PhoneService): SessionDeps['phone'] {
  return {
    place: (request) => phone.attempts.place(request),
    handOver: (callId) => phone.attempts.handOver(callId),
    hangUp: (callId) => phone.operator.hangup(callId),
    detectMachine: (callId) => phone.attempts.detectMachine(callId),
    playMessage: (callId, audio) => phone.attempts.playMessage(callId, audio),
    // The first registered line, as the phone itself picks one, from its status in memory: reading the stored
    // accounts (and unsealing their passwords) on every dial cost more than the rules did.
    defaultAccountId: () => phone.status.current.accounts?.find((a) => a.registration === 'registered')?.account.id ?? null,
    wrapUp: (callId, subject, note, checked) => phone.afterCall.wrapUp(callId, subject, note, { checkQuestionnaire: checked }),
  };
}
