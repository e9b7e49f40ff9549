import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COLUMNS, timeRange, type ColumnKey, type Row, type Sort } from './listModel';
import { formatBytes, formatClock, formatDuration, shortFrameName } from './format';

export const ROW_HEIGHT = 20;
const OVERSCAN = 6;

function moduleOf(row: Row): string {
  const url = row.frame?.url ?? '';
  const module = /[?&]moduleKey=([^&]+)/.exec(url)?.[1];
  const name = url ? shortFrameName(url) : row.call.frameKey;
  return module ? `${name} · ${decodeURIComponent(module)}` : name;
}

function ttlText(row: Row, now: number): string {
  if (row.tokenExp === null) return '';
  const left = Math.round((row.tokenExp - now) / 1000);
  return left >= 0 ? `${left} s` : `expired`;
}

function cell(key: ColumnKey, row: Row, now: number, range: { from: number; to: number }) {
  const c = row.call;
  switch (key) {
    case 'time': return formatClock(c.startedAt);
    case 'frame': return moduleOf(row);
    case 'kind': return c.kind;
    case 'summary': return c.summary;
    case 'status': return c.status === 'pending' ? '⋯ pending' : c.status;
    case 'duration': return formatDuration(row.durationMs);
    case 'size': return formatBytes(row.bytes);
    case 'ttl': return ttlText(row, now);
    case 'waterfall': {
      const span = range.to - range.from;
      const left = ((c.startedAt - range.from) / span) * 100;
      const width = Math.max(0.5, (((c.endedAt ?? now) - c.startedAt) / span) * 100);
      return <span class={`bar bar-${c.status}`} style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }} />;
    }
  }
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
}

/**
 * The call list: a grid that renders only the rows in view (fixed row height). New rows appended at the end
 * do not move what is shown; when the view was at the bottom it stays there, like a log.
 */
export function CallTable({ rows, hidden, sort, onSort, selectedId, onSelect, onOpen, now }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const atBottom = useRef(true);
  const columns = COLUMNS.filter((c) => !hidden.has(c.key));
  // The waterfall's span moves only with the rows (and with the clock while calls are pending).
  // Looked for once per list, not on every scroll frame: a tab may hold 100,000 rows.
  const pending = useMemo(() => rows.some((r) => r.call.endedAt === null), [rows]);
  const range = useMemo(() => timeRange(rows, now), [rows, pending ? now : 0]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const resize = () => setHeight(el.clientHeight || 400);
    resize();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : null;
    observer?.observe(el);
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

  const onScroll = () => {
    const el = scroller.current!;
    atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    setScrollTop(el.scrollTop);
  };

  const template = columns.map((c) => (c.width === 'auto' ? 'minmax(120px, 1fr)' : c.width)).join(' ');
  return (
    // One column template for every row, through a variable: rows then share their computed style.
    <div class="grid" role="grid" aria-label="Forge bridge calls" aria-rowcount={rows.length + 1} style={{ '--columns': template }}>
      <div class="grid-head" role="row">
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            class={`col col-${c.key}`}
            aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
          >
            {c.sortable ? (
              <button type="button" class="sort" onClick={() => onSort(c.key)} title={`Sort by ${c.label.toLowerCase()}`}>
                {c.label}
                {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div class="grid-body" ref={scroller} onScroll={onScroll} data-testid="grid-body">
        <div class="grid-spacer" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          <div class="grid-window" style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
          {visible.map((row, i) => {
            const index = first + i;
            const selected = row.call.id === selectedId;
            return (
              // Keyed by slot, not by call: scrolling rewrites the text of the rows in view instead of building new ones.
              <div
                key={i}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={selected}
                class={`grid-row status-${row.call.status}${selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}`}
                data-call-id={row.call.id}
                data-command={row.call.command}
                onClick={() => onSelect(row.call.id)}
                onDblClick={onOpen}
              >
                {columns.map((c) => (
                  <div key={c.key} role="gridcell" class={`col col-${c.key}`} title={c.key === 'summary' ? row.call.summary : undefined}>
                    {cell(c.key, row, now, range)}
                  </div>
                ))}
              </div>
            );
          })}
          </div>
        </div>
      </div>
    </div>
  );
}
