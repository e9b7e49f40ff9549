import type { Page } from 'playwright-core';
import type { TraceV2 } from '../../../src/protocol';
import type { ChromiumWithExtension } from './chromium';

/** The browser's id for the tab showing `page`, asked of the extension (tabs.query by URL needs only host permission). */
export async function tabIdOf(browser: ChromiumWithExtension, page: Page): Promise<number> {
  const worker = await browser.worker();
  const url = page.url();
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  if (id === null) throw new Error(`no tab with URL ${url}`);
  return id;
}

/** The documented automation entry point: globalThis.forgeBridgeDevTools.exportTrace(tabId) in the worker. */
export async function exportTrace(browser: ChromiumWithExtension, tabId: number): Promise<TraceV2> {
  const worker = await browser.worker();
  return worker.evaluate(
    (id) => (globalThis as unknown as { forgeBridgeDevTools: { exportTrace(t: number): Promise<TraceV2> } }).forgeBridgeDevTools.exportTrace(id),
    tabId,
  );
}

/** Stops the extension's service worker the way Chrome does when it is idle (Target.closeTarget on its target). */
export async function stopWorker(browser: ChromiumWithExtension): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!sw) throw new Error('the extension service worker is not running');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls the trace until `done` holds (recording is asynchronous: hook → relay → worker → store). */
export async function waitForTrace(
  browser: ChromiumWithExtension,
  tabId: number,
  done: (trace: TraceV2) => boolean,
  timeoutMs = 15_000,
  pollMs = 150,
): Promise<TraceV2> {
  const deadline = Date.now() + timeoutMs;
  let last: TraceV2 | null = null;
  for (;;) {
    try {
      last = await exportTrace(browser, tabId);
      if (done(last)) return last;
    } catch {
      // no session yet, or the worker is restarting
    }
    if (Date.now() > deadline) {
      const summary = last ? `${last.calls.length} calls: ${last.calls.slice(-5).map((c) => c.summary).join(' | ')}` : 'no trace';
      throw new Error(`trace condition not met within ${timeoutMs} ms (${summary})`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
