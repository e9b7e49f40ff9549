import type { CallRecord } from '../protocol';

/**
 * The first position where two lists hold a different item (by identity, of `keyOf` of each; the shorter
 * list's length, or `limit`, when they agree that far). A pointer comparison per item and nothing else: what
 * lets the list's derived values redo only the items after it (a live tab changes its last rows).
 */
export function firstDifference<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => unknown = (x) => x, limit = Math.min(before.length, after.length)): number {
  for (let i = 0; i < limit; i++) if (keyOf(before[i]!) !== keyOf(after[i]!)) return i;
  return limit;
}

const callOf = (row: { call: CallRecord }) => row.call;

/** firstDifference of two lists of rows, by the call each shows. */
export const firstChangedCall = (before: readonly { call: CallRecord }[], after: readonly { call: CallRecord }[], limit?: number) => firstDifference(before, after, callOf, limit);
