import { noteChangedFrom } from './firstChange';
import { byStart, newTabSession, type BackgroundToPanel, type CallRecord, type TabSession } from '../protocol';

/**
 * What the panel shows for one tab: the recorder's whole TabSession (the same shape the exporter takes),
 * kept up to date from the background's change feed, plus the state of the connection to it.
 */
export interface SessionView extends TabSession {
  /** Calls by start time (the recorder keeps them by insertion). */
  calls: CallRecord[];
  connected: boolean;
  error: string | null;
}

/** Before the first session arrives; its tab id (-1) is no tab's. */
export const emptySessionView: SessionView = { ...newTabSession(-1), connected: false, error: null };

/**
 * Each list's index by key, handed on to the list made from it: a tab may hold 100,000 calls, and rebuilding
 * the index for every batch that streams in would cost as much as the rest of an update.
 */
const indexes = new WeakMap<readonly object[], Map<string, number>>();

/** A copy of `list` with `changed` replaced in place or appended; the positions it touched, in order. */
function upsert<T extends object>(list: T[], changed: T[], keyOf: (item: T) => string): { next: T[]; touched: number[] } {
  let index = indexes.get(list);
  if (index) indexes.delete(list);
  else index = new Map(list.map((item, i) => [keyOf(item), i]));
  const next = list.slice();
  const touched: number[] = [];
  for (const item of changed) {
    const at = index.get(keyOf(item));
    if (at === undefined) {
      index.set(keyOf(item), next.length);
      touched.push(next.length);
      next.push(item);
    } else {
      next[at] = item;
      touched.push(at);
    }
  }
  indexes.set(next, index);
  return { next, touched };
}

function without<T extends { id: string }>(list: T[], ids: readonly string[]): T[] {
  if (ids.length === 0) return list;
  const gone = new Set(ids);
  return list.filter((item) => !gone.has(item.id));
}

/** The session the panel holds, as the exporter takes it (without the connection state). */
export function sessionOfView(view: SessionView): TabSession {
  const { connected: _connected, error: _error, ...session } = view;
  return session;
}

/** Applies one message from the background. Pure: returns a new view, never mutates. */
export function applyPanelMessage(view: SessionView, message: BackgroundToPanel): SessionView {
  switch (message.type) {
    case 'session':
      return { ...message.session, calls: message.session.calls.slice().sort(byStart), connected: true, error: null };
    case 'calls': {
      const { next: calls, touched } = upsert(view.calls, message.calls, (c) => c.id);
      // The list was in start order; calls mostly arrive in it, so only where this message wrote is looked at.
      const inOrder = (i: number) => (i === 0 || byStart(calls[i - 1]!, calls[i]!) <= 0) && (i === calls.length - 1 || byStart(calls[i]!, calls[i + 1]!) <= 0);
      if (touched.every(inOrder)) {
        noteChangedFrom(calls, view.calls, touched.reduce((a, b) => Math.min(a, b), view.calls.length));
        return { ...view, calls };
      }
      const sorted = calls.slice().sort(byStart);
      return { ...view, calls: sorted };
    }
    case 'frames':
      return { ...view, frames: upsert(view.frames, message.frames, (f) => f.key).next };
    case 'summary':
      return { ...view, ...message.summary };
    case 'cleared':
      // Clearing starts the bounds' count again (the recorder's summary that follows says the same).
      return { ...view, calls: [], network: [], losses: { ...view.losses, evictedCalls: 0, evictedNetwork: 0 } };
    case 'evicted':
      return { ...view, calls: without(view.calls, message.calls), network: without(view.network, message.network) };
    case 'network':
      return { ...view, network: upsert(view.network, message.entries, (e) => e.id).next };
    case 'error':
      return { ...view, error: message.message };
    case 'exported':
      return view;
  }
}
