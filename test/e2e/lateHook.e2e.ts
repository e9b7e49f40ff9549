import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/driver';
import { startSyntheticBridgePage } from '../bench/syntheticBridgePage';

/**
 * The extension installed while a Forge page is already open: the bridge is there before the hook.
 * The page's own bridge object is read at each call here (as @forge/react does); @forge/bridge modules
 * that took callBridge at import, before the extension existed, cannot be reached (README: limits).
 */
describe('a hook that arrives after the bridge', () => {
  it('is injected into the open tab on install and records the calls made from then on', async () => {
    const site = await startSyntheticBridgePage();
    // No extension at launch: it is loaded later, over CDP (Extensions.loadUnpacked), as an install would.
    const chromium = await launchChromium();
    try {
      const page = await chromium.newPage();
      await page.goto(site.url);
      await page.evaluate(() => (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<unknown> } }).__bridge.callBridge('beforeInstall'));

      const id = await chromium.browser.installExtension(resolve('dist/chrome'));

      // The install handler injects asynchronously; the wrapped callBridge shows when it is done.
      await page.waitForFunction(() => {
        const bridge = (globalThis as unknown as { __bridge: { callBridge: { toString(): string } } }).__bridge;
        return Object.getOwnPropertySymbols(window).some((s) => s.description === 'forge-bridge-devtools.hook') && typeof bridge.callBridge === 'function';
      });
      const result = await page.evaluate(() => (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: 'afterInstall' }));
      expect(result).toEqual({ command: 'invoke', echo: { functionKey: 'afterInstall' } });

      // An extension page can ask for the tab's id; then it shows that tab's calls.
      const panel = await chromium.newPage();
      await panel.goto(`chrome-extension://${id}/extension/panel/panel.html?tabId=0`);
      const tabId = await panel.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
      expect(tabId).toBeTypeOf('number');
      await panel.goto(`chrome-extension://${id}/extension/panel/panel.html?tabId=${tabId}`);
      await panel.waitForSelector('[role="row"][data-command="invoke"]', { timeout: 10_000 });
      expect(await panel.$eval('[role="row"][data-command="invoke"] .col-summary', (el) => el.textContent)).toBe('invoke afterInstall');
      expect(await panel.$$('[role="row"][data-command="beforeInstall"]')).toHaveLength(0);
    } finally {
      await chromium.close();
      await site.close();
    }
  });
});
