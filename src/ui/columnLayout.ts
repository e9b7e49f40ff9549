import type { ColumnKey } from './listModel';

/**
 * How the call list's columns share the width, like Chrome's Network panel: Summary is the widest and the last
 * to shrink; when the list is narrow the least useful columns go first (Time, Frame, Kind, then Waterfall,
 * Size, Token TTL, Duration); beside open details only Summary and Status stay. What still does not fit
 * scrolls sideways.
 */
export interface ColumnSpec {
  key: ColumnKey;
  /** Fixed width in px, or the least a flexible column may take. */
  px: number;
  /** Flexible columns share what is left, by weight. */
  flex: number;
  /** Higher stays longer when the list is narrow. */
  priority: number;
  /** Right-aligned tabular figures. */
  numeric: boolean;
}

/** Display order, left to right. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { key: 'time', px: 92, flex: 0, priority: 10, numeric: true },
  { key: 'summary', px: 200, flex: 3, priority: 100, numeric: false },
  { key: 'status', px: 68, flex: 0, priority: 90, numeric: true },
  { key: 'kind', px: 96, flex: 0, priority: 30, numeric: false },
  { key: 'frame', px: 140, flex: 0, priority: 20, numeric: false },
  { key: 'duration', px: 70, flex: 0, priority: 80, numeric: true },
  { key: 'size', px: 64, flex: 0, priority: 60, numeric: true },
  { key: 'ttl', px: 76, flex: 0, priority: 70, numeric: true },
  { key: 'initiator', px: 140, flex: 0, priority: 15, numeric: false },
  { key: 'waterfall', px: 120, flex: 1, priority: 50, numeric: false },
];

/** The columns kept beside open details. */
const BESIDE_DETAILS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['summary', 'status']);

const need = (specs: readonly ColumnSpec[]) => specs.reduce((sum, s) => sum + s.px, 0);

export interface ColumnLayout {
  columns: ColumnSpec[];
  /** Columns the width left out (not the user's choice): the Columns menu says so. */
  squeezed: ColumnKey[];
  /** grid-template-columns for the header and every row. */
  template: string;
  /** The least width the columns need: the list scrolls sideways below it. */
  minWidth: number;
}

export function layoutColumns(width: number, hidden: ReadonlySet<ColumnKey>, detailsOpen: boolean): ColumnLayout {
  const wanted = COLUMN_SPECS.filter((s) => !hidden.has(s.key) && (!detailsOpen || BESIDE_DETAILS.has(s.key)));
  const kept = [...wanted];
  const byPriority = [...wanted].sort((a, b) => a.priority - b.priority);
  for (const spec of byPriority) {
    if (need(kept) <= width || kept.length <= 2) break;
    if (spec.key === 'summary') continue;
    kept.splice(kept.indexOf(spec), 1);
  }
  const template = kept.map((s) => (s.flex > 0 ? `minmax(${s.px}px, ${s.flex}fr)` : `${s.px}px`)).join(' ');
  return { columns: kept, squeezed: wanted.filter((s) => !kept.includes(s)).map((s) => s.key), template, minWidth: need(kept) };
}
