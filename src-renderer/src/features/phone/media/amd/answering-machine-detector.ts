import { AudioFramer } from './audio-framer';
import { GreetingClassifier, type AmdOptions, type AmdVerdict } from './greeting-classifier';

/**
 * Answering-machine detection on raw samples: frames them and classifies the frames. The same
 * object runs in the window on a call's remote audio and in Node on the labelled recordings.
 */
export class AnsweringMachineDetector {
  private readonly framer: AudioFramer;
  private readonly classifier: GreetingClassifier;
  private verdict: AmdVerdict | undefined;

  constructor(sampleRate: number, options: Partial<AmdOptions> = {}) {
    this.framer = new AudioFramer(sampleRate);
    this.classifier = new GreetingClassifier(options, this.framer.frameMs);
  }

  /** Samples in [-1, 1] from the answer on; the verdict once there is one (the same one from then on). */
  push(samples: Float32Array): AmdVerdict | undefined {
    if (this.verdict) return this.verdict;
    for (const level of this.framer.push(samples)) {
      this.verdict = this.classifier.push(level);
      if (this.verdict) break;
    }
    return this.verdict;
  }
}
