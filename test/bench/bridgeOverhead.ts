import { median } from '../../src/stats';
import { mainThreadBusy } from './pageCpu';
import { pageArm, sideBySide } from './roundTrips';
import { startSyntheticBridgePage } from './syntheticBridgePage';

const PLAN = { rounds: 5, blocks: 2, callsPerBlock: 1000 };
/** Long enough after a block for what the hook left to do later (posting gathered events, the relay's checks) to run. */
const AFTER_MS = 100;

/**
 * The hook's own cost: a bridge that answers on a microtask, with and without the extension, two browsers
 * open side by side and driven in alternating blocks. Each block's timing covers the calls; the page's
 * main-thread busy time over the block and the AFTER_MS that follow also counts what the hook and the relay
 * (same thread) do later, per call.
 */
export async function benchBridgeOverhead(extensionDir: string) {
  const site = await startSyntheticBridgePage();
  const busy = { without: [] as number[], with: [] as number[] };
  try {
    const result = await sideBySide(extensionDir, PLAN, async (browser, recorded) => {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
      const arm = await pageArm({ browser, page, target: page, shape: 'invoke', calls: PLAN.callsPerBlock, warmUp: 500, recorded });
      const read = await mainThreadBusy(page);
      const block = arm.block.bind(arm);
      arm.block = async () => {
        const before = await read();
        const timed = await block();
        await new Promise((r) => setTimeout(r, AFTER_MS));
        busy[recorded ? 'with' : 'without'].push((((await read()) - before) * 1e6) / PLAN.callsPerBlock);
        return timed;
      };
      return arm;
    });
    return { ...result, busyWithout: median(busy.without), busyWith: median(busy.with) };
  } finally {
    await site.close();
  }
}
