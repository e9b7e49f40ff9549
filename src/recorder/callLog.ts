import type { CallRecord } from '../protocol/model';
import { Fifo } from './fifo';
import { KeyedTable } from './keyedTable';
import { BYTES_PER_PAGE, CALLS_PER_PAGE, CLOSE_PAGE_AT_SAVE, type PersistedCall, type PersistedCallPage } from './recordKinds';

export interface CallEntry {
  call: CallRecord;
  /** Insertion number within the tab (persisted; calls are listed in this order). */
  order: number;
  /** Bytes it weighs, as the recorder measures them (snapshot sizes are measured on receipt, see validate.ts). */
  cost: number;
  /** Insertion number across every tab and kind: what "oldest" means when bounds evict. */
  stamp: number;
  /** The stored page that holds it (saved whole when the call changes). */
  page: PersistedCallPage;
}

const CALL_OVERHEAD = 256;
const DELIVERY_OVERHEAD = 64;

export function deliveryCost(d: CallRecord['deliveries'][number]): number {
  return DELIVERY_OVERHEAD + d.key.length + d.args.bytes;
}

export function callCost(call: CallRecord): number {
  let cost = CALL_OVERHEAD + call.command.length + call.summary.length + call.request.bytes;
  if (call.response) cost += call.response.bytes;
  if (call.error) cost += call.error.bytes;
  for (const d of call.deliveries) cost += deliveryCost(d);
  return cost;
}

/** A tab's calls, first in first out, with the bytes they weigh, in pages of consecutive calls for the store. */
export class CallLog extends KeyedTable<string, CallEntry> {
  /** Call ids in insertion order, oldest first (ids removed otherwise are skipped). */
  private fifo = new Fifo<string>();
  private current: PersistedCallPage | null = null;
  private currentBytes = 0;
  private nextPage = 1;
  bytes = 0;
  nextOrder = 1;

  constructor(private readonly tabId: number) {
    super();
  }

  /** Appends a new call; its page (to be saved) is `entry.page`. */
  add(call: CallRecord, stamp: number): CallEntry {
    const cost = callCost(call);
    let page = this.current;
    if (!page || page.calls.length >= CALLS_PER_PAGE || (page.calls.length > 0 && this.currentBytes + cost > BYTES_PER_PAGE)) {
      page = { tabId: this.tabId, page: this.nextPage++, calls: [] };
      this.current = page;
      this.currentBytes = 0;
    }
    const slot: PersistedCall = { tabId: this.tabId, order: this.nextOrder++, call };
    page.calls.push(slot);
    this.currentBytes += cost;
    return this.track({ call, order: slot.order, cost, stamp, page });
  }

  /** A page restored from the store (pages in order, oldest first). */
  load(page: PersistedCallPage, stampOf: (call: CallRecord) => number): void {
    page.calls.sort((a, b) => a.order - b.order);
    for (const slot of page.calls) {
      this.track({ call: slot.call, order: slot.order, cost: callCost(slot.call), stamp: stampOf(slot.call), page });
      if (slot.order >= this.nextOrder) this.nextOrder = slot.order + 1;
    }
    if (page.page >= this.nextPage) this.nextPage = page.page + 1;
    this.current = page;
    this.currentBytes = Infinity; // new calls go to a new page
  }

  /** A save takes the pages now: the page being filled is closed if it holds CLOSE_PAGE_AT_SAVE calls or more. */
  saving(): void {
    if (this.current && this.current.calls.length >= CLOSE_PAGE_AT_SAVE) this.current = null;
  }

  private track(entry: CallEntry): CallEntry {
    this.entries.set(entry.call.id, entry);
    this.fifo.push(entry.call.id);
    this.bytes += entry.cost;
    return entry;
  }

  /** The entry's call changed: its cost is measured again (or grows by `added` bytes when that is all that changed). */
  grown(entry: CallEntry, added?: number): void {
    const cost = added === undefined ? callCost(entry.call) : entry.cost + added;
    this.bytes += cost - entry.cost;
    entry.cost = cost;
  }

  oldest(): CallEntry | undefined {
    for (;;) {
      const id = this.fifo.peek();
      if (id === undefined) return undefined;
      const entry = this.entries.get(id);
      if (entry) return entry;
      this.fifo.shift();
    }
  }

  /** Removes the oldest call from the log and from its page (the oldest of the page): save or delete `entry.page`. */
  removeOldest(): CallEntry | undefined {
    const entry = this.oldest();
    if (!entry) return undefined;
    this.fifo.shift();
    this.entries.delete(entry.call.id);
    this.bytes -= entry.cost;
    const slots = entry.page.calls;
    const at = slots[0]?.order === entry.order ? 0 : slots.findIndex((s) => s.order === entry.order);
    if (at >= 0) slots.splice(at, 1);
    return entry;
  }

  clear(): void {
    this.entries = new Map();
    this.fifo.clear();
    this.bytes = 0;
    this.current = null;
  }
}
