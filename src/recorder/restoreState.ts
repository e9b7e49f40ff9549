import { PauseLog } from './pauses';
import { lossesOf, type PersistedState } from './recordKinds';
import { cloneSegments } from './records';
import type { TabState } from './tabState';

function byTabAndOrder(a: { tabId: number; order: number }, b: { tabId: number; order: number }): number {
  return a.tabId - b.tabId || a.order - b.order;
}

/**
 * Puts what a store held back into tab states (`tab` gives the state of a tab, made when new). Calls and
 * network entries of every tab are stamped anew by when they started, oldest first, so that the bound
 * across tabs evicts the oldest of any tab after a restart too.
 */
export function loadState(state: PersistedState, tab: (tabId: number) => TabState, stamp: () => number): void {
  for (const p of state.sessions) {
    const s = tab(p.tabId);
    s.segments.list = cloneSegments(p.segments);
    s.segments.topDocKey = p.topDocKey;
    s.segments.nextIndex = p.nextSegment;
    s.losses = lossesOf(p);
    s.pauses = new PauseLog(p.paused);
    s.recording = p.recording;
    s.preserveLog = p.preserveLog;
    s.calls.nextOrder = p.nextOrder;
    s.frames.nextOrder = p.nextFrameOrder;
  }
  for (const p of state.frames.slice().sort(byTabAndOrder)) tab(p.tabId).frames.add(p.frame, p.order);
  for (const p of state.docs) tab(p.tabId).docs.load(p);
  const stamps = stampsByTime(state, stamp);
  for (const p of state.callPages.slice().sort((a, b) => a.tabId - b.tabId || a.page - b.page)) tab(p.tabId).calls.load(p, (call) => stamps.get(call) ?? stamp());
  for (const p of state.network.slice().sort(byTabAndOrder)) tab(p.tabId).network.put(p.entry, stamps.get(p.entry) ?? stamp(), p.order);
}

function stampsByTime(state: PersistedState, stamp: () => number): Map<object, number> {
  const records: { record: object; at: number }[] = [];
  for (const p of state.callPages) for (const slot of p.calls) records.push({ record: slot.call, at: slot.call.startedAt });
  for (const p of state.network) records.push({ record: p.entry, at: p.entry.startedAt });
  records.sort((a, b) => a.at - b.at);
  const stamps = new Map<object, number>();
  for (const r of records) stamps.set(r.record, stamp());
  return stamps;
}
