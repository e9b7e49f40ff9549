import browser from 'webextension-polyfill';
import { PORT_PANEL, type BackgroundToPanel, type AnyTrace } from '../../src/protocol';
import { PROBE_CHANNEL, type LayoutFacts, type ProbeAction, type ProbeRequest } from './layoutProbe';

/**
 * Test builds only: what an end-to-end test needs from a page it can reach in Firefox, where the
 * background cannot be evaluated. Exposed as window.fbdtHarness on panel.html?harness=1.
 */
export function installHarness() {
  let nextId = 1;
  (window as unknown as Record<string, unknown>).fbdtHarness = {
    async tabs(): Promise<{ id: number; url: string }[]> {
      const tabs = await browser.tabs.query({});
      return tabs.flatMap((t) => (t.id === undefined ? [] : [{ id: t.id, url: t.url ?? '' }]));
    },
    /** The layout of the panel open in a DevTools window (layoutProbe.ts), after an optional action; null if none answers. */
    panelLayout(action: ProbeAction = { action: 'facts' }, timeoutMs = 3000): Promise<LayoutFacts | null> {
      const id = nextId++;
      const channel = new BroadcastChannel(PROBE_CHANNEL);
      return new Promise((resolve) => {
        const done = (facts: LayoutFacts | null) => {
          clearTimeout(timer);
          channel.close();
          resolve(facts);
        };
        const timer = setTimeout(() => done(null), timeoutMs);
        channel.onmessage = (event: MessageEvent<{ id: number; facts: LayoutFacts }>) => {
          if (event.data.id === id) done(event.data.facts);
        };
        channel.postMessage({ ...action, id } as ProbeRequest);
      });
    },
    exportTrace(tabId: number): Promise<AnyTrace> {
      const requestId = nextId++;
      const port = browser.runtime.connect({ name: PORT_PANEL });
      return new Promise((resolve, reject) => {
        port.onMessage.addListener((m: unknown) => {
          const message = m as BackgroundToPanel;
          if (message.type === 'exported' && message.requestId === requestId) {
            port.disconnect();
            resolve(message.trace);
          } else if (message.type === 'error') {
            port.disconnect();
            reject(new Error(message.message));
          }
        });
        port.postMessage({ type: 'export', tabId, requestId });
      });
    },
  };
}
