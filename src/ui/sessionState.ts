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

function upsert<T>(list: T[], changed: T[], keyOf: (item: T) => string): T[] {
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
      const calls = upsert(view.calls, message.calls, (c) => c.id);
      // Calls mostly arrive in start order; sort only when one did not.
      const sorted = calls.every((c, i) => i === 0 || byStart(calls[i - 1]!, c) <= 0) ? calls : calls.sort(byStart);
      return { ...view, calls: sorted };
    }
    case 'frames':
      return { ...view, frames: upsert(view.frames, message.frames, (f) => f.key) };
    case 'summary':
      return { ...view, ...message.summary };
    case 'cleared':
      // Clearing starts the bounds' count again (the recorder's summary that follows says the same).
      return { ...view, calls: [], network: [], losses: { ...view.losses, evictedCalls: 0, evictedNetwork: 0 } };
    case 'evicted':
      return { ...view, calls: without(view.calls, message.calls), network: without(view.network, message.network) };
    case 'network':
      return { ...view, network: upsert(view.network, message.entries, (e) => e.id) };
    case 'error':
      return { ...view, error: message.message };
    case 'exported':
      return view;
  }
}
