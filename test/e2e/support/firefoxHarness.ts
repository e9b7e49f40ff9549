import type { Browser, Page } from 'puppeteer-core';
import type { TraceV2 } from '../../../src/protocol';

/**
 * The test build's harness page (panel.html?harness=1), which the extension opens itself on install.
 * Puppeteer over BiDi may still report such a tab as about:blank, so each page is asked directly.
 */
export async function harnessPage(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const isHarness = await page.evaluate(() => 'fbdtHarness' in window).catch(() => false);
      if (isHarness) return page;
    }
    if (Date.now() > deadline) throw new Error('the test build did not open its harness page (was dist/firefox-test built with FBDT_TEST=1?)');
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Harness {
  tabs(): Promise<{ id: number; url: string }[]>;
  exportTrace(tabId: number): Promise<TraceV2>;
}

export async function firefoxTabId(harness: Page, url: string): Promise<number> {
  const tabs = await harness.evaluate(() => (window as unknown as { fbdtHarness: Harness }).fbdtHarness.tabs());
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab with URL ${url} among ${tabs.map((t) => t.url).join(', ')}`);
  return tab.id;
}

export async function firefoxWaitForTrace(harness: Page, tabId: number, done: (t: TraceV2) => boolean, timeoutMs = 15_000): Promise<TraceV2> {
  const deadline = Date.now() + timeoutMs;
  let last: TraceV2 | null = null;
  for (;;) {
    try {
      last = await harness.evaluate((id) => (window as unknown as { fbdtHarness: Harness }).fbdtHarness.exportTrace(id), tabId);
      if (done(last)) return last;
    } catch {
      // no session yet
    }
    if (Date.now() > deadline) throw new Error(`trace condition not met within ${timeoutMs} ms (${last ? `${last.calls.length} calls` : 'no trace'})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
