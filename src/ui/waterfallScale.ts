/**
 * The waterfall's time axis with idle gaps collapsed: a stretch where no call was in flight that is longer
 * than a fifth of the busy time (and over 1 s) takes only a sliver of the strip, so a 27 s pause between two
 * bursts does not shrink every bar to nothing.
 */
export interface WaterfallScale {
  /** Position of an instant on the strip, 0..1. */
  at(t: number): number;
  from: number;
  to: number;
  /** Collapsed gaps: where they sit on the strip and how long they were. */
  gaps: { at: number; ms: number }[];
  /** Milliseconds of time drawn (the span without its collapsed gaps). */
  shownMs: number;
}

const GAP_SHARE = 0.015;

export interface Span {
  start: number;
  end: number;
}

/** The busy stretches of spans in start order, merged as they come (what waterfallScale and its incremental form share). */
export interface BusyFold {
  /** Busy stretches already closed (a later span started after their end); appended to, never changed. */
  closed: Span[];
  /** Total length of the closed stretches. */
  closedMs: number;
  /** Idle time between closed stretches (and before the open one) over the least threshold: the only gaps that can be cut. */
  longGaps: Span[];
  /** The stretch still open: later spans may extend it. */
  open: Span | null;
}

export const emptyFold = (): BusyFold => ({ closed: [], closedMs: 0, longGaps: [], open: null });

/** Adds one span (starting no earlier than the spans before it) to the fold, in place. */
export function foldSpan(fold: BusyFold, start: number, end: number): void {
  const open = fold.open;
  if (open && start <= open.end) {
    open.end = Math.max(open.end, end);
    return;
  }
  if (open) {
    fold.closed.push(open);
    fold.closedMs += open.end - open.start;
    if (start - open.end > MIN_CUT_MS) fold.longGaps.push({ start: open.end, end: start });
  }
  fold.open = { start, end: Math.max(end, start) };
}

/** Below this an idle gap is never cut, however short the busy time. */
const MIN_CUT_MS = 1000;

/** The scale of a finished fold (at least one span). */
export function scaleOfFold(fold: BusyFold): WaterfallScale {
  const open = fold.open!;
  const busyMs = fold.closedMs + (open.end - open.start);
  const threshold = Math.max(MIN_CUT_MS, busyMs / 5);
  const cuts = fold.longGaps.filter((g) => g.end - g.start > threshold);
  const from = (fold.closed[0] ?? open).start;
  const to = Math.max(open.end, from + 1);
  const cutMs = cuts.reduce((sum, c) => sum + (c.end - c.start), 0);
  const shownMs = Math.max(1, to - from - cutMs);
  const gapWidth = cuts.length ? GAP_SHARE : 0;
  const scale = (1 - gapWidth * cuts.length) / shownMs;
  const at = (t: number): number => {
    let x = 0;
    let cursor = from;
    for (const c of cuts) {
      if (t <= c.start) break;
      if (t < c.end) return Math.min(1, x + (c.start - cursor) * scale + gapWidth * ((t - c.start) / (c.end - c.start)));
      x += (c.start - cursor) * scale + gapWidth;
      cursor = c.end;
    }
    return Math.min(1, Math.max(0, x + (Math.min(t, to) - cursor) * scale));
  };
  return { at, from, to, gaps: cuts.map((c) => ({ at: at(c.start), ms: c.end - c.start })), shownMs };
}

export const EMPTY_SCALE: WaterfallScale = { at: () => 0, from: 0, to: 1, gaps: [], shownMs: 1 };

export function waterfallScale(spans: readonly Span[]): WaterfallScale {
  if (spans.length === 0) return EMPTY_SCALE;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const fold = emptyFold();
  for (const s of sorted) foldSpan(fold, s.start, s.end);
  return scaleOfFold(fold);
}
