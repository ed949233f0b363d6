import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import type { MediaPeer } from '#core/telephony/media/media-peer';

/** Options our calls pass to sip.js for re-INVITEs. */
export interface MediaSdhOptions extends SessionDescriptionHandlerOptions {
  hold?: boolean;
}

/**
 * sip.js's media hook, delegating to a MediaPeer: main keeps the SIP dialog, the peer (the
 * window's WebRTC, or a static one) makes and takes the SDP. An offer set before a description
 * is asked for means we answer; a description asked for first means we offer.
 */
export class MediaSdh implements SessionDescriptionHandler {
  private remoteOffer: string | undefined;
  private offering = false;
  private hold = false;

  constructor(
    private readonly callId: () => string,
    private readonly peer: MediaPeer,
  ) {}

  async getDescription(options?: MediaSdhOptions): Promise<BodyAndContentType> {
    if (options?.hold !== undefined) this.hold = options.hold;
    let body: string;
    if (this.remoteOffer !== undefined) {
      const offer = this.remoteOffer;
      this.remoteOffer = undefined;
      body = await this.peer.answer(this.callId(), offer, { hold: this.hold });
    } else {
      this.offering = true;
      body = await this.peer.offer(this.callId(), { hold: this.hold });
    }
    return { body, contentType: 'application/sdp' };
  }

  async setDescription(sdp: string, options?: MediaSdhOptions): Promise<void> {
    if (options?.hold !== undefined) this.hold = options.hold;
    if (this.offering) {
      this.offering = false;
      await this.peer.remote(this.callId(), sdp);
    } else {
      this.remoteOffer = sdp;
    }
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  rollbackDescription(): Promise<void> {
    this.offering = false;
    this.remoteOffer = undefined;
    return Promise.resolve();
  }

  /** DTMF goes through the call (media first, SIP INFO as fallback), never through here. */
  sendDtmf(): boolean {
    return false;
  }

  close(): void {
    this.peer.close(this.callId());
  }
}
