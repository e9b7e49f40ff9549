import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CallRow, frameCell } from './CallRow';
import { layoutColumns } from './columnLayout';
import { createModuleKeys } from './frameModules';
import { createWaterfallScale } from './incrementalWaterfall';
import { COLUMNS, type ColumnKey, type Row, type Sort } from './listModel';
import { formatDuration } from './format';
import { useRowEvents } from './rowEvents';
import type { Size } from './useLaidOutSize';
import type { WaterfallScale } from './waterfallScale';

import { ROW_HEIGHT } from './CallRow';

export { ROW_HEIGHT };
const OVERSCAN = 3;
/** The head's height as drawn (a line of text and a border), for a first draw sized from the area: measured after. */
const HEAD_HEIGHT = 18;
const LABELS = new Map(COLUMNS.map((c) => [c.key, c]));

/** The waterfall's header: its span, and where idle time was cut out. */
function WaterfallAxis({ scale }: { scale: WaterfallScale }) {
  const idle = scale.gaps.reduce((sum, g) => sum + g.ms, 0);
  const title = `${formatDuration(scale.shownMs)} of activity${idle ? `; ${scale.gaps.length} idle ${scale.gaps.length === 1 ? 'gap' : 'gaps'} (${formatDuration(idle)}) collapsed, marked ≈` : ''}`;
  return (
    <span class="axis" title={title} data-testid="waterfall-axis">
      <span class="tick end">{formatDuration(scale.shownMs + idle)}</span>
      {scale.gaps.map((g, i) => <span key={i} class="gap" style={{ left: `${g.at * 100}%` }}>≈</span>)}
    </span>
  );
}

interface Props {
  rows: Row[];
  hidden: ReadonlySet<ColumnKey>;
  sort: Sort;
  onSort: (key: ColumnKey) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: () => void;
  now: number;
  /** Details are open beside the list: only Summary and Status stay. */
  detailsOpen?: boolean;
  /** Told which columns the width left out, for the Columns menu. */
  onSqueezed?: (keys: ColumnKey[]) => void;
  /**
   * The size of the area the list fills, as last laid out, if known: its first draw takes it. Drawn at a guessed
   * size, the list measured itself and drew its rows a second time, in the update that brought the first calls.
   */
  area?: { readonly current: Size | null };
}

/**
 * The call list: a grid that renders only the rows in view (fixed row height). New rows appended at the end
 * do not move what is shown; when the view was at the bottom it stays there, like a log. Columns are laid out
 * for the width it has (columnLayout); below their least width the list scrolls sideways.
 */
export function CallTable({ rows, hidden, sort, onSort, selectedId, onSelect, onOpen, now, detailsOpen = false, onSqueezed, area }: Props) {
  const outer = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(() => (area?.current ? Math.max(ROW_HEIGHT, Math.round(area.current.height) - HEAD_HEIGHT) : 400));
  const [width, setWidth] = useState(() => (area?.current ? Math.round(area.current.width) : 1200));
  // The list opens at its end, like a log (below): its first draw shows the rows there rather than the first
  // ones, which the scroll to the end then rewrote, every row a second time in the same frame.
  const [scrollTop, setScrollTop] = useState(() => Math.max(0, rows.length * ROW_HEIGHT - height));
  const atBottom = useRef(true);
  const layout = useMemo(() => layoutColumns(width, hidden, detailsOpen), [width, hidden, detailsOpen]);
  const columns = layout.columns;
  const kindShown = columns.some((c) => c.key === 'kind');
  // Module keys and the waterfall's scale are kept across updates and redo only the rows after the first
  // changed one: a live tab's update changes its last rows, and a pass over 10,000 rows per update was most of it.
  const moduleKeys = useRef<ReturnType<typeof createModuleKeys> | null>(null);
  moduleKeys.current ??= createModuleKeys();
  const modules = moduleKeys.current(rows);
  // A frame's label parses its URL: once per frame (and module keys), not once per row drawn.
  const frameText = useMemo(() => {
    const labels = new Map<string, { frame: Row['frame']; text: string }>();
    return (row: Row) => {
      const known = labels.get(row.call.frameKey);
      if (known && known.frame === row.frame) return known.text;
      const text = frameCell(row, modules);
      labels.set(row.call.frameKey, { frame: row.frame, text });
      return text;
    };
  }, [modules]);
  const squeezedKey = layout.squeezed.join(',');
  useEffect(() => onSqueezed?.(layout.squeezed), [squeezedKey]);
  // The waterfall's scale moves only with the rows (and with the clock while calls are pending): not on scroll frames.
  const scaleOf = useRef<ReturnType<typeof createWaterfallScale> | null>(null);
  scaleOf.current ??= createWaterfallScale();
  const scale = scaleOf.current(rows, now);

  useLayoutEffect(() => {
    const el = scroller.current;
    const box = outer.current;
    if (!el || !box) return;
    const resize = () => {
      setHeight(el.clientHeight || 400);
      setWidth(box.clientWidth || 1200);
    };
    resize();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : null;
    observer?.observe(el);
    observer?.observe(box);
    return () => observer?.disconnect();
  }, []);

  // Follow the end of the log only when the user was already there.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current && el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight;
  }, [rows.length]);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    const index = selectedId === null ? -1 : rows.findIndex((r) => r.call.id === selectedId);
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - ROW_HEIGHT) el.scrollTop = top + 2 * ROW_HEIGHT - el.clientHeight;
  }, [selectedId]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const rowEvents = useRowEvents((index) => rows[index], onSelect, onOpen);

  const onScroll = () => {
    // A scroll event is dispatched at the next frame: the list may be gone by then (the warm-up's is).
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    setScrollTop(el.scrollTop);
  };

  return (
    // One column template for every row, through a variable: rows then share their computed style.
    <div class="grid-outer" ref={outer}>
    <div class="grid" role="grid" aria-label="Forge bridge calls" aria-rowcount={rows.length + 1} style={{ '--columns': layout.template, minWidth: `${layout.minWidth}px` }}>
      <div class="grid-head" role="row">
        {columns.map(({ key, numeric }) => {
          const c = LABELS.get(key)!;
          return (
            <div
              key={key}
              role="columnheader"
              class={`col col-${key}${numeric ? ' num' : ''}`}
              aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            >
              {c.sortable ? (
                <button type="button" class="sort" onClick={() => onSort(key)} title={`Sort by ${c.label.toLowerCase()}`}>
                  {c.label}
                  {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              ) : (
                <>
                  <span class="label">{c.label}</span>
                  {key === 'waterfall' && <WaterfallAxis scale={scale} />}
                </>
              )}
            </div>
          );
        })}
      </div>
      <div class="grid-body" ref={scroller} onScroll={onScroll} data-testid="grid-body">
        <div class="grid-spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          <div class="grid-window" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }} {...rowEvents}>
          {visible.map((row, i) => {
            const index = first + i;
            // Keyed by slot, not by call: scrolling rewrites the text of the rows in view instead of building new ones.
            return (
              <CallRow
                key={i}
                row={row}
                index={index}
                selected={row.call.id === selectedId}
                columns={columns}
                kindShown={kindShown}
                frameText={frameText}
                scale={scale}
                now={row.call.endedAt === null ? now : 0}
              />
            );
          })}
          </div>
        </div>
      </div>
    </div>
    </div>
  );
}
