import { Component } from 'preact';
import { callOutcome, outcomeClass, statusLabel } from '../query';
import type { ColumnSpec } from './columnLayout';
import { INITIATOR_NONE, initiatorCell } from './details/Initiator';
import type { ColumnKey, Row } from './listModel';
import { formatBytes, formatClock, formatDuration, formatSeconds, frameLabel } from './format';
import type { WaterfallScale } from './waterfallScale';

export const ROW_HEIGHT = 20;

/** The Frame / module cell: the module key first, the host only in the tooltip. */
export function frameCell(row: Row, modules: ReadonlyMap<string, string>): string {
  const key = row.call.frameKey;
  return row.frame ? frameLabel(row.frame.url, modules.get(key) ?? null) : (modules.get(key) ?? key);
}

/** Time left on the call's token when the call was sent: what the remote judged, not what is left now. */
function ttlText(row: Row): string {
  if (row.tokenExp === null) return '';
  const left = (row.tokenExp - row.call.startedAt) / 1000;
  return left >= 0 ? formatSeconds(left) : 'expired';
}

/** The summary without its leading kind word when the Kind column already says it (kept in the DOM, for search). */
function summaryCell(row: Row, kindShown: boolean) {
  const s = row.call.summary;
  const first = s.split(' ', 1)[0]!;
  if (!kindShown || first !== row.call.kind) return s;
  return (
    <>
      <span class="repeated-kind">{first} </span>
      {s.slice(first.length + 1)}
    </>
  );
}

function cell(key: ColumnKey, row: Row, now: number, scale: WaterfallScale, kindShown: boolean, frameText: (row: Row) => string) {
  const c = row.call;
  switch (key) {
    case 'time': return formatClock(c.startedAt);
    case 'frame': return frameText(row);
    case 'kind': return c.kind;
    case 'summary': return summaryCell(row, kindShown);
    case 'status': return statusLabel(callOutcome(c));
    case 'duration': return formatDuration(row.durationMs);
    case 'size': return formatBytes(row.bytes);
    case 'ttl': return ttlText(row);
    case 'initiator': return initiatorCell(c.initiator);
    case 'waterfall': {
      const left = scale.at(c.startedAt) * 100;
      const width = Math.max(0.5, scale.at(c.endedAt ?? now) * 100 - left);
      return <span class={`bar bar-${outcomeClass(callOutcome(c))}`} style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }} />;
    }
  }
}

function cellTitle(key: ColumnKey, row: Row): string | undefined {
  switch (key) {
    case 'summary': return row.call.summary;
    case 'frame': return row.frame?.url;
    case 'ttl': return row.tokenExp === null ? undefined : `Time the token had left when the call was sent; it expires at ${formatClock(row.tokenExp)}`;
    case 'initiator': return row.call.initiator?.frames[0] ? `${row.call.initiator.frames[0].url}:${row.call.initiator.frames[0].line}:${row.call.initiator.frames[0].column}` : INITIATOR_NONE;
    default: return undefined;
  }
}

interface Props {
  row: Row;
  index: number;
  selected: boolean;
  columns: readonly ColumnSpec[];
  kindShown: boolean;
  frameText: (row: Row) => string;
  scale: WaterfallScale;
  /** The clock, for a pending call's bar; 0 for a settled call, so the tick does not redraw it. */
  now: number;
  onSelect: (id: string) => void;
  onOpen: () => void;
}

/**
 * One row of the call list. It draws again only when one of its props changed: a call streaming in or the
 * clock ticking leaves the other rows in view alone. Cell tooltips are set when the pointer reaches a cell,
 * not for every row drawn (scrolling rewrites every row in view).
 */
export class CallRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return p.row !== next.row || p.index !== next.index || p.selected !== next.selected || p.columns !== next.columns || p.kindShown !== next.kindShown || p.frameText !== next.frameText || p.scale !== next.scale || p.now !== next.now;
  }

  /** The tooltip of the cell under the pointer, for the row it shows now (the slot's row changes as the list scrolls). */
  private readonly titleCell = (event: MouseEvent) => {
    const el = (event.target as Element | null)?.closest<HTMLElement>('[data-col]');
    if (!el) return;
    const title = cellTitle(el.dataset['col'] as ColumnKey, this.props.row);
    if (title === undefined) el.removeAttribute('title');
    else el.title = title;
    this.titled.add(el);
  };
  /** Cells given a tooltip: cleared when the slot shows another row. */
  private readonly titled = new Set<HTMLElement>();

  override componentDidUpdate(previous: Props) {
    if (previous.row === this.props.row || this.titled.size === 0) return;
    for (const el of this.titled) el.removeAttribute('title');
    this.titled.clear();
  }

  override render() {
    const { row, index, selected, columns, kindShown, frameText, scale, now, onSelect, onOpen } = this.props;
    const outcome = outcomeClass(callOutcome(row.call));
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        class={`grid-row status-${row.call.status} outcome-${outcome}${selected ? ' selected' : ''}`}
        data-call-id={row.call.id}
        data-command={row.call.command}
        data-outcome={outcome}
        onClick={() => onSelect(row.call.id)}
        onDblClick={onOpen}
        onMouseOver={this.titleCell}
      >
        {columns.map(({ key, numeric }) => (
          <div key={key} role="gridcell" class={`col col-${key}${numeric ? ' num' : ''}`} data-col={key}>
            {cell(key, row, now, scale, kindShown, frameText)}
          </div>
        ))}
      </div>
    );
  }
}
