import type { BackgroundToPanel, CallRecord, FrameRecord, NetworkEntry } from '../protocol';

/** What the panel shows for one tab, rebuilt from the background's change feed. */
export interface SessionView {
  tabId: number | null;
  /** Calls in the order they started. */
  calls: CallRecord[];
  frames: FrameRecord[];
  /** Network entries in the order they arrived. */
  network: NetworkEntry[];
  networkDropped: number;
  networkFeed: 'on' | 'off';
  dropped: number;
  lostInTransit: number;
  rejected: number;
  recording: boolean;
  preserveLog: boolean;
  connected: boolean;
  error: string | null;
}

export const emptySessionView: SessionView = {
  tabId: null,
  calls: [],
  frames: [],
  network: [],
  networkDropped: 0,
  networkFeed: 'off',
  dropped: 0,
  lostInTransit: 0,
  rejected: 0,
  recording: true,
  preserveLog: false,
  connected: false,
  error: null,
};

function byStart(a: CallRecord, b: CallRecord): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function upsert<T extends { id?: string; key?: string }>(list: T[], changed: T[], keyOf: (item: T) => string): T[] {
  const index = new Map(list.map((item, i) => [keyOf(item), i]));
  const next = list.slice();
  for (const item of changed) {
    const at = index.get(keyOf(item));
    if (at === undefined) {
      index.set(keyOf(item), next.length);
      next.push(item);
    } else {
      next[at] = item;
    }
  }
  return next;
}

/** Applies one message from the background. Pure: returns a new view, never mutates. */
export function applyPanelMessage(view: SessionView, message: BackgroundToPanel): SessionView {
  switch (message.type) {
    case 'session': {
      const s = message.session;
      return {
        ...view,
        tabId: s.tabId,
        calls: s.calls.slice().sort(byStart),
        frames: s.frames.slice(),
        network: s.network.slice(),
        networkDropped: s.networkDropped,
        networkFeed: s.networkFeed,
        dropped: s.dropped,
        lostInTransit: s.lostInTransit,
        rejected: s.rejected,
        recording: s.recording,
        preserveLog: s.preserveLog,
        connected: true,
        error: null,
      };
    }
    case 'calls': {
      const calls = upsert(view.calls, message.calls, (c) => c.id);
      // Calls mostly arrive in start order; sort only when one did not.
      const sorted = calls.every((c, i) => i === 0 || byStart(calls[i - 1]!, c) <= 0) ? calls : calls.sort(byStart);
      return { ...view, calls: sorted };
    }
    case 'frames':
      return { ...view, frames: upsert(view.frames, message.frames, (f) => f.key) };
    case 'counters':
      return {
        ...view,
        dropped: message.dropped,
        lostInTransit: message.lostInTransit,
        rejected: message.rejected,
        recording: message.recording,
        preserveLog: message.preserveLog,
      };
    case 'cleared':
      return { ...view, calls: [], dropped: 0, network: [], networkDropped: 0 };
    case 'network':
      return { ...view, network: upsert(view.network, message.entries, (e) => e.id), networkDropped: message.dropped };
    case 'network-feed':
      return { ...view, networkFeed: message.on ? 'on' : 'off' };
    case 'error':
      return { ...view, error: message.message };
    case 'exported':
      return view;
  }
}
