import type { IceServer, MediaRequest, MethodInput } from '#contract';
import { DomainError } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { MachineVerdict, MediaPeer } from './media-peer';

type Reply = Omit<MethodInput<'media.reply'>, 'requestId'>;

/** How long the window has to answer, and what main says when it does not. */
interface Deadline {
  ms: number;
  late: string;
}

/**
 * The window's WebRTC engine as a MediaPeer: each step is a `media.request` event to the window
 * that attached itself as the media client, answered by its `media.reply`. No window (closed,
 * reloading) means no audio: the call fails with a clear reason rather than hanging.
 */
export class RendererMediaPeer implements MediaPeer {
  private readonly pending = new Map<string, { resolve: (reply: Reply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private client: string | null = null;
  /** Calls the operator is not on (see `listen`): kept here so that a window attached later makes their audio the same way. */
  private readonly notListening = new Set<string>();
  /** Calls whose audio a window was asked to make: only these have anything to switch. */
  private readonly withAudio = new Set<string>();

  constructor(
    private readonly options: {
      ids: IdGenerator;
      emit: (request: MediaRequest) => void;
      iceServers: () => IceServer[];
      /** For SDP and DTMF. */
      timeoutMs?: number;
      /** Answering-machine detection listens for several seconds of the call (the detector decides within ~4 s of audio). */
      detectionTimeoutMs?: number;
      /** The longest recorded message main waits for (the window cannot say how long one is before decoding it). */
      messageTimeoutMs?: number;
    },
  ) {}

  /** The window that handles audio from now on (the last one to attach). */
  attach(clientId: string): void {
    this.client = clientId;
  }

  detach(clientId: string): void {
    if (this.client === clientId) this.client = null;
  }

  get attached(): boolean {
    return this.client !== null;
  }

  /** The window's answer to a request; unknown or late replies are ignored. */
  reply(requestId: string, reply: Reply): void {
    const waiting = this.pending.get(requestId);
    if (!waiting) return;
    this.pending.delete(requestId);
    clearTimeout(waiting.timer);
    if (reply.error) waiting.reject(new DomainError('unavailable', 'call_audio_failed', `Audio: ${reply.error}`, { detail: reply.error }));
    else waiting.resolve(reply);
  }

  private ask(request: Omit<MediaRequest, 'requestId' | 'clientId'>, deadline: Deadline = { ms: this.options.timeoutMs ?? 15_000, late: 'The workplace window did not prepare the call audio in time' }): Promise<Reply> {
    const client = this.client;
    if (!client) return Promise.reject(new DomainError('unavailable', 'call_audio_unavailable', 'No workplace window is open to handle the call audio'));
    const requestId = this.options.ids.next();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new DomainError('unavailable', 'call_audio_failed', deadline.late));
      }, deadline.ms);
      this.pending.set(requestId, { resolve, reject, timer });
      this.options.emit({ ...request, requestId, clientId: client });
    });
  }

  async offer(callId: string, options: { hold: boolean }): Promise<string> {
    this.withAudio.add(callId);
    const reply = await this.ask({ callId, op: 'offer', hold: options.hold, listen: !this.notListening.has(callId), iceServers: this.options.iceServers() });
    if (!reply.sdp) throw new DomainError('unavailable', 'call_audio_failed', 'The window gave no SDP offer');
    return reply.sdp;
  }

  async answer(callId: string, remoteOffer: string, options: { hold: boolean }): Promise<string> {
    this.withAudio.add(callId);
    const reply = await this.ask({ callId, op: 'answer', sdp: remoteOffer, hold: options.hold, listen: !this.notListening.has(callId), iceServers: this.options.iceServers() });
    if (!reply.sdp) throw new DomainError('unavailable', 'call_audio_failed', 'The window gave no SDP answer');
    return reply.sdp;
  }

  async remote(callId: string, remoteAnswer: string): Promise<void> {
    await this.ask({ callId, op: 'remote', sdp: remoteAnswer });
  }

  async dtmf(callId: string, tones: string): Promise<boolean> {
    const reply = await this.ask({ callId, op: 'dtmf', tones });
    return reply.sent === true;
  }

  async detectMachine(callId: string): Promise<MachineVerdict> {
    const reply = await this.ask({ callId, op: 'detect_machine' }, { ms: this.options.detectionTimeoutMs ?? 10_000, late: 'The workplace window gave no answering-machine verdict in time' });
    if (!reply.verdict || reply.afterMs === undefined) throw new DomainError('unavailable', 'call_audio_failed', 'The window gave no answering-machine verdict');
    return { verdict: reply.verdict, afterMs: reply.afterMs };
  }

  async play(callId: string, audio: Buffer): Promise<void> {
    const reply = await this.ask({ callId, op: 'play', audioBase64: audio.toString('base64') }, { ms: this.options.messageTimeoutMs ?? 180_000, late: 'The workplace window did not finish the message in time' });
    if (reply.played !== true) throw new DomainError('unavailable', 'call_audio_failed', 'The window did not play the message');
  }

  async listen(callId: string, on: boolean): Promise<void> {
    if (on) this.notListening.delete(callId);
    else this.notListening.add(callId);
    // Before its first offer the call has no audio to switch: the offer carries the setting.
    if (this.withAudio.has(callId)) await this.ask({ callId, op: 'listen', listen: on });
  }

  close(callId: string): void {
    this.notListening.delete(callId);
    this.withAudio.delete(callId);
    if (this.client) this.options.emit({ requestId: this.options.ids.next(), callId, op: 'close', clientId: this.client });
  }
}
