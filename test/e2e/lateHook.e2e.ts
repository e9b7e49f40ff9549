import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDPSession } from 'puppeteer-core';
import { SECOND_COPY_OFFER_WAIT_MS } from '../../src/capture/startHook';
import { inWorker, launchChromium, tabIdOf, waitForCalls, waitForTrace } from '../../scripts/lib/driver';
import { openIssuePanel } from '../bench/sandboxRoundTrip';
import { WATCH_AFTER_ANSWER_MS } from '../../src/relay/channelWatch';
import { startSandbox } from '../sandbox';
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

describe('a second copy of the hook in a document', () => {
  it('stops reading the window messages of the app once its wait for an offer is over, and the calls are recorded once', async () => {
    const sandbox = await startSandbox();
    const chromium = await launchChromium({ extensionDir: resolve('dist/chrome') });
    try {
      const { page, frame, run } = await openIssuePanel(chromium, sandbox.siteUrl);
      await run(20);
      // The relay reads window messages for a while after the hook's first answer; that listener goes first.
      await new Promise((r) => setTimeout(r, WATCH_AFTER_ANSWER_MS + 500));
      const client = (frame as unknown as { client: CDPSession }).client;
      const messageListeners = async () => {
        const win = await frame.evaluateHandle(() => window);
        const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId: win.remoteObject().objectId! });
        await win.dispose();
        return listeners.filter((l) => l.type === 'message').length;
      };
      const before = await messageListeners();
      // What install-time injection racing the manifest's scripts did: the hook again into a document that has one.
      const tabId = await tabIdOf(chromium, page);
      const frames = await inWorker(chromium, (id: number) => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, func: () => location.href }), tabId);
      const frameIds = frames.filter((f) => f.result === frame.url()).map((f) => f.frameId);
      expect(frameIds).toHaveLength(1);
      const target = { tabId, frameIds };
      const injectedAt = Date.now();
      await inWorker(chromium, (t: { tabId: number; frameIds: number[] }) => chrome.scripting.executeScript({ target: t, files: ['extension/hook/hook.iife.js'], world: 'MAIN' }).then(() => true), target);
      // The copy's transport sniffer stops at the first bridge message it can classify; its offer listener stays.
      await run(2);
      expect(await messageListeners()).toBe(before + 1);

      await new Promise((r) => setTimeout(r, Math.max(0, SECOND_COPY_OFFER_WAIT_MS + 500 - (Date.now() - injectedAt))));
      expect(await messageListeners()).toBe(before);
      const settled = (await waitForTrace(chromium, tabId, (t) => t.calls.length >= 22 && t.calls.every((c) => c.status !== 'pending'))).calls.length;
      await run(10);
      await waitForCalls(chromium, tabId, settled + 10);
      await new Promise((r) => setTimeout(r, 500));
      expect((await waitForCalls(chromium, tabId, settled + 10)).calls).toHaveLength(settled + 10);
    } finally {
      await chromium.close();
      await sandbox.stop();
    }
  }, 60_000);
});
