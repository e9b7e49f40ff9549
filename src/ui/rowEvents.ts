import { useLayoutEffect, useRef } from 'preact/hooks';
import { cellTitle } from './CallRow';
import type { ColumnKey, Row } from './listModel';

/** The row an element is in (a row of calls, not the head). */
const rowOf = (el: EventTarget | null) => (el instanceof Element ? el.closest<HTMLElement>('[role="row"][data-call-id]') : null);

/**
 * The call list's rows' pointer events, listened to once on the element that holds the rows: a click selects,
 * a double click opens, and the cell under the pointer gets its tooltip for the call its row shows now. Three
 * listeners on each of ~40 rows were a tenth of the script of the list's first draw. A slot shows another call
 * as the list scrolls or streams: a tooltip set for the call it showed before is removed after each draw.
 */
export function useRowEvents(rowAt: (index: number) => Row | undefined, onSelect: (id: string) => void, onOpen: () => void) {
  /** Cells given a tooltip, with the call it was for. */
  const titled = useRef(new Map<HTMLElement, string>());
  useLayoutEffect(() => {
    for (const [cell, id] of titled.current) {
      if (cell.isConnected && rowOf(cell)?.dataset['callId'] === id) continue;
      cell.removeAttribute('title');
      titled.current.delete(cell);
    }
  });
  return {
    onClick: (event: MouseEvent) => {
      const id = rowOf(event.target)?.dataset['callId'];
      if (id !== undefined) onSelect(id);
    },
    onDblClick: (event: MouseEvent) => {
      if (rowOf(event.target)) onOpen();
    },
    onMouseOver: (event: MouseEvent) => {
      const rowEl = rowOf(event.target);
      const cell = rowEl && (event.target as Element).closest<HTMLElement>('[data-col]');
      const row = rowEl ? rowAt(Number(rowEl.getAttribute('aria-rowindex')) - 2) : undefined;
      if (!rowEl || !cell || !row || row.call.id !== rowEl.dataset['callId']) return;
      const title = cellTitle(cell.dataset['col'] as ColumnKey, row);
      if (title === undefined) cell.removeAttribute('title');
      else cell.title = title;
      titled.current.set(cell, row.call.id);
    },
  };
}
