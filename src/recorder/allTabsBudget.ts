import { delta, type Delta } from './panelFeed';
import type { TabState } from './tabState';

/**
 * Keeps all tabs together within `bound` bytes: evicts the oldest call or network entry of any tab (by the
 * recorder-wide insertion stamp) until they fit, never the last record held. `current` is the tab of the
 * operation under way, whose delta `d` takes its evictions; returns the deltas of the other tabs touched.
 */
export function evictAcrossTabs(tabs: ReadonlyMap<number, TabState>, bound: number, current: TabState | null = null, d: Delta = delta()): Map<TabState, Delta> {
  const touched = new Map<TabState, Delta>();
  let total = 0;
  let records = 0;
  for (const s of tabs.values()) {
    total += s.bytes;
    records += s.calls.size + s.network.size;
  }
  // Runs after every message: the tabs are listed only when there is something to evict.
  const all = total > bound ? [...tabs.values()] : [];
  while (total > bound && records > 1) {
    let oldest: TabState | null = null;
    let oldestStamp = Infinity;
    for (const s of all) {
      const stamp = s.oldestStamp();
      if (stamp < oldestStamp) {
        oldest = s;
        oldestStamp = stamp;
      }
    }
    if (!oldest) break;
    let od = oldest === current ? d : touched.get(oldest);
    if (!od) touched.set(oldest, (od = delta()));
    const before = oldest.bytes;
    if (!oldest.evictOldest(od)) break;
    total -= before - oldest.bytes;
    records--;
  }
  return touched;
}
