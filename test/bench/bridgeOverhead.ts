import { launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { interleave } from './interleave';
import { pageArm } from './roundTrips';
import { startSyntheticBridgePage } from './syntheticBridgePage';

const ROUNDS = 5;
const BLOCKS = 2;
const CALLS_PER_BLOCK = 1000;

/**
 * The hook's own cost: a bridge that answers on a microtask, with and without the extension, two browsers
 * open side by side and driven in alternating blocks.
 */
export async function benchBridgeOverhead(extensionDir: string) {
  const site = await startSyntheticBridgePage();
  const browsers: ChromiumSession[] = [];
  try {
    const without = await launchChromium({});
    browsers.push(without);
    const withExt = await launchChromium({ extensionDir });
    browsers.push(withExt);
    const open = async (browser: ChromiumSession, recorded: boolean) => {
      const page = await browser.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => (globalThis as { __bridge?: unknown }).__bridge !== undefined);
      return pageArm({ browser, page, target: page, shape: 'invoke', calls: CALLS_PER_BLOCK, warmUp: 500, recorded });
    };
    const arms = { without: await open(without, false), with: await open(withExt, true) };
    const result = await interleave(arms, ROUNDS, BLOCKS);
    return { ...result, callsPerArm: ROUNDS * BLOCKS * CALLS_PER_BLOCK, settleTimeouts: arms.with.timedOut };
  } finally {
    for (const b of browsers) await b.close();
    await site.close();
  }
}
