import { PauseLog } from './pauses';
import { lossesOf, type PersistedState } from './recordKinds';
import { cloneSegments } from './records';
import type { TabState } from './tabState';

function byTabAndOrder(a: { tabId: number; order: number }, b: { tabId: number; order: number }): number {
  return a.tabId - b.tabId || a.order - b.order;
}

/**
 * Puts what a store held back into tab states (`tab` gives the state of a tab, made when new). Calls and
 * network entries are stamped oldest first, in the order they were recorded, tab by tab.
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
    s.maxCalls = p.maxCalls;
    s.calls.nextOrder = p.nextOrder;
    s.frames.nextOrder = p.nextFrameOrder;
  }
  for (const p of state.frames.slice().sort(byTabAndOrder)) tab(p.tabId).frames.add(p.frame, p.order);
  for (const p of state.docs) tab(p.tabId).docs.load(p);
  for (const p of state.callPages.slice().sort((a, b) => a.tabId - b.tabId || a.page - b.page)) tab(p.tabId).calls.load(p, stamp);
  for (const p of state.network.slice().sort(byTabAndOrder)) tab(p.tabId).network.put(p.entry, stamp(), p.order);
}
