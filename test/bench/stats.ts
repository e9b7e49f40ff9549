/** Quantile by linear interpolation over a sorted copy. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Pages see performance.now() coarsened (100 µs in Chromium without cross-origin isolation), far above one
 * bridge call, so calls are timed in blocks: each sample is a block's time divided by its calls.
 */
export const BLOCK = 50;

