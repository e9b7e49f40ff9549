import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { BLOCK, quantile } from './stats';
import { startSyntheticBridgePage } from './syntheticBridgePage';

const CALLS = 10_000;

/** In the page: N sequential round trips, each timed; plus long tasks seen while they ran. */
async function measure(page: Page, calls: number) {
  return page.evaluate(async ([n, block]) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge;
    const callBridge = bridge.callBridge;
    // Warm up both paths (JIT) before timing.
    for (let i = 0; i < 500; i++) await callBridge('invoke', { functionKey: 'warm', payload: { i } });
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i += block) {
      const start = performance.now();
      for (let j = i; j < i + block; j++) await callBridge('invoke', { functionKey: 'getIssues', payload: { page: j, query: 'project = SBX' } });
      times.push((performance.now() - start) / block);
    }
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    return { times, total, longTasks };
  }, [calls, BLOCK] as const);
}

export async function benchBridgeOverhead(extensionDir: string) {
  const site = await startSyntheticBridgePage();
  const results: Record<'without' | 'with', { median: number; p99: number; total: number; longTasks: number[] }> = {} as never;
  try {
    for (const variant of ['without', 'with'] as const) {
      const browser = await launchChromium(variant === 'with' ? { extensionDir } : {});
      try {
        const page = await browser.context.newPage();
        await page.goto(site.url);
        if (variant === 'with') await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
        const { times, total, longTasks } = await measure(page, CALLS);
        results[variant] = { median: quantile(times, 0.5), p99: quantile(times, 0.99), total, longTasks };
      } finally {
        await browser.close();
      }
    }
  } finally {
    await site.close();
  }
  const w = results.with;
  const wo = results.without;
  return {
    calls: CALLS,
    withoutMedianUs: wo.median * 1000,
    withMedianUs: w.median * 1000,
    addedMedianUs: (w.median - wo.median) * 1000,
    addedP99Us: (w.p99 - wo.p99) * 1000,
    ratioTotal: w.total / wo.total,
    meanAddedUs: ((w.total - wo.total) / CALLS) * 1000,
    longTasksWith: w.longTasks.length,
    longestTaskWithMs: Math.max(0, ...w.longTasks),
  };
}
