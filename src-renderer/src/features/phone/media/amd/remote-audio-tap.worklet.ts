/**
 * Runs in the AudioWorklet's own scope: hands each block of the remote audio (128 samples, mono) to
 * the window, where the detector frames and classifies it. Kept this small on purpose: the audio
 * thread must never wait on anything.
 */

// The AudioWorklet scope is not in TypeScript's DOM library.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

class RemoteAudioTap extends AudioWorkletProcessor {
  process(inputs: Float32Array[][]): boolean {
    const block = inputs[0]?.[0];
    if (block) {
      const copy = block.slice();
      this.port.postMessage(copy, [copy.buffer]);
    }
    return true;
  }
}

registerProcessor('remote-audio-tap', RemoteAudioTap);
