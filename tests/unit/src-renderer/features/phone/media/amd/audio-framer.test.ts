import { describe, expect, it } from 'vitest';
import { AudioFramer } from '#renderer/features/phone/media/amd/audio-framer';

function sine(sampleRate: number, amplitude: number, ms: number): Float32Array {
  return new Float32Array((sampleRate * ms) / 1_000).map((_, i) => amplitude * Math.sin((2 * Math.PI * 1_000 * i) / sampleRate));
}

function inBlocks(framer: AudioFramer, samples: Float32Array, block: number): number[] {
  const levels: number[] = [];
  for (let at = 0; at < samples.length; at += block) levels.push(...framer.push(samples.subarray(at, at + block)));
  return levels;
}

describe('AudioFramer', () => {
  it('gives one RMS level on the 16-bit scale per 20 ms, whatever the blocks the audio comes in', () => {
    const samples = sine(48_000, 0.5, 1_000);
    const inQuanta = inBlocks(new AudioFramer(48_000), samples, 128);
    expect(inQuanta).toHaveLength(50);
    for (const level of inQuanta) expect(level).toBeCloseTo((0.5 / Math.SQRT2) * 32_768, 0);
    expect(inBlocks(new AudioFramer(48_000), samples, 7)).toEqual(inQuanta);
  });

  it('keeps a partly filled frame for the next block', () => {
    const framer = new AudioFramer(8_000);
    expect(framer.push(new Float32Array(159).fill(0.1))).toEqual([]);
    const [level] = framer.push(new Float32Array(2).fill(0.1));
    expect(level).toBeCloseTo(0.1 * 32_768, 3);
  });

  it('reads digital silence as 0', () => {
    expect(new AudioFramer(8_000).push(new Float32Array(320))).toEqual([0, 0]);
  });

  it('states the exact frame length when the rate does not divide into 20 ms', () => {
    expect(new AudioFramer(8_000)).toMatchObject({ frameSamples: 160, frameMs: 20 });
    expect(new AudioFramer(44_100)).toMatchObject({ frameSamples: 882, frameMs: 20 });
    const odd = new AudioFramer(22_050);
    expect(odd.frameSamples).toBe(441);
    expect(odd.frameMs).toBeCloseTo(20, 6);
    expect(new AudioFramer(11_025).frameMs).toBeCloseTo(20.045, 3);
  });
});
