import { describe, expect, it } from 'vitest';
import { newTabSession, noLosses, type CallRecord, type TabSession } from '../../../src/protocol';
import { applyPanelMessage, emptySessionView } from '../../../src/ui/sessionState';

const snap = { value: null, bytes: 4, truncated: false };
function call(id: string, startedAt: number, status: CallRecord['status'] = 'pending'): CallRecord {
  return {
    id, frameKey: '1:doc', callId: 1, segment: 0, command: 'getContext', kind: 'context', summary: 'getContext',
    startedAt, endedAt: status === 'pending' ? null : startedAt + 5, status, request: snap, response: null, error: null,
    deliveries: [], deliveriesDropped: 0,
  };
}
const session: TabSession = newTabSession(7, { calls: [call('b', 20), call('a', 10)], losses: { ...noLosses(), evictedCalls: 3 } });

describe('applyPanelMessage', () => {
  it('takes a whole session, ordered by start time', () => {
    const view = applyPanelMessage(emptySessionView, { type: 'session', session });
    expect(view.calls.map((c) => c.id)).toEqual(['a', 'b']);
    expect(view).toMatchObject({ tabId: 7, losses: { evictedCalls: 3 }, connected: true });
  });

  it('updates a call in place and appends new ones in start order', () => {
    let view = applyPanelMessage(emptySessionView, { type: 'session', session });
    view = applyPanelMessage(view, { type: 'calls', tabId: 7, calls: [call('a', 10, 'ok'), call('c', 15)] });
    expect(view.calls.map((c) => `${c.id}:${c.status}`)).toEqual(['a:ok', 'c:pending', 'b:pending']);
  });

  it('clears calls but keeps the frames', () => {
    let view = applyPanelMessage(emptySessionView, { type: 'session', session: { ...session, frames: [{ key: 'f' } as never] } });
    view = applyPanelMessage(view, { type: 'cleared', tabId: 7 });
    expect(view.calls).toEqual([]);
    expect(view.frames).toHaveLength(1);
    expect(view.losses.evictedCalls).toBe(0);
    expect(view.network).toEqual([]);
  });

  it('never mutates the view it was given', () => {
    const before = applyPanelMessage(emptySessionView, { type: 'session', session });
    const snapshot = JSON.stringify(before);
    applyPanelMessage(before, { type: 'calls', tabId: 7, calls: [call('z', 1)] });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
