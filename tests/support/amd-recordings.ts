/// <reference types="node" />
// Also type-checked with the renderer (its tests import this), which has no Node types of its own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AnsweringMachineDetector } from '#renderer/features/phone/media/amd/answering-machine-detector';
import type { AmdOptions, AmdVerdict, AmdVerdictKind } from '#renderer/features/phone/media/amd/greeting-classifier';
import { readWav } from './wav';

/** The labelled recordings made by scripts/make-amd-recordings.sh. */
export const amdRecordingsDir = fileURLToPath(new URL('../fixtures/amd/', import.meta.url));

export interface AmdRecording {
  file: string;
  path: string;
  verdict: AmdVerdictKind;
  what: string;
  text: string;
}

export function amdRecordings(): AmdRecording[] {
  const labels = JSON.parse(readFileSync(`${amdRecordingsDir}labels.json`, 'utf8')) as Record<string, Omit<AmdRecording, 'file' | 'path'>>;
  return Object.entries(labels).map(([file, label]) => ({ file, path: `${amdRecordingsDir}${file}`, ...label }));
}

/** WebAudio's render quantum: the blocks the window's tap receives from the remote stream. */
const renderQuantum = 128;

/** Runs a recording through the detector in the blocks the window receives; undefined if it ends undecided. */
export function detectOnRecording(path: string, options: Partial<AmdOptions> = {}): AmdVerdict | undefined {
  const { sampleRate, samples } = readWav(path);
  const detector = new AnsweringMachineDetector(sampleRate, options);
  for (let at = 0; at < samples.length; at += renderQuantum) {
    const verdict = detector.push(samples.subarray(at, at + renderQuantum));
    if (verdict) return verdict;
  }
  return undefined;
}
