import type { IceServer, MediaRequest } from '#contract';
import { DomainError } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { MediaPeer } from './media-peer';

type Reply = { sdp?: string | undefined; sent?: boolean | undefined; error?: string | undefined };

/**
 * The window's WebRTC engine as a MediaPeer: each step is a `media.request` event to the window
 * that attached itself as the media client, answered by its `media.reply`. No window (closed,
 * reloading) means no audio: the call fails with a clear reason rather than hanging.
 */
export class RendererMediaPeer implements MediaPeer {
  private readonly pending = new Map<string, { resolve: (reply: Reply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private client: string | null = null;

  constructor(
    private readonly options: {
      ids: IdGenerator;
      emit: (request: MediaRequest) => void;
      iceServers: () => IceServer[];
      timeoutMs?: number;
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

  private ask(request: Omit<MediaRequest, 'requestId' | 'clientId'>): Promise<Reply> {
    const client = this.client;
    if (!client) return Promise.reject(new DomainError('unavailable', 'call_audio_unavailable', 'No workplace window is open to handle the call audio'));
    const requestId = this.options.ids.next();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new DomainError('unavailable', 'call_audio_failed', 'The workplace window did not prepare the call audio in time'));
      }, this.options.timeoutMs ?? 15_000);
      this.pending.set(requestId, { resolve, reject, timer });
      this.options.emit({ ...request, requestId, clientId: client });
    });
  }

  async offer(callId: string, options: { hold: boolean }): Promise<string> {
    const reply = await this.ask({ callId, op: 'offer', hold: options.hold, iceServers: this.options.iceServers() });
    if (!reply.sdp) throw new DomainError('unavailable', 'call_audio_failed', 'The window gave no SDP offer');
    return reply.sdp;
  }

  async answer(callId: string, remoteOffer: string, options: { hold: boolean }): Promise<string> {
    const reply = await this.ask({ callId, op: 'answer', sdp: remoteOffer, hold: options.hold, iceServers: this.options.iceServers() });
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

  close(callId: string): void {
    if (this.client) this.options.emit({ requestId: this.options.ids.next(), callId, op: 'close', clientId: this.client });
  }
}
