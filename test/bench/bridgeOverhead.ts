import { pageArm, sideBySide } from './roundTrips';
import { startSyntheticBridgePage } from './syntheticBridgePage';

const PLAN = { rounds: 5, blocks: 2, callsPerBlock: 1000 };

/**
 * The hook's own cost: a bridge that answers on a microtask, with and without the extension, two browsers
 * open side by side and driven in alternating blocks.
 */
export async function benchBridgeOverhead(extensionDir: string) {
  const site = await startSyntheticBridgePage();
  try {
    return await sideBySide(extensionDir, PLAN, async (browser, recorded) => {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
      return pageArm({ browser, page, target: page, shape: 'invoke', calls: PLAN.callsPerBlock, warmUp: 500, recorded });
    });
  } finally {
    await site.close();
  }
}
