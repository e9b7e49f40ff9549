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

export function waterfallScale(spans: readonly { start: number; end: number }[]): WaterfallScale {
  if (spans.length === 0) return { at: () => 0, from: 0, to: 1, gaps: [], shownMs: 1 };
  // A list in time order (the default, and every update of a live one) needs no copy and no sort.
  let inOrder = true;
  for (let i = 1; i < spans.length && inOrder; i++) inOrder = spans[i - 1]!.start <= spans[i]!.start;
  const sorted = inOrder ? spans : [...spans].sort((a, b) => a.start - b.start);
  const busy: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = busy[busy.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else busy.push({ start: s.start, end: Math.max(s.end, s.start) });
  }
  const busyMs = busy.reduce((sum, b) => sum + (b.end - b.start), 0);
  const threshold = Math.max(1000, busyMs / 5);
  const cuts: { start: number; end: number }[] = [];
  for (let i = 1; i < busy.length; i++) {
    const idle = busy[i]!.start - busy[i - 1]!.end;
    if (idle > threshold) cuts.push({ start: busy[i - 1]!.end, end: busy[i]!.start });
  }
  const from = busy[0]!.start;
  const to = Math.max(busy[busy.length - 1]!.end, from + 1);
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
