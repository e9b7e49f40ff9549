import type { CallRecord } from '../protocol/model';
import { Fifo } from './fifo';

export interface CallEntry {
  call: CallRecord;
  /** Insertion number within the tab (persisted; calls are listed in this order). */
  order: number;
  /** Bytes it weighs, as the recorder measures them (snapshot sizes are measured on receipt, see validate.ts). */
  cost: number;
  /** Insertion number across every tab and kind: what "oldest" means when bounds evict. */
  stamp: number;
}

const CALL_OVERHEAD = 256;
const DELIVERY_OVERHEAD = 64;

export function callCost(call: CallRecord): number {
  let cost = CALL_OVERHEAD + call.command.length + call.summary.length + call.request.bytes;
  if (call.response) cost += call.response.bytes;
  if (call.error) cost += call.error.bytes;
  for (const d of call.deliveries) cost += DELIVERY_OVERHEAD + d.key.length + d.args.bytes;
  return cost;
}

/** A tab's calls, first in first out, with the bytes they weigh. */
export class CallLog {
  private calls = new Map<string, CallEntry>();
  /** Call ids in insertion order, oldest first (ids removed otherwise are skipped). */
  private fifo = new Fifo<string>();
  bytes = 0;
  nextOrder = 1;

  get size(): number {
    return this.calls.size;
  }

  get(id: string): CallEntry | undefined {
    return this.calls.get(id);
  }

  has(id: string): boolean {
    return this.calls.has(id);
  }

  /** In insertion order. */
  values(): IterableIterator<CallEntry> {
    return this.calls.values();
  }

  add(call: CallRecord, stamp: number, order = this.nextOrder++): CallEntry {
    const entry: CallEntry = { call, order, cost: callCost(call), stamp };
    if (order >= this.nextOrder) this.nextOrder = order + 1;
    this.calls.set(call.id, entry);
    this.fifo.push(call.id);
    this.bytes += entry.cost;
    return entry;
  }

  /** The entry's call changed: its cost is measured again. */
  grown(entry: CallEntry): void {
    const cost = callCost(entry.call);
    this.bytes += cost - entry.cost;
    entry.cost = cost;
  }

  oldest(): CallEntry | undefined {
    for (;;) {
      const id = this.fifo.peek();
      if (id === undefined) return undefined;
      const entry = this.calls.get(id);
      if (entry) return entry;
      this.fifo.shift();
    }
  }

  removeOldest(): CallEntry | undefined {
    const entry = this.oldest();
    if (!entry) return undefined;
    this.fifo.shift();
    this.calls.delete(entry.call.id);
    this.bytes -= entry.cost;
    return entry;
  }

  clear(): void {
    this.calls = new Map();
    this.fifo.clear();
    this.bytes = 0;
  }
}
