import { AnsweringMachineDetector } from './answering-machine-detector';
import type { AmdOptions, AmdVerdict } from './greeting-classifier';
import tapUrl from './remote-audio-tap.worklet.ts?worker&url';

export interface AmdRun {
  /** The verdict, with the audio time from the start to it; undefined when stopped first. */
  readonly verdict: Promise<AmdVerdict | undefined>;
  /** Stops listening (the call ended first); safe to call at any time, also after the verdict. */
  stop(): void;
}

/**
 * Listens to the remote audio of an outbound call from its answer and gives the answering-machine
 * verdict. Start it when the call is answered, on the receiver's track (not on what the page plays).
 * The call's audio must be playing meanwhile (the media engine's audio element, muted or not):
 * Chromium decodes a remote WebRTC track only while something plays it, and WebAudio alone hears
 * silence. It has its own AudioContext, closed with the verdict; the call's audio is only read.
 */
export async function detectAnsweringMachine(remote: MediaStream, options: Partial<AmdOptions> = {}): Promise<AmdRun> {
  const context = new AudioContext();
  let settle: (verdict: AmdVerdict | undefined) => void = () => undefined;
  const verdict = new Promise<AmdVerdict | undefined>((resolve) => (settle = resolve));
  let stopped = false;
  const stop = (result?: AmdVerdict) => {
    if (stopped) return;
    stopped = true;
    settle(result);
    void context.close().catch(() => undefined);
  };
  try {
    await context.audioWorklet.addModule(tapUrl);
    const source = context.createMediaStreamSource(remote);
    // No outputs: the node is pulled for its input alone, and nothing of the call reaches the speakers from here.
    const tap = new AudioWorkletNode(context, 'remote-audio-tap', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
    const detector = new AnsweringMachineDetector(context.sampleRate, options);
    tap.port.onmessage = (event: MessageEvent<Float32Array>) => {
      const result = stopped ? undefined : detector.push(event.data);
      if (result) stop(result);
    };
    source.connect(tap);
    // A context made without a user's gesture may start suspended.
    await context.resume();
  } catch (error) {
    stop();
    throw error;
  }
  return { verdict, stop: () => stop() };
}
