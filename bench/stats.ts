/** Percentiles as the bench reports them: nearest rank, milliseconds rounded to 0.01. */
export const round = (n: number) => Math.round(n * 100) / 100;

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export const stats = (samples: number[]): Stats => ({
  n: samples.length,
  p50: round(percentile(samples, 50)),
  p99: round(percentile(samples, 99)),
  max: round(Math.max(...samples)),
});
