/** `counts[i]` values fell in [edges[i], edges[i + 1]); the last bin also holds its upper edge. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** The smallest 1, 2 or 5 × 10^n at least `x`, so that bin edges read as round numbers. */
function niceWidth(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

function largest(series: readonly (readonly number[])[]): number {
  let max = 0;
  for (const values of series) for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return max;
}

/**
 * Edges from 0 in bins of one round width (1, 2 or 5 × 10^n), at most `binCount` of them and as few as
 * reach the largest value. Negative values go in the first bin.
 */
export function binEdges(max: number, binCount: number): number[] {
  const most = Math.max(1, Math.floor(binCount));
  const width = max > 0 ? niceWidth(max / most) : 1;
  const bins = Math.min(most, Math.max(1, Math.ceil(max / width)));
  return Array.from({ length: bins + 1 }, (_, i) => i * width);
}

/** How many values fall in each bin of `edges` (NaN and infinities are left out). */
export function countInBins(values: readonly number[], edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const width = edges[1]! - edges[0]!;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - edges[0]!) / width)))]!++;
  }
  return counts;
}

/** One series in at most `bins` bins from 0 to its maximum. */
export function histogram(values: readonly number[], bins = 12): Histogram {
  const edges = binEdges(largest([values]), bins);
  return { edges, counts: countInBins(values, edges) };
}

/** Two series on the same edges (from 0 to the larger maximum, at most `binCount` bins), so that their bars compare. */
export function sharedHistogram(a: readonly number[], b: readonly number[], binCount = 12): { edges: number[]; a: number[]; b: number[] } {
  const edges = binEdges(largest([a, b]), binCount);
  return { edges, a: countInBins(a, edges), b: countInBins(b, edges) };
}
