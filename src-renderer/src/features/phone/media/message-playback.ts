/**
 * Sends a recorded message into a call in place of what its sender sent: decoded (any audio the window
 * can decode), played once through an AudioContext of its own, then the sender gets `restore()`'s track
 * back (the microphone, a conference's mix, or nothing on a call the operator is not on). Resolves with the message's length once it has played;
 * rejects if it cannot be decoded or the call closes first (`signal`).
 */
export async function playMessage(sender: RTCRtpSender, audio: ArrayBuffer, restore: () => Promise<MediaStreamTrack | null>, signal: AbortSignal): Promise<{ ms: number }> {
  const context = new AudioContext();
  let replaced = false;
  try {
    const source = context.createBufferSource();
    source.buffer = await context.decodeAudioData(audio);
    const out = context.createMediaStreamDestination();
    source.connect(out);
    const ended = new Promise<void>((resolve, reject) => {
      source.addEventListener('ended', () => resolve(), { once: true });
      signal.addEventListener('abort', () => reject(new Error('the call ended during the message')), { once: true });
    });
    signal.throwIfAborted();
    await sender.replaceTrack(out.stream.getAudioTracks()[0] ?? null);
    replaced = true;
    // A context made without a user's gesture may start suspended.
    await context.resume();
    source.start();
    await ended;
    return { ms: Math.round(source.buffer.duration * 1_000) };
  } finally {
    if (replaced && !signal.aborted) await sender.replaceTrack(await restore()).catch(() => undefined);
    await context.close().catch(() => undefined);
  }
}
