import type { CDPSession, Page } from 'puppeteer-core';
import { attachedWorkerOf, launchChromium } from '../../scripts/lib/driver';
import { recorderCounts, settledCalls, type WorkerLike } from './recorderCounts';
import { startSyntheticBridgePage } from './syntheticBridgePage';

export interface BurstResult {
  calls: number;
  recorded: number;
  dropped: number;
  /** Fired at once until the page saw the last one settle. */
  pageMs: number;
  /** From the page settling the last call until the recorder held all of them; null when not within 60 s. */
  recordedAfterMs: number | null;
  /** The worker's JS heap after GC, before the burst and once it was recorded. */
  heapBeforeMB: number;
  heapAfterMB: number;
  /** CPU profile of the worker over the burst (Profiler domain), when asked for. */
  profile: CpuProfile | null;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

function fireBurst(page: Page, calls: number) {
  return page.evaluate(async (n: number) => {
    const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge;
    const start = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => bridge.callBridge('invoke', { functionKey: 'burst', payload: { i } })));
    return { pageMs: performance.now() - start, settledAt: Date.now() };
  }, calls);
}

/**
 * 10,000 small bridge calls fired at once into a page with the extension: how many the recorder kept, how
 * long after the page settled them the last was recorded, and the worker's heap for them (CDP on the
 * service worker target; with `profile`, its CPU profile over the burst too).
 */
export async function benchBurst(extensionDir: string, opts: { calls?: number; profile?: boolean } = {}): Promise<BurstResult> {
  const calls = opts.calls ?? 10_000;
  const site = await startSyntheticBridgePage();
  const session = await launchChromium({ extensionDir });
  try {
    // One CDP session for every poll: attaching per poll made an inspector session in the worker each 40 ms.
    const worker: WorkerLike = attachedWorkerOf(session);
    const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`));
    const cdp = await target.createCDPSession();
    const page = await session.browser.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
    const url = page.url();
    const tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
    const heapBeforeMB = await heapMB(cdp);
    if (opts.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const { pageMs, settledAt } = await fireBurst(page, calls);
    let recordedAfterMs: number | null = null;
    let counts = await recorderCounts(worker, tabId);
    while (Date.now() - settledAt < 60_000) {
      if (settledCalls(counts) >= calls) {
        recordedAfterMs = Math.max(0, Date.now() - settledAt);
        break;
      }
      // Each poll counts the calls in the worker (counts()): often enough to time it, rarely enough not to slow it.
      await new Promise((r) => setTimeout(r, 40));
      counts = await recorderCounts(worker, tabId);
    }
    const profile = opts.profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : null;
    const heapAfterMB = await heapMB(cdp);
    return { calls, recorded: counts.calls, dropped: counts.dropped, pageMs, recordedAfterMs, heapBeforeMB, heapAfterMB, profile };
  } finally {
    await session.close();
    await site.close();
  }
}
