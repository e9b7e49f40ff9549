import type { CallRecord } from '../protocol';
import { firstChangedCall } from './firstChange';
import { EMPTY_SCALE, emptyFold, foldSpan, scaleOfFold, waterfallScale, type BusyFold, type WaterfallScale } from './waterfallScale';

/** Where the fold of the settled calls at the start of the list stopped: the rows before `index` are in it. */
interface Checkpoint {
  rows: readonly { call: CallRecord }[];
  index: number;
  closedCount: number;
  closedMs: number;
  longGapCount: number;
  open: { start: number; end: number } | null;
}

const checkpointOf = (rows: readonly { call: CallRecord }[], index: number, fold: BusyFold): Checkpoint => ({
  rows,
  index,
  closedCount: fold.closed.length,
  closedMs: fold.closedMs,
  longGapCount: fold.longGaps.length,
  open: fold.open && { ...fold.open },
});


/**
 * The waterfall's scale of a list that changes at its end (a live tab: new calls appended, pending ones
 * settled), without a pass over the whole list per update: the busy stretches of the settled calls before the
 * first pending one are kept, and only the rows after that point (or after the first changed row, if earlier)
 * are folded again. A list not in start order (sorted by another column) is worked out whole. Equal to
 * waterfallScale (test/unit/ui/incrementalWaterfall.test.ts).
 */
export function createWaterfallScale(): (rows: readonly { call: CallRecord }[], now: number) => WaterfallScale {
  // The closed stretches and long gaps are shared with the checkpoint, which keeps their counts.
  let fold: BusyFold = emptyFold();
  let mark: Checkpoint | null = null;
  // `pending`: some call of the list is still pending, so its bar, and the scale, move with the clock.
  let last: { rows: readonly { call: CallRecord }[]; now: number; scale: WaterfallScale; pending: boolean } | null = null;
  return (rows, now) => {
    if (last && last.rows === rows && (!last.pending || last.now === now)) return last.scale;
    let from = 0;
    if (mark && mark.index <= rows.length && firstChangedCall(mark.rows, rows, mark.index) === mark.index) {
      fold.closed.length = mark.closedCount;
      fold.longGaps.length = mark.longGapCount;
      fold.closedMs = mark.closedMs;
      fold.open = mark.open && { ...mark.open };
      from = mark.index;
    } else {
      fold = emptyFold();
    }
    // The rows before `from` are settled: the first pending row, if any, is after it, and the next checkpoint there.
    let checkpoint: Checkpoint | null = null;
    let inOrder = true;
    for (let i = from; i < rows.length; i++) {
      const call = rows[i]!.call;
      if (i > 0 && rows[i - 1]!.call.startedAt > call.startedAt) {
        inOrder = false;
        break;
      }
      if (call.endedAt === null && checkpoint === null) checkpoint = checkpointOf(rows, i, fold);
      foldSpan(fold, call.startedAt, call.endedAt ?? now);
    }
    if (!inOrder) {
      mark = null;
      const scale = waterfallScale(rows.map((r) => ({ start: r.call.startedAt, end: r.call.endedAt ?? now })));
      last = { rows, now, scale, pending: rows.some((r) => r.call.endedAt === null) };
    } else {
      mark = checkpoint ?? checkpointOf(rows, rows.length, fold);
      last = { rows, now, scale: rows.length === 0 ? EMPTY_SCALE : scaleOfFold(fold), pending: checkpoint !== null };
    }
    return last.scale;
  };
}
