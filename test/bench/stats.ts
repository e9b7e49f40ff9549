import { quantile as quantileOfSorted } from '../../src/stats';

/** Quantile by linear interpolation over a sorted copy. */
export function quantile(values: readonly number[], q: number): number {
  return quantileOfSorted(values.slice().sort((a, b) => a - b), q);
}

/**
 * Pages see performance.now() coarsened (100 µs in Chromium without cross-origin isolation), far above one
 * bridge call, so calls are timed in blocks: each sample is a block's time divided by its calls.
 */
export const BLOCK = 50;

