import { DomainError } from '#core/shared/errors';
import type { MachineVerdict, MediaPeer } from './media-peer';
import { answerDirection, audioProblem, directionOf, withDirection, type Direction } from './sdp';

function noAudio(): DomainError {
  return new DomainError('unavailable', 'call_audio_unavailable', 'This phone handles calls without audio');
}

/**
 * Media for a phone without a window: well-formed SDP (PCMU and telephone-event on a port nobody
 * sends to) with directions negotiated as RFC 3264 says, so hold, resume and re-INVITEs work in
 * signalling. It never sends or hears audio: DTMF always goes by SIP INFO, and there is nothing to
 * listen to for an answering machine nor to play a message with.
 */
export class StaticMediaPeer implements MediaPeer {
  private version = 0;
  /** Every SDP this peer produced or received, by call: tests read the directions from here. */
  readonly log: { callId: string; kind: 'offer' | 'answer' | 'remote-offer' | 'remote-answer'; direction: Direction }[] = [];

  constructor(private readonly port = 40_000) {}

  private body(direction: Direction): string {
    this.version++;
    return [
      'v=0',
      `o=- 1000 ${this.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${this.port} RTP/AVP 0 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=fmtp:101 0-16',
      `a=${direction}`,
      '',
    ].join('\r\n');
  }

  offer(callId: string, options: { hold: boolean }): Promise<string> {
    const direction: Direction = options.hold ? 'sendonly' : 'sendrecv';
    this.log.push({ callId, kind: 'offer', direction });
    return Promise.resolve(this.body(direction));
  }

  answer(callId: string, remoteOffer: string, options: { hold: boolean }): Promise<string> {
    const problem = audioProblem(remoteOffer);
    if (problem) return Promise.reject(new Error(problem));
    const offered = directionOf(remoteOffer);
    this.log.push({ callId, kind: 'remote-offer', direction: offered });
    const direction = answerDirection(offered, options.hold);
    this.log.push({ callId, kind: 'answer', direction });
    return Promise.resolve(withDirection(this.body(direction), direction));
  }

  remote(callId: string, remoteAnswer: string): Promise<void> {
    const problem = audioProblem(remoteAnswer);
    if (problem) return Promise.reject(new Error(problem));
    this.log.push({ callId, kind: 'remote-answer', direction: directionOf(remoteAnswer) });
    return Promise.resolve();
  }

  dtmf(): Promise<boolean> {
    return Promise.resolve(false);
  }

  detectMachine(): Promise<MachineVerdict> {
    return Promise.reject(noAudio());
  }

  play(): Promise<void> {
    return Promise.reject(noAudio());
  }

  /** Nothing is heard or sent either way. */
  listen(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {}
}
