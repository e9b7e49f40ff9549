import type { Page } from 'puppeteer-core';

/**
 * The page's main-thread busy time (CDP Performance.getMetrics TaskDuration, in seconds; idle not counted),
 * as a reader to call before and after some work.
 */
export async function mainThreadBusy(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
}
