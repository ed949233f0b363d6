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
      phone.afterCall.appendRecording(callId, recorderId, seq, Buffer.from(chunkBase64, 'base64'));
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
    'phone.saveAccount': (input) => phone.accounts.save(input),
    'phone.deleteAccount': async ({ id }) => {
      await phone.accounts.remove(id);
      return ok;
    },
    'phone.testAccount': (input) => phone.testConnection(input),
    'phone.calls': () => phone.registry.list(),
    'phone.dial': ({ target, contactId, accountId }) => phone.operator.dial(target, { contactId, accountId }),
    'phone.answer': ({ callId, holdOthers }) => phone.operator.answer(callId, holdOthers),
    'phone.reject': ({ callId }) => phone.operator.reject(callId),
    'phone.hangup': ({ callId }) => phone.operator.hangup(callId),
    'phone.hold': ({ callId }) => phone.focus.hold(callId),
    'phone.resume': ({ callId }) => phone.focus.resume(callId),
    'phone.dtmf': async ({ callId, tones }) => ({ via: await phone.operator.dtmf(callId, tones) }),
    'phone.transfer': ({ callId, target }) => phone.transfers.transfer(callId, target),
    'phone.attendedTransfer': ({ callId, toCallId }) => phone.transfers.attended(callId, toCallId),
    'phone.conference': ({ callIds }) => phone.focus.conference(callIds),
    'phone.split': ({ callId }) => phone.focus.split(callId),
    'phone.lines': () => phone.lines(),
    'phone.forward': ({ callId, target }) => phone.transfers.forward(callId, target),
    'phone.takeMessage': (input) => phone.afterCall.takeMessage(input),
    'phone.setDoNotDisturb': ({ on, accountId }) => phone.accounts.setDoNotDisturb(on, accountId),
    'phone.reconnect': () => phone.accounts.reconnect(),
    'phone.screenPop': ({ callId }) => phone.afterCall.screenPop(callId),
    'phone.wrapUp': ({ callId, subject, outcome }) => {
      phone.afterCall.wrapUp(callId, subject, outcome);
      return ok;
    },
    'phone.linkContact': ({ callId, contactId }) => phone.afterCall.linkContact(callId, contactId),
    'media.attach': ({ clientId }) => {
      needMedia().attach(clientId);
      void phone.mediaAttached();
      return ok;
    },
    'media.reply': ({ requestId, ...reply }) => {
      needMedia().reply(requestId, reply);
      return ok;
    },
    'media.quality': (quality) => {
      phone.afterCall.recordQuality(quality.callId, quality);
      return ok;
    },
  });
}
