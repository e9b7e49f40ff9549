import type { NetworkEntry } from '../protocol/network';

export interface NetworkItem {
  entry: NetworkEntry;
  /** Insertion number within the tab's network log (persisted). */
  order: number;
  /** Bytes it weighs, measured here from its strings (never from the sizes the page reported). */
  cost: number;
  /** Insertion number across every tab and kind: what "oldest" means when bounds evict. */
  stamp: number;
}

const ENTRY_OVERHEAD = 512;

export function networkCost(e: NetworkEntry): number {
  let cost = ENTRY_OVERHEAD + e.id.length + e.url.length + e.method.length + e.statusText.length + e.mimeType.length;
  cost += (e.requestBody?.length ?? 0) + (e.responseBody?.length ?? 0) + (e.operationName?.length ?? 0);
  for (const h of e.requestHeaders) cost += h.name.length + h.value.length;
  for (const h of e.responseHeaders) cost += h.name.length + h.value.length;
  return cost;
}

/** A tab's network entries, oldest first; an entry whose id is kept already replaces it in place. */
export class NetworkLog {
  /** By order; Map order is insertion order, oldest first. */
  private items = new Map<number, NetworkItem>();
  private orderOf = new Map<string, number>();
  bytes = 0;
  nextOrder = 1;

  get size(): number {
    return this.items.size;
  }

  entries(): NetworkEntry[] {
    const out: NetworkEntry[] = [];
    for (const item of this.items.values()) out.push(item.entry);
    return out;
  }

  put(entry: NetworkEntry, stamp: number, order?: number): NetworkItem {
    const known = this.orderOf.get(entry.id);
    const at = order ?? known ?? this.nextOrder;
    if (at >= this.nextOrder) this.nextOrder = at + 1;
    const old = this.items.get(at);
    if (old) this.bytes -= old.cost;
    const item: NetworkItem = { entry, order: at, cost: networkCost(entry), stamp: old?.stamp ?? stamp };
    this.items.set(at, item);
    this.orderOf.set(entry.id, at);
    this.bytes += item.cost;
    return item;
  }

  oldest(): NetworkItem | undefined {
    return this.items.values().next().value;
  }

  removeOldest(): NetworkItem | undefined {
    const item = this.oldest();
    if (!item) return undefined;
    this.items.delete(item.order);
    this.orderOf.delete(item.entry.id);
    this.bytes -= item.cost;
    return item;
  }

  clear(): void {
    this.items = new Map();
    this.orderOf = new Map();
    this.bytes = 0;
  }
}
