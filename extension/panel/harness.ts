import browser from 'webextension-polyfill';
import { PORT_PANEL, type BackgroundToPanel, type AnyTrace } from '../../src/protocol';

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
