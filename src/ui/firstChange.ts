import type { CallRecord } from '../protocol';

/**
 * A number for each list noted, by which a list made from it names it. Holding the earlier list itself chained
 * every list of a live tab to the one before (each update's calls and rows, up to 100,000 items each): none was
 * ever freed, and the garbage collector's marking walked the chain a link per round (the stream's late slow
 * updates were those collections).
 */
const ids = new WeakMap<readonly unknown[], number>();
let lastId = 0;

/** Lists made from another by changing it from some position on: which list (its id), and from where. */
const origins = new WeakMap<readonly unknown[], { before: number; from: number }>();

/** Notes that `after` is `before` with its items from `from` on changed (appended, replaced, removed), so that firstDifference need not compare. */
export function noteChangedFrom<T>(after: readonly T[], before: readonly T[], from: number): void {
  let id = ids.get(before);
  if (id === undefined) ids.set(before, (id = ++lastId));
  origins.set(after, { before: id, from });
}

/**
 * A position before which two lists hold the same items (by identity, of `keyOf` of each), at most `limit`
 * (the shorter list's length): where they first differ, or, when `after` was noted as made from `before`,
 * where it was changed from, known at once. Otherwise a pointer comparison per item and nothing else. What
 * lets the list's derived values redo only the items after it (a live tab changes its last rows).
 */
export function firstDifference<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => unknown = (x) => x, limit = Math.min(before.length, after.length)): number {
  const origin = origins.get(after);
  if (origin && origin.before === ids.get(before)) return Math.min(origin.from, limit);
  for (let i = 0; i < limit; i++) if (keyOf(before[i]!) !== keyOf(after[i]!)) return i;
  return limit;
}

const callOf = (row: { call: CallRecord }) => row.call;

/** firstDifference of two lists of rows, by the call each shows. */
export const firstChangedCall = (before: readonly { call: CallRecord }[], after: readonly { call: CallRecord }[], limit?: number) => firstDifference(before, after, callOf, limit);

/**
 * Whether any call of a list is pending, for a list that changes at its end: the first pending call's place
 * is kept, and only the calls from the first changed one on are looked at again (a live tab's pending calls
 * are its last ones, and a list with none was otherwise read whole on every update).
 */
export function createPendingCheck(): (calls: readonly CallRecord[]) => boolean {
  let before: readonly CallRecord[] = [];
  let firstPending = -1;
  return (calls) => {
    if (calls === before) return firstPending >= 0;
    const from = firstDifference(before, calls);
    before = calls;
    if (firstPending >= 0 && firstPending < from) return true;
    firstPending = -1;
    for (let i = from; i < calls.length; i++) {
      if (calls[i]!.endedAt === null) {
        firstPending = i;
        break;
      }
    }
    return firstPending >= 0;
  };
}
