/**
 * Cuts audio arriving in blocks of any size (WebAudio hands 128 samples at a time) into frames of a
 * fixed duration and gives each frame's RMS level on the 16-bit scale (0–32767), whatever the
 * sample rate, so that levels and thresholds read the same as in telephony tools.
 */
export class AudioFramer {
  readonly frameSamples: number;
  /** The exact duration of a frame at this rate (the sample count is rounded). */
  readonly frameMs: number;
  private filled = 0;
  private sumOfSquares = 0;

  constructor(sampleRate: number, frameMs = 20) {
    this.frameSamples = Math.max(1, Math.round((sampleRate * frameMs) / 1_000));
    this.frameMs = (this.frameSamples * 1_000) / sampleRate;
  }

  /** Samples in [-1, 1]; the levels of the frames they complete, in order. */
  push(samples: Float32Array): number[] {
    const levels: number[] = [];
    for (const sample of samples) {
      this.sumOfSquares += sample * sample;
      if (++this.filled < this.frameSamples) continue;
      levels.push(Math.sqrt(this.sumOfSquares / this.frameSamples) * 32_768);
      this.filled = 0;
      this.sumOfSquares = 0;
    }
    return levels;
  }
}
