import type { MethodOutput, MethodParams } from '#contract';
import type { Clock } from '#core/shared/clock';
import type { Logger } from '#core/shared/logger';
import type { MediaPeer } from '#core/telephony/media/media-peer';
import { MediaSdh } from '#core/telephony/sip/media-sdh';
import { SipAccount } from '#core/telephony/sip/sip-account';
import type { SipAccountStore } from './sip-account-store';

/**
 * Tries account settings without saving them: registers once with a throw-away user agent and says
 * plainly what happened (unreachable, refused, wrong password, forbidden, no answer).
 */
export function testConnection(
  input: MethodParams<'phone.testAccount'>,
  deps: { store: SipAccountStore; clock: Clock; logger: Logger; media: MediaPeer },
): Promise<MethodOutput<'phone.testAccount'>> {
  const stored = input.id ? deps.store.config(input.id).password : undefined;
  return new Promise((resolve) => {
    let settled = false;
    const account = new SipAccount(
      { id: 'test', label: input.label, wsUrl: input.wsUrl, sipUri: input.sipUri, authUser: input.authUser, password: input.password ?? stored, displayName: input.displayName, record: false, consentAnnouncement: false },
      {
        clock: deps.clock,
        logger: deps.logger,
        onInvite: (invitation) => void invitation.reject({ statusCode: 486 }),
        sdhFactory: (session) => new MediaSdh(() => session.id, deps.media),
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
