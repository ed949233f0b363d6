import type { CrmBridge, IceServer, MediaRequest, MethodInput } from '#contract';
import { toBase64 } from '#renderer/api/files';
import { qualityOf, type QualitySample } from './call-quality';
import { gatheredSdp } from './ice-gathering';
import { detectMachine } from './machine-detection';
import { playMessage } from './message-playback';

export interface AudioDevices {
  microphoneId: string | null;
  speakerId: string | null;
}

interface CallMedia {
  pc: RTCPeerConnection;
  microphone: MediaStream;
  /** What the other side sends us, once it arrives. */
  remote: MediaStream | undefined;
  audio: HTMLAudioElement;
  muted: boolean;
  /** The operator hears and is heard on the call (a dialer's call is not until handed over): see `listen`. */
  listening: boolean;
  /**
   * We hold the call, as its last completed offer and answer agreed: nothing is sent, for the party
   * on hold must not hear the operator's next conversation. See `hold`.
   */
  held: boolean;
  /** Whether our offer still awaiting its answer puts the call on hold: a refused re-INVITE leaves the call as it was. */
  holdOffered: boolean;
  /** Something plays into the call in place of what it sends (a message, the recording's announcement): it puts that back itself. */
  playing: number;
  /** Aborted when the call's audio closes: whatever listens to it or plays into it stops. */
  closed: AbortController;
}

/** A call being recorded: both sides mixed, handed to main a second at a time. */
interface Recording {
  recorder: MediaRecorder;
  context: AudioContext;
  /** The operator's side of the recording: silent while they are not on the call. */
  microphone: GainNode;
  seq: number;
  /** Pieces go to main strictly in order. */
  sending: Promise<void>;
}

/** A three-way conference: each party is sent the operator's voice mixed with the other party's. */
interface Mixer {
  context: AudioContext;
  callIds: string[];
  /** What each member's sender sends: the operator with the other parties (none for a member the operator is not on). */
  tracks: Map<string, MediaStreamTrack>;
}

/**
 * The other side's audio as a stream for mixing and recording: the receiver's track, which stays
 * the same across hold and resume (the stream the page plays loses it while we are on hold).
 */
function remoteAudio(media: CallMedia): MediaStream {
  const track = media.pc.getReceivers().find((r) => r.track.kind === 'audio')?.track;
  return track ? new MediaStream([track]) : (media.remote ?? new MediaStream());
}

/** The operator talks with the call's party now: on the call and not holding it. */
function talking(media: CallMedia): boolean {
  return media.listening && !media.held;
}

/** The call's one audio sender (its track may be null while replaced). */
function audioSender(media: CallMedia): RTCRtpSender | undefined {
  return media.pc.getSenders().find((s) => s.track === null || s.track.kind === 'audio');
}

/**
 * The window's half of every call: WebRTC audio. Main keeps the SIP dialog and asks for offers,
 * answers and DTMF, and for its dialer answering-machine verdicts and recorded messages, over the
 * API contract (media.request); this engine answers (media.reply). Main also says whether the operator
 * is on a call: a dialer's call is neither played nor sent the microphone until handed over; nor is a
 * call we hold sent anything. It also mutes, routes audio to the chosen devices and reports call quality from getStats.
 */
export class MediaEngine {
  readonly clientId = crypto.randomUUID();
  private readonly calls = new Map<string, CallMedia>();
  private readonly qualityListeners = new Set<(callId: string, sample: QualitySample) => void>();
  private devices: AudioDevices = { microphoneId: null, speakerId: null };
  private mixer: Mixer | undefined;
  /** Conference changes one after another: each replaces senders' tracks, and a half-done mix must not be seen. */
  private conferenceChange: Promise<void> = Promise.resolve();
  private readonly recordings = new Map<string, Recording>();
  private stopEvents: (() => void) | undefined;
  private qualityTimer: number | undefined;

  constructor(private readonly bridge: CrmBridge) {}

  /** Becomes the media client of the running core; the last window to attach gets the audio. */
  async start(): Promise<void> {
    this.stopEvents = this.bridge.subscribe('media.request', (request) => {
      if (request.clientId === this.clientId) void this.handle(request);
    });
    await this.bridge.invoke('media.attach', { clientId: this.clientId });
    this.qualityTimer = window.setInterval(() => void this.sampleQuality(), 2_000);
  }

  stop(): void {
    this.stopEvents?.();
    window.clearInterval(this.qualityTimer);
    for (const callId of [...this.calls.keys()]) this.close(callId);
  }

  setDevices(devices: AudioDevices): void {
    this.devices = devices;
    for (const media of this.calls.values()) void this.routeSpeaker(media.audio);
  }

  onQuality(listener: (callId: string, sample: QualitySample) => void): () => void {
    this.qualityListeners.add(listener);
    return () => this.qualityListeners.delete(listener);
  }

  /** Mute is the microphone's business only: nothing to tell the other side. In a conference it mutes the operator for everyone. */
  setMuted(callId: string, muted: boolean): boolean {
    const ids = this.mixer?.callIds.includes(callId) ? this.mixer.callIds : [callId];
    const targets = ids.map((id) => this.calls.get(id)).filter((m): m is CallMedia => m !== undefined);
    for (const media of targets) {
      media.muted = muted;
      for (const track of media.microphone.getAudioTracks()) track.enabled = !muted;
    }
    return targets.length > 0;
  }

  /**
   * Mixes the audio of the calls in a conference (main joined them in SIP): each party hears the
   * operator and the other party. An empty list (or one call) takes the mix apart again.
   */
  setConference(callIds: readonly string[]): Promise<void> {
    return this.changeConference(callIds, false);
  }

  /** `rebuild` mixes the same calls afresh (the operator came on or off one of them). */
  private changeConference(callIds: readonly string[], rebuild: boolean): Promise<void> {
    this.conferenceChange = this.conferenceChange.then(() => this.mix(callIds, rebuild)).catch(() => undefined);
    return this.conferenceChange;
  }

  /** A member the operator is not on, or holds, neither hears the others nor is heard by them. */
  private async mix(callIds: readonly string[], rebuild: boolean): Promise<void> {
    const same = this.mixer && this.mixer.callIds.length === callIds.length && callIds.every((id) => this.mixer?.callIds.includes(id));
    if (same && !rebuild) return;
    await this.unmix();
    const members = callIds.map((id) => [id, this.calls.get(id)] as const).filter((m): m is readonly [string, CallMedia] => m[1] !== undefined);
    const first = members[0];
    if (!first || members.length < 2) return;
    const context = new AudioContext();
    const microphone = context.createMediaStreamSource(first[1].microphone);
    const tracks = new Map<string, MediaStreamTrack>();
    for (const [id, media] of members) {
      if (!talking(media)) continue;
      const mix = context.createMediaStreamDestination();
      microphone.connect(mix);
      for (const [otherId, other] of members) if (otherId !== id && talking(other) && other.remote) context.createMediaStreamSource(remoteAudio(other)).connect(mix);
      const sender = audioSender(media);
      const track = mix.stream.getAudioTracks()[0];
      if (track) tracks.set(id, track);
      if (sender && track) await sender.replaceTrack(track);
    }
    this.mixer = { context, callIds: members.map(([id]) => id), tracks };
  }

  private async unmix(): Promise<void> {
    const mixer = this.mixer;
    if (!mixer) return;
    this.mixer = undefined;
    for (const id of mixer.callIds) {
      const media = this.calls.get(id);
      const sender = media && audioSender(media);
      if (sender) await sender.replaceTrack(this.restingTrack(id, media)).catch(() => undefined);
    }
    await mixer.context.close().catch(() => undefined);
  }

  isMuted(callId: string): boolean {
    return this.calls.get(callId)?.muted ?? false;
  }

  isRecording(callId: string): boolean {
    return this.recordings.has(callId);
  }

  /**
   * Records a call (both sides mixed, Opus in WebM) into main's recording file. With `announce`,
   * three beeps go to both parties first: the consent announcement.
   */
  async record(callId: string, announce: boolean): Promise<boolean> {
    const media = this.calls.get(callId);
    if (!media?.remote || this.recordings.has(callId)) return false;
    const context = new AudioContext();
    const mix = context.createMediaStreamDestination();
    const microphone = context.createGain();
    microphone.gain.value = talking(media) ? 1 : 0;
    context.createMediaStreamSource(media.microphone).connect(microphone);
    microphone.connect(mix);
    context.createMediaStreamSource(remoteAudio(media)).connect(mix);
    const recording: Recording = { recorder: new MediaRecorder(mix.stream, { mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 }), context, microphone, seq: 0, sending: Promise.resolve() };
    const recorderId = crypto.randomUUID();
    this.recordings.set(callId, recording);
    recording.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      const seq = recording.seq++;
      recording.sending = recording.sending.then(async () => {
        const chunkBase64 = toBase64(new Uint8Array(await event.data.arrayBuffer()));
        const result = await this.bridge.invoke('recording.append', { callId, recorderId, seq, chunkBase64 });
        // Refused (a newer window's recorder took over, or the size limit): stop rather than keep sending.
        if (!result.ok && result.error.code === 'conflict' && recording.recorder.state !== 'inactive') recording.recorder.stop();
      });
    });
    recording.recorder.addEventListener('stop', () => void recording.sending.then(() => context.close()).catch(() => undefined));
    // The recording starts with the announcement in it: proof that it was made.
    recording.recorder.start(1_000);
    if (announce) await this.announce(callId, media, recording, mix);
    return true;
  }

  /** Three short 1400 Hz beeps into the call (both parties hear them) before recording starts. */
  private async announce(callId: string, media: CallMedia, { context, microphone }: Recording, recording: MediaStreamAudioDestinationNode): Promise<void> {
    const sender = audioSender(media);
    if (!sender) return;
    const out = context.createMediaStreamDestination();
    microphone.connect(out);
    const gain = context.createGain();
    gain.gain.value = 0.25;
    gain.connect(out);
    gain.connect(recording);
    gain.connect(context.destination);
    for (const at of [0, 0.5, 1]) {
      const beep = context.createOscillator();
      beep.frequency.value = 1_400;
      beep.connect(gain);
      beep.start(context.currentTime + at);
      beep.stop(context.currentTime + at + 0.25);
    }
    const announcing = out.stream.getAudioTracks()[0];
    if (!announcing) return;
    media.playing++;
    try {
      await sender.replaceTrack(announcing);
      await new Promise((resolve) => window.setTimeout(resolve, 1_400));
    } finally {
      media.playing--;
      await sender.replaceTrack(await this.outgoingTrack(callId, media)).catch(() => undefined);
    }
  }

  /** What the call sends when nothing is played into it: nothing while the operator is not on it or holds it, else the microphone or the conference's mix. */
  private restingTrack(callId: string, media: CallMedia): MediaStreamTrack | null {
    if (!talking(media)) return null;
    return this.mixer?.tracks.get(callId) ?? media.microphone.getAudioTracks()[0] ?? null;
  }

  /** The resting track once any conference change in progress (one may have formed meanwhile) is done. */
  private async outgoingTrack(callId: string, media: CallMedia): Promise<MediaStreamTrack | null> {
    await this.conferenceChange;
    return this.restingTrack(callId, media);
  }

  /**
   * Puts the operator on or off a call: its audio played or muted, the microphone (or the conference's mix)
   * sent or nothing. The transceiver stays as it is, so nothing needs renegotiating and a held call stays held;
   * something playing into the call meanwhile puts the right track back when it ends.
   */
  private async listen(callId: string, media: CallMedia, on: boolean): Promise<void> {
    media.audio.muted = !on;
    if (media.listening === on) return;
    media.listening = on;
    await this.sendAnew(callId, media);
  }

  /**
   * Holds or resumes the call on our side once the other side agreed (their answer to our offer, or
   * ours to theirs): the transceiver's direction alone would still send the held party the operator's
   * microphone, so the sender sends nothing while held, and on resume what the call should send.
   */
  private async hold(callId: string, media: CallMedia, held: boolean): Promise<void> {
    if (media.held === held) return;
    media.held = held;
    await this.sendAnew(callId, media);
  }

  /** The operator came on or off the call: the recording's side of them, the conference's mix and what the call sends follow. */
  private async sendAnew(callId: string, media: CallMedia): Promise<void> {
    const recording = this.recordings.get(callId);
    if (recording) recording.microphone.gain.value = talking(media) ? 1 : 0;
    if (this.mixer?.callIds.includes(callId)) await this.changeConference(this.mixer.callIds, true);
    const sender = audioSender(media);
    if (sender && media.playing === 0) await sender.replaceTrack(await this.outgoingTrack(callId, media));
  }

  /** The live microphone stream of a call (for the level meter), if any. */
  microphoneOf(callId: string): MediaStream | undefined {
    return this.calls.get(callId)?.microphone;
  }

  private async handle(request: MediaRequest): Promise<void> {
    try {
      switch (request.op) {
        case 'offer': {
          const media = await this.media(request.callId, request.iceServers ?? []);
          await this.listen(request.callId, media, request.listen ?? true);
          this.setDirection(media.pc, request.hold === true ? 'sendonly' : 'sendrecv');
          media.holdOffered = request.hold === true;
          await media.pc.setLocalDescription(await media.pc.createOffer());
          await this.reply(request, { sdp: await gatheredSdp(media.pc) });
          return;
        }
        case 'answer': {
          const media = await this.media(request.callId, request.iceServers ?? []);
          await this.listen(request.callId, media, request.listen ?? true);
          await media.pc.setRemoteDescription({ type: 'offer', sdp: request.sdp ?? '' });
          if (request.hold === true) this.setDirection(media.pc, 'sendonly');
          await media.pc.setLocalDescription(await media.pc.createAnswer());
          await this.hold(request.callId, media, request.hold === true);
          await this.reply(request, { sdp: await gatheredSdp(media.pc) });
          return;
        }
        case 'remote': {
          const media = this.existing(request.callId);
          await media.pc.setRemoteDescription({ type: 'answer', sdp: request.sdp ?? '' });
          await this.hold(request.callId, media, media.holdOffered);
          await this.reply(request, {});
          return;
        }
        case 'dtmf': {
          const media = this.calls.get(request.callId);
          const sender = media && audioSender(media);
          const dtmf = sender?.dtmf;
          const sent = Boolean(dtmf?.canInsertDTMF);
          if (dtmf && sent) dtmf.insertDTMF(request.tones ?? '', 160, 70);
          await this.reply(request, { sent });
          return;
        }
        case 'detect_machine': {
          const media = this.existing(request.callId);
          await this.reply(request, await detectMachine(remoteAudio(media), media.closed.signal));
          return;
        }
        case 'play': {
          const media = this.existing(request.callId);
          const sender = audioSender(media);
          if (!sender) throw new Error('the call sends no audio');
          const audio = Uint8Array.from(atob(request.audioBase64 ?? ''), (c) => c.charCodeAt(0));
          media.playing++;
          const { ms } = await playMessage(sender, audio.buffer, () => this.outgoingTrack(request.callId, media), media.closed.signal).finally(() => media.playing--);
          await this.reply(request, { played: true, ms });
          return;
        }
        case 'listen':
          await this.listen(request.callId, this.existing(request.callId), request.listen ?? true);
          await this.reply(request, {});
          return;
        case 'close':
          this.close(request.callId);
          return;
      }
    } catch (error) {
      await this.reply(request, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private reply(request: MediaRequest, reply: Omit<MethodInput<'media.reply'>, 'requestId'>): Promise<unknown> {
    return this.bridge.invoke('media.reply', { requestId: request.requestId, ...reply });
  }

  private existing(callId: string): CallMedia {
    const media = this.calls.get(callId);
    if (!media) throw new Error('no audio for this call');
    return media;
  }

  /** The call's peer connection, created with the microphone on first use. */
  private async media(callId: string, iceServers: IceServer[]): Promise<CallMedia> {
    const existing = this.calls.get(callId);
    if (existing) return existing;
    const microphone = await navigator.mediaDevices.getUserMedia({
      audio: this.devices.microphoneId ? { deviceId: { exact: this.devices.microphoneId }, echoCancellation: true, noiseSuppression: true } : { echoCancellation: true, noiseSuppression: true },
    });
    // Not max-bundle: media relays (rtpengine) strip BUNDLE from the answer, and Chromium then refuses it.
    const pc = new RTCPeerConnection({ iceServers: iceServers.map((s) => ({ urls: s.urls, username: s.username, credential: s.credential })), bundlePolicy: 'balanced' });
    for (const track of microphone.getAudioTracks()) pc.addTrack(track, microphone);
    const audio = new Audio();
    audio.autoplay = true;
    audio.dataset.callId = callId;
    // Listening until the request that made the call says otherwise, before anything is negotiated or heard.
    const media: CallMedia = { pc, microphone, remote: undefined, audio, muted: false, listening: true, held: false, holdOffered: false, playing: 0, closed: new AbortController() };
    pc.addEventListener('track', (event) => {
      media.remote = event.streams[0] ?? new MediaStream([event.track]);
      audio.srcObject = media.remote;
      void audio.play().catch(() => undefined);
    });
    await this.routeSpeaker(audio);
    this.calls.set(callId, media);
    return media;
  }

  private async routeSpeaker(audio: HTMLAudioElement): Promise<void> {
    const sink = audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (this.devices.speakerId && sink.setSinkId) await sink.setSinkId(this.devices.speakerId).catch(() => undefined);
  }

  private setDirection(pc: RTCPeerConnection, direction: RTCRtpTransceiverDirection): void {
    for (const transceiver of pc.getTransceivers()) if (transceiver.receiver.track.kind === 'audio') transceiver.direction = direction;
  }

  private close(callId: string): void {
    const recording = this.recordings.get(callId);
    if (recording) {
      this.recordings.delete(callId);
      // The last piece arrives with 'stop'; main still takes it for a call that just ended.
      if (recording.recorder.state !== 'inactive') recording.recorder.stop();
    }
    const media = this.calls.get(callId);
    if (!media) return;
    if (this.mixer?.callIds.includes(callId)) void this.setConference([]);
    this.calls.delete(callId);
    media.closed.abort();
    media.pc.close();
    for (const track of media.microphone.getTracks()) track.stop();
    media.audio.srcObject = null;
  }

  private async sampleQuality(): Promise<void> {
    for (const [callId, media] of this.calls) {
      if (media.pc.connectionState !== 'connected') continue;
      const report = await media.pc.getStats();
      const sample = qualityOf(report.values() as Iterable<{ type: string }>);
      for (const listener of this.qualityListeners) listener(callId, sample);
      await this.bridge.invoke('media.quality', { callId, ...sample });
    }
  }
}
