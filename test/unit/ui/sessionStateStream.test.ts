import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../src/protocol';
import { applyPanelMessage, emptySessionView, type SessionView } from '../../../src/ui/sessionState';
import { call } from '../network/fixtures';
import { random } from './randomSession';

const byStart = (a: CallRecord, b: CallRecord) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the panel must show: the latest version of every call, in start order. */
function reference(all: CallRecord[]): CallRecord[] {
  const latest = new Map<string, CallRecord>();
  for (const c of all) latest.set(c.id, c);
  return [...latest.values()].sort(byStart);
}

describe('calls streaming into the panel state', () => {
  it('keeps the latest version of each call in start order, batches arriving late and out of order included', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = random(seed);
      let view: SessionView = emptySessionView;
      const sent: CallRecord[] = [];
      const known: CallRecord[] = [];
      for (let batch = 0; batch < 60; batch++) {
        const calls: CallRecord[] = [];
        for (let i = 0; i < 1 + Math.floor(rand() * 5); i++) {
          if (known.length > 0 && rand() < 0.3) {
            const old = known[Math.floor(rand() * known.length)]!;
            calls.push({ ...old, endedAt: old.startedAt + 7, status: 'ok' });
          } else {
            // Mostly later than anything so far; now and then a call that started earlier arrives late.
            const at = 1000 + batch * 100 + Math.floor(rand() * 100) - (rand() < 0.15 ? 400 : 0);
            const c = call('invoke', null, at, null);
            known.push(c);
            calls.push(c);
          }
        }
        sent.push(...calls);
        view = applyPanelMessage(view, { type: 'calls', tabId: 1, calls });
        expect(view.calls, `seed ${seed}, batch ${batch}`).toEqual(reference(sent));
      }
    }
  });

  it('gives the same answer from an older view as from the newest (each view stands alone)', () => {
    const a = call('invoke', null, 1000, null);
    const b = call('invoke', null, 2000, null);
    const v1 = applyPanelMessage(emptySessionView, { type: 'calls', tabId: 1, calls: [a] });
    const v2 = applyPanelMessage(v1, { type: 'calls', tabId: 1, calls: [b] });
    const fork = applyPanelMessage(v1, { type: 'calls', tabId: 1, calls: [{ ...a, status: 'ok', endedAt: 1005 }] });
    expect(v2.calls.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(fork.calls).toEqual([{ ...a, status: 'ok', endedAt: 1005 }]);
    const again = applyPanelMessage(v2, { type: 'calls', tabId: 1, calls: [{ ...b, status: 'ok', endedAt: 2005 }] });
    expect(again.calls.map((c) => c.status)).toEqual(['pending', 'ok']);
  });
});
