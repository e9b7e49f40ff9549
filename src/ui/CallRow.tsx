import { Component } from 'preact';
import { callOutcome, outcomeClass, statusLabel, type CallOutcome } from '../query';
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

/**
 * The summary split in two: its leading kind word, hidden when the Kind column already says it (kept in the
 * DOM, for search), and the rest. Always the same two parts, so a row can be rewritten in place (see patch).
 */
function summaryParts({ row, kindShown }: Drawing): [string, string] {
  const s = row.call.summary;
  const first = s.split(' ', 1)[0]!;
  if (!kindShown || first !== row.call.kind) return ['', s];
  return [`${first} `, s.slice(first.length + 1)];
}

/** The waterfall bar's class and its left and width, in % of the scale. */
function bar({ row, outcome, now, scale }: Drawing): { class: string; left: string; width: string } {
  const c = row.call;
  const left = scale.at(c.startedAt) * 100;
  const width = Math.max(0.5, scale.at(c.endedAt ?? now) * 100 - left);
  return { class: `bar bar-${outcomeClass(outcome)}`, left: `${left}%`, width: `${Math.min(width, 100 - left)}%` };
}

/** A text cell's text (every column but Summary and Waterfall). */
function cellText(key: ColumnKey, { row, outcome, frameText }: Drawing): string {
  const c = row.call;
  switch (key) {
    case 'time': return formatClock(c.startedAt);
    case 'frame': return frameText(row);
    case 'kind': return c.kind;
    case 'status': return statusLabel(outcome);
    case 'duration': return formatDuration(row.durationMs);
    case 'size': return formatBytes(row.bytes);
    case 'ttl': return ttlText(row);
    case 'initiator': return initiatorCell(c.initiator);
    default: return '';
  }
}

/**
 * A row's cells for a set of columns, empty, made once: each row drawn clones it and writes its call's texts
 * in (writeCells), as patch does for a row already drawn. Preact made each cell, its text and its attributes
 * one call at a time (over 13 elements a row): a fifth of the script of the list's first draw, ~40 rows in one
 * update of a live stream (test/bench/profilePanelStreamUpdate.ts).
 */
const emptyCells = new WeakMap<readonly ColumnSpec[], DocumentFragment>();
function cellsFor(columns: readonly ColumnSpec[]): DocumentFragment {
  let cells = emptyCells.get(columns);
  if (cells) return cells;
  cells = document.createDocumentFragment();
  for (const { key, numeric } of columns) {
    const el = document.createElement('div');
    el.setAttribute('role', 'gridcell');
    el.setAttribute('class', `col col-${key}${numeric ? ' num' : ''}`);
    el.setAttribute('data-col', key);
    if (key === 'summary') {
      const kind = document.createElement('span');
      kind.className = 'repeated-kind';
      kind.append('');
      el.append(kind, '');
    } else if (key === 'waterfall') el.append(document.createElement('span'));
    else el.append('');
    cells.append(el);
  }
  emptyCells.set(columns, cells);
  return cells;
}

/** A row's cells written for its call: every cell has the same shape whatever call it shows (cellsFor). */
function writeCells(el: HTMLElement, columns: readonly ColumnSpec[], d: Drawing): void {
  for (let i = 0; i < columns.length; i++) {
    const cellEl = el.children[i] as HTMLElement | undefined;
    if (!cellEl) continue;
    const key = columns[i]!.key;
    if (key === 'summary') {
      const [kind, rest] = summaryParts(d);
      setText(cellEl.firstChild?.firstChild ?? null, cellEl.firstChild as HTMLElement, kind);
      const restNode = cellEl.childNodes[1];
      if (restNode !== undefined && restNode.nodeType === 3) setText(restNode, cellEl, rest);
      else {
        while (cellEl.childNodes.length > 1) cellEl.lastChild!.remove();
        cellEl.append(rest);
      }
    } else if (key === 'waterfall') {
      const span = cellEl.firstChild as HTMLElement;
      const b = bar(d);
      if (span.className !== b.class) span.className = b.class;
      span.style.left = b.left;
      span.style.width = b.width;
    } else setText(cellEl.firstChild, cellEl, cellText(key, d));
  }
}

const rowClass = (row: Row, outcome: string, selected: boolean) => `grid-row status-${row.call.status} outcome-${outcome}${selected ? ' selected' : ''}`;

/** What one row is drawn from: its call's outcome worked out once (the row's class, Status and the bar all show it). */
interface Drawing {
  row: Row;
  outcome: CallOutcome;
  now: number;
  scale: WaterfallScale;
  kindShown: boolean;
  frameText: (row: Row) => string;
}

const drawingOf = ({ row, now, scale, kindShown, frameText }: Props): Drawing => ({ row, outcome: callOutcome(row.call), now, scale, kindShown, frameText });

/** A cell's tooltip, set when the pointer reaches it (rowEvents). */
export function cellTitle(key: ColumnKey, row: Row): string | undefined {
  switch (key) {
    case 'summary': return row.call.summary;
    case 'frame': return row.frame?.url;
    case 'ttl': return row.tokenExp === null ? undefined : `Time the token had left when the call was sent; it expires at ${formatClock(row.tokenExp)}`;
    case 'initiator': return row.call.initiator?.frames[0] ? `${row.call.initiator.frames[0].url}:${row.call.initiator.frames[0].line}:${row.call.initiator.frames[0].column}` : INITIATOR_NONE;
    default: return undefined;
  }
}

/** A text node's text, or the element's text when the node is not the text node render() made. */
function setText(node: ChildNode | null, parent: HTMLElement, text: string): void {
  if (node !== null && node.nodeType === 3) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else parent.textContent = text;
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
}

/**
 * One row of the call list. It changes only when one of its props changed: a call streaming in or the clock
 * ticking leaves the other rows in view alone. Scrolling gives every slot another call: its elements are then
 * rewritten in place rather than diffed (Preact's diff of ~47 rows was half of each scroll step). Cell tooltips
 * are set when the pointer reaches a cell, not for every row drawn; the rows' pointer events are listened to by
 * the list (rowEvents), not by each row.
 */
export class CallRow extends Component<Props> {
  /** Bumped when the row is drawn anew: Preact then makes a new row element, whose cells setEl clones in. */
  private generation = 0;
  private el: HTMLElement | null = null;
  /** A row element Preact made (first draw, or drawn anew): its cells cloned and written for its call. */
  private readonly setEl = (el: HTMLElement | null) => {
    if (el !== null && el !== this.el && el.childNodes.length === 0) {
      const { columns } = this.props;
      el.append(cellsFor(columns).cloneNode(true));
      writeCells(el, columns, drawingOf(this.props));
    }
    this.el = el;
  };

  /**
   * Another call in the same slot (scrolling), or the same call changed, with the same columns: the row's DOM is
   * rewritten in place (patch) instead of diffed; every cell has the same shape whatever call it shows. Other
   * changes draw it anew.
   */
  override shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    const sameShape = p.columns === next.columns && p.kindShown === next.kindShown && p.frameText === next.frameText;
    if (sameShape && this.el !== null) {
      if (p.row !== next.row || p.index !== next.index || p.selected !== next.selected || p.scale !== next.scale || p.now !== next.now) this.patch(this.el, next);
      return false;
    }
    // Preact draws the row element alone (its cells are cloned in, see setEl): a new one, under a new key.
    this.generation++;
    return true;
  }

  /** What render() would draw for `next`, written into the row's existing elements. */
  private patch(el: HTMLElement, next: Props): void {
    const { row, index, selected, columns } = next;
    const d = drawingOf(next);
    const outcome = outcomeClass(d.outcome);
    const className = rowClass(row, outcome, selected);
    if (el.className !== className) el.className = className;
    el.setAttribute('aria-rowindex', String(index + 2));
    el.setAttribute('aria-selected', String(selected));
    el.setAttribute('data-call-id', row.call.id);
    el.setAttribute('data-command', row.call.command);
    el.setAttribute('data-outcome', outcome);
    writeCells(el, columns, d);
  }

  override render() {
    const { row, index, selected } = this.props;
    const outcome = outcomeClass(callOutcome(row.call));
    return (
      <div
        key={this.generation}
        ref={this.setEl}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        class={rowClass(row, outcome, selected)}
        data-call-id={row.call.id}
        data-command={row.call.command}
        data-outcome={outcome}
      />
    );
  }
}
