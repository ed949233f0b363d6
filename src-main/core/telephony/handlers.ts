import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { DomainError } from '#core/shared/errors';
import type { RendererMediaPeer } from './media/renderer-media-peer';
import { callHistory, missedCalls } from './call-history';
import type { PhoneService } from './phone-service';

const ok = { ok: true as const };

/** The softphone's slice of the API. */
export function telephonyHandlers(crm: CrmContext, phone: PhoneService, media: RendererMediaPeer | null) {
  const needMedia = () => {
    if (!media) throw new DomainError('unavailable', 'This workstation handles call audio without a window');
    return media;
  };
  return defineHandlers({
    'calls.history': (request) => callHistory(crm.database.read, request),
    'calls.missed': () => missedCalls(crm.database.read, crm.clock.now()),
    'phone.status': () => phone.status.current,
    'phone.accounts': () => phone.accounts.list(),
    'phone.saveAccount': (input) => phone.saveAccount(input),
    'phone.deleteAccount': async ({ id }) => {
      await phone.deleteAccount(id);
      return ok;
    },
    'phone.testAccount': (input) => phone.testConnection(input),
    'phone.calls': () => phone.list(),
    'phone.dial': ({ target, contactId }) => phone.dial(target, contactId),
    'phone.answer': ({ callId, holdOthers }) => phone.answer(callId, holdOthers),
    'phone.reject': ({ callId }) => phone.reject(callId),
    'phone.hangup': ({ callId }) => phone.hangup(callId),
    'phone.hold': ({ callId }) => phone.hold(callId),
    'phone.resume': ({ callId }) => phone.resume(callId),
    'phone.dtmf': async ({ callId, tones }) => ({ via: await phone.dtmf(callId, tones) }),
    'phone.transfer': ({ callId, target }) => phone.transfer(callId, target),
    'phone.attendedTransfer': ({ callId, toCallId }) => phone.attendedTransfer(callId, toCallId),
    'phone.conference': ({ callIds }) => phone.conference(callIds),
    'phone.split': ({ callId }) => phone.split(callId),
    'phone.forward': ({ callId, target }) => phone.forward(callId, target),
    'phone.takeMessage': (input) => phone.takeMessage(input),
    'phone.setDoNotDisturb': ({ on }) => phone.setDoNotDisturb(on),
    'phone.screenPop': ({ callId }) => phone.screenPop(callId),
    'phone.wrapUp': ({ callId, subject, outcome }) => {
      phone.wrapUp(callId, subject, outcome);
      return ok;
    },
    'phone.linkContact': ({ callId, contactId }) => phone.linkContact(callId, contactId),
    'media.attach': ({ clientId }) => {
      needMedia().attach(clientId);
      void phone.mediaAttached();
      return ok;
    },
    'media.reply': ({ requestId, sdp, sent, error }) => {
      needMedia().reply(requestId, { sdp, sent, error });
      return ok;
    },
    'media.quality': (quality) => {
      phone.recordQuality(quality.callId, quality);
      return ok;
    },
  });
}
