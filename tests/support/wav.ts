/// <reference types="node" />
// Also type-checked with the renderer (its tests import this), which has no Node types of its own.
import { readFileSync } from 'node:fs';

export interface Wav {
  sampleRate: number;
  /** The first channel, in [-1, 1]. */
  samples: Float32Array;
}

/** Reads a 16-bit PCM WAV file (the AMD recordings: 8 kHz mono), skipping chunks other than fmt and data. */
export function readWav(path: string): Wav {
  const file = readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path}: not a WAV file`);
  let sampleRate = 0;
  let channels = 0;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      if (file.readUInt16LE(body) !== 1 || file.readUInt16LE(body + 14) !== 16) throw new Error(`${path}: not 16-bit PCM`);
      channels = file.readUInt16LE(body + 2);
      sampleRate = file.readUInt32LE(body + 4);
    }
    if (id === 'data') {
      if (!channels) throw new Error(`${path}: data before fmt`);
      const frames = Math.floor(Math.min(size, file.length - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = file.readInt16LE(body + i * 2 * channels) / 32_768;
      return { sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error(`${path}: no audio data`);
}
