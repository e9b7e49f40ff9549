/** Quantile of sorted values by linear interpolation; NaN for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN,
  };
}

/** Two series binned on the same edges (so their bars compare), from 0 to the larger maximum. */
export function sharedHistogram(a: readonly number[], b: readonly number[], binCount = 12): { edges: number[]; a: number[]; b: number[] } {
  const max = Math.max(0, ...a, ...b);
  const width = max > 0 ? max / binCount : 1;
  const edges = Array.from({ length: binCount + 1 }, (_, i) => i * width);
  const bin = (values: readonly number[]) => {
    const counts = new Array<number>(binCount).fill(0);
    for (const v of values) counts[Math.min(binCount - 1, Math.max(0, Math.floor(v / width)))]!++;
    return counts;
  };
  return { edges, a: bin(a), b: bin(b) };
}
