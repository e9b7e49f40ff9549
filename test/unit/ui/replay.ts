import { newTabSession, noLosses, type BackgroundToPanel, type CallRecord } from '../../../src/protocol';
import { applyPanelMessage, emptySessionView, type SessionView } from '../../../src/ui/sessionState';
import { random, randomSession } from './randomSession';

/** Replays a random session into the panel's state in random slices (each call through `callOf`); `check` runs after each update. */
export function replay(seed: number, clusters: number, check: (view: SessionView) => void, callOf: (call: CallRecord) => CallRecord = (c) => c): number {
  const rand = random(seed);
  const happenings = randomSession(rand, clusters);
  let view = applyPanelMessage(emptySessionView, { type: 'session', session: newTabSession(1, { networkFeed: 'on' }) });
  let updates = 0;
  for (let i = 0; i < happenings.length; ) {
    const slice = happenings.slice(i, i + 1 + Math.floor(rand() * 6));
    i += slice.length;
    const messages: BackgroundToPanel[] = [];
    const calls = slice.flatMap((h) => (h.call ? [callOf(h.call)] : []));
    const entries = slice.flatMap((h) => (h.entry ? [h.entry] : []));
    if (calls.length) messages.push({ type: 'calls', tabId: 1, calls });
    if (entries.length) messages.push({ type: 'network', tabId: 1, entries });
    for (const m of messages) view = applyPanelMessage(view, m);
    // Now and then the recorder's bound drops the oldest calls: the panel gets the session anew.
    if (rand() < 0.03 && view.calls.length > 10) {
      view = applyPanelMessage(view, { type: 'session', session: newTabSession(1, { calls: view.calls.slice(5), losses: { ...noLosses(), evictedCalls: 5 }, network: view.network, networkFeed: 'on' }) });
    }
    check(view);
    updates++;
  }
  return updates;
}

