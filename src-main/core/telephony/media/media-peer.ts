/** What the answering-machine detector in the window concluded about an answered call. */
export interface MachineVerdict {
  verdict: 'human' | 'machine' | 'silence';
  /** From the answer (the start of listening) to the verdict. */
  afterMs: number;
}

/**
 * Whoever handles a call's audio. In the workstation that is the window's WebRTC engine
 * (RendererMediaPeer); phones without a window (tests, load tools) use StaticMediaPeer.
 * SIP signalling stays in main either way.
 */
export interface MediaPeer {
  /** A local offer; `hold` makes it send-only. */
  offer(callId: string, options: { hold: boolean }): Promise<string>;
  /** Takes the remote offer and returns our answer. */
  answer(callId: string, remoteOffer: string, options: { hold: boolean }): Promise<string>;
  /** Takes the remote answer to our offer. */
  remote(callId: string, remoteAnswer: string): Promise<void>;
  /** Sends DTMF in the media (RFC 4733); false when it cannot, so SIP INFO is used instead. */
  dtmf(callId: string, tones: string): Promise<boolean>;
  /** Listens to the other side from now on (ask at the answer) until it can tell a person from a machine or silence. */
  detectMachine(callId: string): Promise<MachineVerdict>;
  /** Sends a recorded message into the call in place of what it sends (the microphone, or nothing); resolves once it has played to its end. */
  play(callId: string, audio: Buffer): Promise<void>;
  /**
   * Whether the operator hears and is heard on the call: a dialer's call is not until handed over (its audio is
   * not played, no microphone is sent), and every later offer or answer for it keeps to this. Calls are on by default.
   */
  listen(callId: string, on: boolean): Promise<void>;
  close(callId: string): void;
}
