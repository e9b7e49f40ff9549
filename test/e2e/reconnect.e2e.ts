import { describe, expect, it } from 'vitest';
import { stopWorker } from '../../scripts/lib/driver';
import { useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

// Chrome stops an idle extension worker; every context talking to it (relay, DevTools network feed, panel)
// reconnects through src/transport's ReconnectingPort. This drives the real panel across such a stop.
describe('after the worker is stopped, with the panel open in real DevTools (Chromium)', () => {
  let session: DevtoolsSession;

  useDevtoolsSession('?modules=issue-panel', (s) => (session = s));

  it('the panel shows later calls and the network feed delivers later requests', async () => {
    const { panel } = session;
    await panel.waitForFunction(() => document.body.innerText.includes('getContext'), { timeout: 15_000 });
    const stoppedAt = Date.now();
    await stopWorker(session.chromium);
    await session.run('invokeRemote');
    // The panel has to reconnect and subscribe again to see a call made after the stop.
    await panel.waitForFunction(() => /invokeRemote (GET|POST) \/\S+ → 2\d\d/.test(document.body.innerText), { timeout: 20_000 });

    type Feed = { networkFeed: string; network: { operationName: string | null; startedAt: number }[] };
    const tabId = await session.tabId();
    const read = () =>
      panel.evaluate(async (id) => {
        const port = chrome.runtime.connect({ name: 'fbdt-panel' });
        const first = await new Promise<{ session?: unknown }>((resolve) => {
          port.onMessage.addListener((m) => resolve(m as { session?: unknown }));
          port.postMessage({ type: 'subscribe', tabId: id });
        });
        port.disconnect();
        return first.session as Feed;
      }, tabId);
    const later = (s: Feed) => s.network.filter((e) => e.startedAt >= stoppedAt && e.operationName !== null);
    let state = await read();
    for (let i = 0; i < 50 && later(state).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      state = await read();
    }
    expect(state.networkFeed).toBe('on');
    expect(later(state).length, 'GraphQL requests made after the worker stopped').toBeGreaterThan(0);
  });
});
