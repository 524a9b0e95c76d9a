/** Latency figures of one sample set, in the unit the samples are in (milliseconds here). */
export type Summary = { count: number; p50: number; p90: number; p99: number; max: number; mean: number };

const EMPTY: Summary = { count: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };

/** Nearest-rank percentile of an ascending array: the smallest value with at least p% of the samples at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0] as number;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function summarize(values: ArrayLike<number>): Summary {
  if (values.length === 0) return EMPTY;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
  };
}
