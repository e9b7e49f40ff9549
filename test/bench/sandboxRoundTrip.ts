import { startSandbox } from '../sandbox';
import { appFrame, launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { interleave } from './interleave';
import { pageArm } from './roundTrips';

const ROUNDS = 9;
const BLOCKS = 2;
const CALLS_PER_BLOCK = 120;

/**
 * getContext round trips through the sandbox's bridge (post-robot to the host page and back), with and
 * without the extension: two browsers open side by side, driven in alternating blocks.
 */
export async function benchSandboxRoundTrip(extensionDir: string) {
  const sandbox = await startSandbox();
  const browsers: ChromiumSession[] = [];
  try {
    const open = async (extension: boolean) => {
      const browser = await launchChromium(extension ? { extensionDir } : {});
      browsers.push(browser);
      const page = await browser.newPage();
      await page.goto(`${sandbox.siteUrl}?modules=issue-panel`);
      const frame = await appFrame(page, { moduleKey: 'issue-panel' });
      return pageArm({ browser, page, target: frame, shape: 'getContext', calls: CALLS_PER_BLOCK, warmUp: 300, recorded: extension });
    };
    const arms = { without: await open(false), with: await open(true) };
    const result = await interleave(arms, ROUNDS, BLOCKS);
    return { ...result, callsPerArm: ROUNDS * BLOCKS * CALLS_PER_BLOCK, settleTimeouts: arms.with.timedOut };
  } finally {
    for (const b of browsers) await b.close();
    await sandbox.stop();
  }
}
