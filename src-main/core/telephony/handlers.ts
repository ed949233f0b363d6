import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { eq } from 'drizzle-orm';
import { calls } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import type { RendererMediaPeer } from './media/renderer-media-peer';
import { callHistory, missedCalls } from './call-history';
import type { RecordingStore } from './recordings';
import type { PhoneService } from './phone-service';

const ok = { ok: true as const };

/** The softphone's slice of the API. */
export function telephonyHandlers(crm: CrmContext, phone: PhoneService, media: RendererMediaPeer | null, recordings: RecordingStore) {
  const needMedia = () => {
    if (!media) throw new DomainError('unavailable', 'call_audio_unavailable', 'This workstation handles call audio without a window');
    return media;
  };
  return defineHandlers({
    'calls.history': (request) => callHistory(crm.database.read, request),
    'calls.missed': () => missedCalls(crm.database.read, crm.clock.now()),
    'recording.append': ({ callId, recorderId, seq, chunkBase64 }) => {
      phone.appendRecording(callId, recorderId, seq, Buffer.from(chunkBase64, 'base64'));
      return ok;
    },
    'recording.get': ({ interactionId, part, offset }) => {
      const row = crm.database.read.select({ file: calls.recordingFile }).from(calls).where(eq(calls.interactionId, interactionId)).get();
      if (!row?.file) throw notFound('Recording', interactionId);
      const { chunk, ...rest } = recordings.read(row.file, offset, part);
      return { ...rest, chunkBase64: chunk.toString('base64'), parts: recordings.parts(row.file) };
    },
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
    'phone.lines': () => phone.lines(),
    'phone.forward': ({ callId, target }) => phone.forward(callId, target),
    'phone.takeMessage': (input) => phone.takeMessage(input),
    'phone.setDoNotDisturb': ({ on }) => phone.setDoNotDisturb(on),
    'phone.reconnect': () => phone.reconnect(),
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
