import { launchChromium } from '../e2e/support/chromium';
import { tabIdOf, waitForTrace } from '../e2e/support/extensionWorker';
import { startSyntheticBridgePage } from './syntheticBridgePage';

/**
 * 10,000 bridge calls fired at once (not awaited one by one) into a page with the extension: how many the
 * recorder kept, dropped or lost, and how long until the last one was recorded.
 */
export async function benchBurst(extensionDir: string, calls = 10_000) {
  const site = await startSyntheticBridgePage();
  const browser = await launchChromium({ extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto(site.url);
    const tabId = await tabIdOf(browser, page);
    const t0 = Date.now();
    const pageMs = await page.evaluate(async (n) => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge;
      const start = performance.now();
      await Promise.all(Array.from({ length: n }, (_, i) => bridge.callBridge('invoke', { functionKey: 'burst', payload: { i } })));
      return performance.now() - start;
    }, calls);
    // Polled once a second: exporting 10,000 calls is itself work for the worker.
    const trace = await waitForTrace(browser, tabId, (t) => t.calls.filter((c) => c.status === 'ok').length >= calls || t.dropped > 0, 60_000, 1000);
    const recordedMs = Date.now() - t0;
    const ids = new Set(trace.calls.map((c) => c.id));
    return { calls, recorded: ids.size, dropped: trace.dropped, pageMs, recordedMs };
  } finally {
    await browser.close();
    await site.close();
  }
}
