import { detectAnsweringMachine, type AmdVerdictKind } from './amd';

export interface MachineVerdict {
  verdict: AmdVerdictKind;
  /** Audio time from the start of listening (the answer) to the verdict. */
  afterMs: number;
}

/**
 * A dialer's question about an answered call: a person, an answering machine, or nobody? Listens to
 * the other side's audio (the receiver's track) from now on until the detector decides; rejects if
 * the call closes first (`signal`).
 */
export async function detectMachine(remote: MediaStream, signal: AbortSignal): Promise<MachineVerdict> {
  // Chromium decodes a remote WebRTC track only while something plays it, and the call's own element
  // may not (on hold it loses the track): a muted player of our own keeps it playing meanwhile.
  const player = new Audio();
  player.muted = true;
  player.srcObject = remote;
  try {
    await player.play();
    const run = await detectAnsweringMachine(remote);
    const stop = () => run.stop();
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    const decided = await run.verdict.finally(() => signal.removeEventListener('abort', stop));
    if (!decided) throw new Error('the call ended before the answering-machine verdict');
    return { verdict: decided.verdict, afterMs: Math.round(decided.decidedAtMs) };
  } finally {
    player.srcObject = null;
  }
}
