import type { CallRecord, FrameRecord, SessionSummary, TabSession } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { BackgroundToPanel } from '../protocol/runtime';
import type { CallEntry } from './callLog';
import { cloneCall, cloneFrame } from './records';

export type PanelListener = (message: BackgroundToPanel) => void;

/** What one operation changed in a tab, for the panel feed. */
export interface Delta {
  calls: Set<string>;
  frames: Set<string>;
  counters: boolean;
  session: boolean;
  cleared: boolean;
  network: NetworkEntry[];
  evictedCalls: string[];
  evictedNetwork: string[];
}

export function delta(): Delta {
  return { calls: new Set(), frames: new Set(), counters: false, session: false, cleared: false, network: [], evictedCalls: [], evictedNetwork: [] };
}

/** What the feed reads of a tab when it has something to send. */
export interface FeedSource {
  session(): TabSession;
  summary(): SessionSummary;
  frame(key: string): FrameRecord | undefined;
  call(id: string): CallEntry | undefined;
}

/** The panels subscribed to each tab, and the messages one operation's delta becomes. */
export class PanelFeed {
  private readonly listeners = new Map<number, Set<PanelListener>>();

  /** Sends `first` (the tab's whole session) to the listener, then every later delta of the tab; returns the unsubscribe function. */
  subscribe(tabId: number, listener: PanelListener, first: TabSession): () => void {
    let set = this.listeners.get(tabId);
    if (!set) {
      set = new Set();
      this.listeners.set(tabId, set);
    }
    set.add(listener);
    safeCall(listener, { type: 'session', session: first });
    return () => {
      const current = this.listeners.get(tabId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(tabId);
    };
  }

  /**
   * At most one each of 'cleared', 'frames' (changed frames), 'calls' (changed calls, in insertion order),
   * 'evicted', 'network' and 'summary'; or a single 'session' after a navigation. Records are copies.
   */
  emit(tabId: number, d: Delta, source: FeedSource): void {
    const listeners = this.listeners.get(tabId);
    if (!listeners || listeners.size === 0) return;
    const messages = this.messagesOf(tabId, d, source);
    for (const listener of [...listeners]) for (const m of messages) safeCall(listener, m);
  }

  private messagesOf(tabId: number, d: Delta, source: FeedSource): BackgroundToPanel[] {
    if (d.session) return [{ type: 'session', session: source.session() }];
    const messages: BackgroundToPanel[] = [];
    if (d.cleared) messages.push({ type: 'cleared', tabId });
    const frames: FrameRecord[] = [];
    for (const key of d.frames) {
      const frame = source.frame(key);
      if (frame) frames.push(cloneFrame(frame));
    }
    if (frames.length > 0) messages.push({ type: 'frames', tabId, frames });
    const entries: CallEntry[] = [];
    for (const id of d.calls) {
      const entry = source.call(id);
      if (entry) entries.push(entry);
    }
    if (entries.length > 0) {
      entries.sort((a, b) => a.order - b.order);
      const calls: CallRecord[] = entries.map((e) => cloneCall(e.call));
      messages.push({ type: 'calls', tabId, calls });
    }
    if (d.evictedCalls.length > 0 || d.evictedNetwork.length > 0) messages.push({ type: 'evicted', tabId, calls: d.evictedCalls.slice(), network: d.evictedNetwork.slice() });
    if (d.network.length > 0) messages.push({ type: 'network', tabId, entries: d.network.slice() });
    if (d.counters || d.cleared) messages.push({ type: 'summary', tabId, summary: source.summary() });
    return messages;
  }
}

function safeCall(listener: PanelListener, message: BackgroundToPanel): void {
  try {
    listener(message);
  } catch {
    // One broken panel must not stop the others, nor the recorder.
  }
}
