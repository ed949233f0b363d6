import { amdRecordings, detectOnRecording } from '#tests/support/amd-recordings';
import { medianAndTail, type Figure } from './measure';

/**
 * Answering-machine detection on the labelled recordings (tests/fixtures/amd), through the detector
 * the window runs, fed in the blocks the window receives: the share classified right, and the audio
 * time from the answer to the verdict (what the callee hears before the dialer acts).
 */
export function amdFigures(log: (line: string) => void): Promise<Figure[]> {
  const recordings = amdRecordings();
  const verdicts = recordings.map((r) => ({ recording: r, verdict: detectOnRecording(r.path) }));
  for (const { recording, verdict } of verdicts) {
    if (verdict?.verdict !== recording.verdict) log(`amd: ${recording.file} is ${recording.verdict}, detected ${verdict?.verdict ?? 'nothing'} (${verdict?.cause ?? 'undecided'})`);
  }
  const right = verdicts.filter(({ recording, verdict }) => verdict?.verdict === recording.verdict).length;
  const decided = verdicts.flatMap(({ verdict }) => (verdict ? [verdict.decidedAtMs] : []));
  return Promise.resolve([
    { name: 'dialer.amd.accuracy', value: right / recordings.length, unit: `share of ${recordings.length} recordings` },
    ...medianAndTail('dialer.amd.verdict', decided),
  ]);
}
