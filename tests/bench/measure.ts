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
