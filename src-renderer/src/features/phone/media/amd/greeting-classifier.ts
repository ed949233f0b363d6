/**
 * Answering-machine detection on the first seconds of an answered outbound call, from the level of
 * each audio frame alone, after Asterisk's app_amd: a person answers with a short greeting ("Алло?")
 * and waits, a recorded message talks on, and nobody speaking at all is a verdict of its own.
 */
export type AmdVerdictKind = 'human' | 'machine' | 'silence';

/** The limit that decided. */
export type AmdCause =
  /** No word within `initialSilenceMs`: silence. */
  | 'initial-silence'
  /** A greeting, then `afterGreetingSilenceMs` of silence: a person waiting for an answer. */
  | 'after-greeting-silence'
  /** More than `greetingMs` of voice: a recorded message. */
  | 'long-greeting'
  /** More than `maxWords` words: a recorded message. */
  | 'too-many-words'
  /** Still undecided at `totalAnalysisMs`: a person if anyone spoke (hanging up on one is the costly mistake), else silence. */
  | 'analysis-time';

export interface AmdOptions {
  /** A frame whose RMS level (16-bit scale, 0–32767) reaches this is voice; below it, silence or line noise. */
  voiceLevel: number;
  initialSilenceMs: number;
  /** The longest greeting a person gives, counted in voice (pauses between words not included). */
  greetingMs: number;
  afterGreetingSilenceMs: number;
  /** Voice this long without a break is a word; shorter bursts (clicks, breaths) are not. */
  minWordMs: number;
  /** Silence this long ends a word. */
  betweenWordsSilenceMs: number;
  maxWords: number;
  /** The verdict comes by this time after the answer at the latest. */
  totalAnalysisMs: number;
}

/** app_amd's defaults, but a shorter analysis: a dialer must decide within 3–4 s of the answer. */
export const defaultAmdOptions: Readonly<AmdOptions> = {
  voiceLevel: 256,
  initialSilenceMs: 2_500,
  greetingMs: 1_500,
  afterGreetingSilenceMs: 800,
  minWordMs: 100,
  betweenWordsSilenceMs: 50,
  maxWords: 3,
  totalAnalysisMs: 3_500,
};

/** What the verdict rests on, as measured up to the moment it was given. */
export interface AmdFeatures {
  /** From the answer to the first word (the whole time, if nobody spoke). */
  initialSilenceMs: number;
  /** Voice since the first word began. */
  greetingMs: number;
  words: number;
  /** Silence since the last word ended (0 while someone is speaking). */
  afterGreetingSilenceMs: number;
}

export interface AmdVerdict {
  verdict: AmdVerdictKind;
  cause: AmdCause;
  /** Audio time from the answer (the first frame) to the verdict. */
  decidedAtMs: number;
  features: AmdFeatures;
}

/**
 * Feed it one level per frame of the remote audio from the moment of the answer; it returns the
 * verdict as soon as one limit is reached, and the same verdict for any frame after that.
 */
export class GreetingClassifier {
  private readonly options: AmdOptions;
  private elapsedMs = 0;
  /** Unbroken voice so far (a word once it reaches minWordMs). */
  private voiceRunMs = 0;
  /** Unbroken silence so far (ends a word once it reaches betweenWordsSilenceMs). */
  private silenceRunMs = 0;
  /** Time since the last frame of a word: bursts too short to be words do not break a silence. */
  private sinceWordMs = 0;
  private inWord = false;
  private words = 0;
  private greetingStartMs: number | undefined;
  private greetingVoiceMs = 0;
  private verdict: AmdVerdict | undefined;

  constructor(
    options: Partial<AmdOptions> = {},
    readonly frameMs = 20,
  ) {
    this.options = { ...defaultAmdOptions, ...options };
  }

  push(level: number): AmdVerdict | undefined {
    if (this.verdict) return this.verdict;
    this.elapsedMs += this.frameMs;
    if (level >= this.options.voiceLevel) this.voice();
    else this.silence();
    this.verdict = this.decide();
    return this.verdict;
  }

  private voice(): void {
    const { minWordMs } = this.options;
    this.voiceRunMs += this.frameMs;
    this.silenceRunMs = 0;
    if (this.greetingStartMs !== undefined) this.greetingVoiceMs += this.frameMs;
    if (this.voiceRunMs < minWordMs) {
      this.sinceWordMs += this.frameMs;
      return;
    }
    this.sinceWordMs = 0;
    if (this.inWord) return;
    this.inWord = true;
    this.words++;
    if (this.greetingStartMs === undefined) {
      this.greetingStartMs = this.elapsedMs - this.voiceRunMs;
      this.greetingVoiceMs = this.voiceRunMs;
    }
  }

  private silence(): void {
    this.voiceRunMs = 0;
    this.silenceRunMs += this.frameMs;
    this.sinceWordMs += this.frameMs;
    if (this.silenceRunMs >= this.options.betweenWordsSilenceMs) this.inWord = false;
  }

  private decide(): AmdVerdict | undefined {
    const o = this.options;
    const spoke = this.greetingStartMs !== undefined;
    if (!spoke && this.elapsedMs >= o.initialSilenceMs) return this.verdictOf('silence', 'initial-silence');
    if (spoke && this.sinceWordMs >= o.afterGreetingSilenceMs) return this.verdictOf('human', 'after-greeting-silence');
    if (this.words > o.maxWords) return this.verdictOf('machine', 'too-many-words');
    if (this.greetingVoiceMs > o.greetingMs) return this.verdictOf('machine', 'long-greeting');
    if (this.elapsedMs >= o.totalAnalysisMs) return this.verdictOf(spoke ? 'human' : 'silence', 'analysis-time');
    return undefined;
  }

  private verdictOf(verdict: AmdVerdictKind, cause: AmdCause): AmdVerdict {
    return {
      verdict,
      cause,
      decidedAtMs: this.elapsedMs,
      features: {
        initialSilenceMs: this.greetingStartMs ?? this.elapsedMs,
        greetingMs: this.greetingVoiceMs,
        words: this.words,
        afterGreetingSilenceMs: this.greetingStartMs === undefined || this.inWord ? 0 : this.sinceWordMs,
      },
    };
  }
}
