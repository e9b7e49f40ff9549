import type { Frame, Page } from 'puppeteer-core';
import type { TraceV2 } from '../../../src/protocol';

export { harnessPage } from '../../../scripts/lib/firefox';

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

/** The sandbox app frame of `resource` for `moduleKey`, once ready (frame URLs read from each frame: BiDi may report them late). */
export async function firefoxAppFrame(page: Page, resource: string, moduleKey: string): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const frame of page.frames()) {
      const ready = await frame
        .evaluate(() => location.pathname + location.search)
        .then((p) => p.includes(`/${resource}/`) && p.includes(`moduleKey=${moduleKey}`))
        .catch(() => false);
      if (ready && (await frame.evaluate(() => '__sandboxApp' in window).catch(() => false))) {
        await frame.evaluate(() => (window as unknown as { __sandboxApp: { ready: Promise<unknown> } }).__sandboxApp.ready);
        return frame;
      }
    }
    if (Date.now() > deadline) throw new Error(`no app frame for ${resource}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Whether the test build's panel in a Firefox DevTools window answers its layout probe within `timeoutMs`. */
export async function firefoxPanelAnswers(harness: Page, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Asked again each second: a panel still loading misses a question sent before it listens.
    const facts = await harness.evaluate(() => (window as unknown as { fbdtHarness: { panelLayout(a: unknown, t: number): Promise<unknown> } }).fbdtHarness.panelLayout({ action: 'facts' }, 1000));
    if (facts) return true;
  }
  return false;
}
