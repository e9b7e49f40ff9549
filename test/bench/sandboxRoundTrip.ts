import type { Frame } from 'playwright-core';
import { startSandbox } from '../sandbox';
import { launchChromium } from '../e2e/support/chromium';
import { appFrame } from '../e2e/support/sandboxPage';
import { BLOCK, quantile } from './stats';

/** N sequential getContext round trips through the frame's bridge (post-robot to the host page and back). */
async function timeRoundTrips(frame: Frame, calls: number) {
  return frame.evaluate(async ([n, block]) => {
    const callBridge = (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<unknown> } }).__bridge.callBridge;
    for (let i = 0; i < 300; i++) await callBridge('getContext');
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i += block) {
      const start = performance.now();
      for (let j = i; j < i + block; j++) await callBridge('getContext');
      times.push((performance.now() - start) / block);
    }
    return { times, total: performance.now() - t0 };
  }, [calls, BLOCK] as const);
}

export async function benchSandboxRoundTrip(extensionDir: string, calls = 10_000) {
  const sandbox = await startSandbox();
  const out: Record<'with' | 'without', { median: number; p99: number; total: number }> = {} as never;
  try {
    for (const variant of ['without', 'with'] as const) {
      const browser = await launchChromium(variant === 'with' ? { extensionDir } : {});
      try {
        const page = await browser.context.newPage();
        await page.goto(`${sandbox.siteUrl}?modules=issue-panel`);
        const frame = await appFrame(page, 'main', 'issue-panel');
        const { times, total } = await timeRoundTrips(frame, calls);
        out[variant] = { median: quantile(times, 0.5), p99: quantile(times, 0.99), total };
      } finally {
        await browser.close();
      }
    }
  } finally {
    await sandbox.stop();
  }
  return {
    calls,
    withoutMedianUs: out.without.median * 1000,
    withMedianUs: out.with.median * 1000,
    addedMedianUs: (out.with.median - out.without.median) * 1000,
    addedP99Us: (out.with.p99 - out.without.p99) * 1000,
    ratioMedian: out.with.median / out.without.median,
    ratioTotal: out.with.total / out.without.total,
  };
}
