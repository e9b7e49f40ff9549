import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSyntheticBridgePage } from '../bench/syntheticBridgePage';
import { CHROMIUM_PATH, QUIET_FLAGS } from './support/chromium';

/**
 * The extension installed while a Forge page is already open: the bridge is there before the hook.
 * The page's own bridge object is read at each call here (as @forge/react does); @forge/bridge modules
 * that took callBridge at import, before the extension existed, cannot be reached (README: limits).
 */
describe('a hook that arrives after the bridge', () => {
  it('is injected into the open tab on install and records the calls made from then on', async () => {
    const site = await startSyntheticBridgePage();
    const profile = await mkdtemp(join(tmpdir(), 'fbdt-late-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      // Playwright disables extensions unless told not to; this one is loaded later, over CDP.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...QUIET_FLAGS, '--enable-unsafe-extension-debugging'],
    });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.evaluate(() => (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<unknown> } }).__bridge.callBridge('beforeInstall'));

      const cdp = await context.browser()!.newBrowserCDPSession();
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: resolve('dist/chrome') } as never)) as { id: string };

      // The install handler injects asynchronously; the wrapped callBridge shows when it is done.
      await page.waitForFunction(() => {
        const bridge = (globalThis as unknown as { __bridge: { callBridge: { toString(): string } } }).__bridge;
        return Object.getOwnPropertySymbols(window).some((s) => s.description === 'forge-bridge-devtools.hook') && typeof bridge.callBridge === 'function';
      });
      const result = await page.evaluate(() => (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: 'afterInstall' }));
      expect(result).toEqual({ command: 'invoke', echo: { functionKey: 'afterInstall' } });

      // An extension page can ask for the tab's id; then it shows that tab's calls.
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${id}/extension/panel/panel.html?tabId=0`);
      const tabId = await panel.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
      expect(tabId).toBeTypeOf('number');
      await panel.goto(`chrome-extension://${id}/extension/panel/panel.html?tabId=${tabId}`);
      const row = panel.locator('[role="row"][data-command="invoke"]');
      await row.waitFor({ timeout: 10_000 });
      expect(await row.locator('.col-summary').textContent()).toBe('invoke afterInstall');
      expect(await panel.locator('[role="row"][data-command="beforeInstall"]').count()).toBe(0);
    } finally {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
      await site.close();
    }
  });
});
