import { describe, expect, it } from 'vitest';
import { defaultAmdOptions, GreetingClassifier, type AmdOptions } from '#renderer/features/phone/media/amd/greeting-classifier';

const voice = 2_000;
const quiet = 40;

/** Levels of 20 ms frames: [level, ms] runs one after another. */
function frames(...runs: [number, number][]): number[] {
  return runs.flatMap(([level, ms]) => Array<number>(ms / 20).fill(level));
}

function classify(levels: number[], options: Partial<AmdOptions> = {}) {
  const classifier = new GreetingClassifier(options);
  for (const level of levels) {
    const verdict = classifier.push(level);
    if (verdict) return verdict;
  }
  return undefined;
}

describe('GreetingClassifier', () => {
  it('hears nobody: silence once the initial silence has passed, line noise below the voice level included', () => {
    expect(classify(frames([0, 5_000]))).toEqual({ verdict: 'silence', cause: 'initial-silence', decidedAtMs: 2_500, features: { initialSilenceMs: 2_500, greetingMs: 0, words: 0, afterGreetingSilenceMs: 0 } });
    expect(classify(frames([defaultAmdOptions.voiceLevel - 1, 5_000]))?.verdict).toBe('silence');
  });

  it('takes clicks and breaths shorter than a word for silence, before a greeting and after it', () => {
    const clicks = Array.from({ length: 10 }, () => frames([quiet, 200], [voice, 60])).flat();
    expect(classify(clicks)?.verdict).toBe('silence');
    const afterAllo = classify(frames([quiet, 300], [voice, 300], [quiet, 400], [voice, 60], [quiet, 2_000]));
    expect(afterAllo).toMatchObject({ verdict: 'human', decidedAtMs: 300 + 300 + 800 });
  });

  it('decides a short greeting followed by silence as a person, the moment the after-greeting silence is reached', () => {
    expect(classify(frames([quiet, 400], [voice, 300], [quiet, 3_000]))).toEqual({
      verdict: 'human',
      cause: 'after-greeting-silence',
      decidedAtMs: 400 + 300 + 800,
      features: { initialSilenceMs: 400, greetingMs: 300, words: 1, afterGreetingSilenceMs: 800 },
    });
  });

  it('counts a greeting of two words with a short pause as one greeting', () => {
    expect(classify(frames([quiet, 200], [voice, 300], [quiet, 300], [voice, 400], [quiet, 3_000]))).toMatchObject({
      verdict: 'human',
      decidedAtMs: 200 + 300 + 300 + 400 + 800,
      features: { words: 2, greetingMs: 700 },
    });
  });

  it('decides voice running past the longest greeting as a machine', () => {
    expect(classify(frames([quiet, 200], [voice, 4_000]))).toEqual({
      verdict: 'machine',
      cause: 'long-greeting',
      decidedAtMs: 200 + 1_520,
      features: { initialSilenceMs: 200, greetingMs: 1_520, words: 1, afterGreetingSilenceMs: 0 },
    });
  });

  it('decides a fourth word as a machine, however short the words', () => {
    const words = Array.from({ length: 6 }, () => frames([voice, 120], [quiet, 100])).flat();
    expect(classify(words)).toMatchObject({ verdict: 'machine', cause: 'too-many-words', decidedAtMs: 3 * 220 + 100, features: { words: 4 } });
  });

  it('does not end a word on a dip shorter than the between-words silence', () => {
    expect(classify(frames([voice, 300], [quiet, 40], [voice, 300], [quiet, 40], [voice, 300], [quiet, 40], [voice, 300], [quiet, 3_000]))).toMatchObject({ verdict: 'human', features: { words: 1 } });
  });

  it('gives a talker who never pauses long enough, nor says enough, to a person when the analysis time is up', () => {
    const halting = Array.from({ length: 10 }, () => frames([voice, 200], [quiet, 600])).flat();
    expect(classify(halting, { maxWords: 10 })).toMatchObject({ verdict: 'human', cause: 'analysis-time', decidedAtMs: 3_500 });
    expect(classify(frames([0, 5_000]), { initialSilenceMs: 4_000 })).toMatchObject({ verdict: 'silence', cause: 'analysis-time', decidedAtMs: 3_500 });
  });

  it('takes its limits from the options', () => {
    const allo = frames([quiet, 200], [voice, 600], [quiet, 3_000]);
    expect(classify(allo, { greetingMs: 500 })).toMatchObject({ verdict: 'machine', cause: 'long-greeting' });
    expect(classify(allo, { afterGreetingSilenceMs: 300 })).toMatchObject({ verdict: 'human', decidedAtMs: 1_100 });
    expect(classify(frames([quiet, 200], [600, 600], [quiet, 3_000]), { voiceLevel: 1_000 })).toMatchObject({ verdict: 'silence' });
    expect(classify(frames([voice, 80], [quiet, 3_000]), { minWordMs: 60 })).toMatchObject({ verdict: 'human' });
  });

  it('keeps its verdict for frames after it', () => {
    const classifier = new GreetingClassifier();
    let verdict;
    for (const level of frames([quiet, 2_600])) verdict ??= classifier.push(level);
    expect(classifier.push(voice)).toBe(verdict);
  });

  it('counts time in frames of the length it is given', () => {
    const classifier = new GreetingClassifier({}, 10);
    let verdict;
    for (let i = 0; i < 300 && !verdict; i++) verdict = classifier.push(0);
    expect(verdict).toMatchObject({ verdict: 'silence', decidedAtMs: 2_500 });
  });
});
