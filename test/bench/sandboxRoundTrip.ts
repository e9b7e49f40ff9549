import { appFrame, type ChromiumSession } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import { pageArm, sideBySide, timeCalls } from './roundTrips';

// 480 calls (over a second at ~2.5 ms each): the recorder's saves (at most one per 500 ms) fall inside the
// blocks they belong to; only each block's last one runs between blocks (see pageArm's settle).
// 21 rounds: on this kind of machine a round's ratio swings ±0.15 with the load of the moment, and with 9 rounds the
// median of the same code ranged 1.011-1.117 over six runs of one hour; with 21 rounds one run's median still
// moves about ±0.02. SANDBOX_ROUNDS sets more for a tighter median (63 rounds: 6 minutes at 2.4 ms a call).
const PLAN = { rounds: roundsFromEnv(process.env.SANDBOX_ROUNDS) ?? 21, blocks: 2, callsPerBlock: 480 };

function roundsFromEnv(text: string | undefined): number | null {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n > 0 ? n : null;
}

/** The sandbox's issue panel open in a new tab, and `run(n)`: n sequential getContext calls from its app frame, µs per call. */
export async function openIssuePanel(browser: ChromiumSession, siteUrl: string) {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}?modules=issue-panel`);
  const frame = await appFrame(page, { moduleKey: 'issue-panel' });
  return { page, frame, run: async (n: number) => (await timeCalls(frame, n, 'getContext')) * 1000 };
}

/**
 * getContext round trips through the sandbox's bridge (post-robot to the host page and back), with and
 * without the extension: two browsers open side by side, driven in alternating blocks.
 */
export async function benchSandboxRoundTrip(extensionDir: string) {
  const sandbox = await startSandbox();
  try {
    return await sideBySide(extensionDir, PLAN, async (browser, recorded) => {
      const { page, frame } = await openIssuePanel(browser, sandbox.siteUrl);
      return pageArm({ browser, page, target: frame, shape: 'getContext', calls: PLAN.callsPerBlock, warmUp: 300, recorded });
    });
  } finally {
    await sandbox.stop();
  }
}
