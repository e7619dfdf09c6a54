import "server-only";
// Percentiles of a set of timings, in milliseconds. Nearest-rank: the figure is one that was
// actually measured, never an interpolation between two.
export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!;
}

export function spread(samples: number[]): Spread {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Elapsed milliseconds of `work`, by the monotonic clock. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Progress on stderr, so the table on stdout stays clean. */
export function progress(message: string): void {
  process.stderr.write(`· ${message}\n`);
}
