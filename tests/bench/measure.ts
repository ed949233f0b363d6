/** One benchmark figure, printed as one JSON line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function printFigure(figure: Figure): void {
  process.stdout.write(`${JSON.stringify({ ...figure, value: Number(figure.value.toFixed(figure.value < 10 ? 3 : 1)) })}\n`);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Times `fn` `runs` times (after `warmup` untimed runs); milliseconds per run. */
export async function sampleMs(runs: number, fn: (i: number) => unknown, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A figure's median and tail: `<name>.p50_ms` and `<name>.p95_ms`. */
export function medianAndTail(name: string, samples: number[]): Figure[] {
  return [50, 95].map((p) => ({ name: `${name}.p${p}_ms`, value: percentile(samples, p), unit: 'ms' }));
}

/**
 * A figure beside its bare baseline measured in the same run: p50 and p95 of both sides, and their
 * ratios of like percentiles (p95/p95 first, p50/p50 beside it).
 */
export function compared(name: string, side: string, ours: number[], raw: number[]): Figure[] {
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const raw50 = percentile(raw, 50);
  const raw95 = percentile(raw, 95);
  return [
    ...medianAndTail(`${side}.${name}`, ours),
    ...medianAndTail(`raw.${name}`, raw),
    { name: `${side}.${name}.ratio_p95`, value: p95 / raw95, unit: 'x (p95/p95)' },
    { name: `${side}.${name}.ratio_p50`, value: p50 / raw50, unit: 'x (p50/p50)' },
  ];
}
