/// <reference types="node" />
// The recordings are read with Node; the renderer's type-check, which covers this test, has no Node types of its own.
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnsweringMachineDetector } from '#renderer/features/phone/media/amd/answering-machine-detector';
import { defaultAmdOptions, type AmdVerdict } from '#renderer/features/phone/media/amd/greeting-classifier';
import { amdRecordings, amdRecordingsDir, detectOnRecording } from '#tests/support/amd-recordings';
import { readWav } from '#tests/support/wav';

/**
 * Recordings the detector gets wrong, kept in the set because real calls have them too: a change
 * that fixes or breaks one shows here. Each maps to what the detector says instead.
 */
const knownMisses: Record<string, string> = {
  // Four words in a row with no pause is what a recorded greeting does.
  'human-ru-chatty.wav': 'machine',
  // "Hi." and, half a second later, "Leave a message.": too short and too broken to be a greeting; undecided is a person.
  'machine-en-slow.wav': 'human',
};

const recordings = amdRecordings();

describe('the labelled recordings', () => {
  it('are at least 30, of every kind, each a listed 8 kHz mono file, under 3 MB together', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['human', 'machine', 'silence']) expect(recordings.filter((r) => r.verdict === kind).length).toBeGreaterThanOrEqual(5);
    const wavs = readdirSync(amdRecordingsDir).filter((f) => f.endsWith('.wav'));
    expect(wavs.sort()).toEqual(recordings.map((r) => r.file).sort());
    for (const r of recordings) expect(readWav(r.path).sampleRate).toBe(8_000);
    expect(wavs.reduce((sum, f) => sum + statSync(`${amdRecordingsDir}${f}`).size, 0)).toBeLessThan(3_000_000);
  });
});

describe('AnsweringMachineDetector on the labelled recordings', () => {
  it.each(recordings.map((r) => [r.file, r] as const))('%s', (file, recording) => {
    const verdict = detectOnRecording(recording.path);
    expect(verdict?.verdict).toBe(knownMisses[file] ?? recording.verdict);
    expect(verdict!.decidedAtMs).toBeLessThanOrEqual(defaultAmdOptions.totalAnalysisMs);
  });

  it('decides a person who answers and waits as soon as the after-greeting silence has passed', () => {
    for (const r of recordings.filter((r) => r.verdict === 'human' && !knownMisses[r.file])) {
      const verdict = detectOnRecording(r.path)!;
      expect(verdict.cause, r.file).toBe('after-greeting-silence');
      expect(verdict.features.afterGreetingSilenceMs, r.file).toBe(defaultAmdOptions.afterGreetingSilenceMs);
    }
  });

  it('decides the same at 48 kHz, the rate of the window’s audio, within a frame', () => {
    for (const r of recordings.filter((r) => ['human-ru-allo.wav', 'machine-ru-abonent.wav', 'silence-pink-noise.wav'].includes(r.file))) {
      const { samples } = readWav(r.path);
      // Each 8 kHz sample held for six: the same sound, six times the samples.
      const upsampled = new Float32Array(samples.length * 6).map((_, i) => samples[Math.floor(i / 6)] ?? 0);
      const detector = new AnsweringMachineDetector(48_000);
      let verdict: AmdVerdict | undefined;
      for (let at = 0; at < upsampled.length && !verdict; at += 128) verdict = detector.push(upsampled.subarray(at, at + 128));
      const at8k = detectOnRecording(r.path)!;
      expect(verdict?.verdict, r.file).toBe(at8k.verdict);
      expect(Math.abs(verdict!.decidedAtMs - at8k.decidedAtMs), r.file).toBeLessThanOrEqual(20);
    }
  });

  it('takes campaign options: a shorter after-greeting silence decides a person sooner', () => {
    const path = recordings.find((r) => r.file === 'human-ru-allo.wav')!.path;
    const usual = detectOnRecording(path)!;
    const quick = detectOnRecording(path, { afterGreetingSilenceMs: 500 })!;
    expect(quick.verdict).toBe('human');
    expect(usual.decidedAtMs - quick.decidedAtMs).toBe(300);
  });
});
