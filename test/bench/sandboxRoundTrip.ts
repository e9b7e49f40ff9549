import { appFrame, launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import { pageArm, sideBySide, timeCalls } from './roundTrips';

/**
 * Blocks of about BLOCK_MS whatever the machine's speed: the recorder saves at most every 500 ms and the hook and the
 * relay pass events on every 100 and 250 ms, so a block must hold several of each for its cost to be the extension's
 * average and not the luck of where a save fell (480 calls, the old fixed block, took 0.3 s here at 0.65 ms a call
 * and 1.2 s at 2.5 ms). One block per arm per round and 24 rounds, in sets of ROUNDS_PER_SET rounds of fresh
 * browsers, with a control browser: on this kind of machine one round's ratio ranged 0.69 to 1.38 in one run, with the
 * load of the moment. SANDBOX_ROUNDS sets more rounds for a tighter median.
 */
const BLOCK_MS = 1000;
const MIN_CALLS = 480;
const MAX_CALLS = 5000;
const ROUNDS = roundsFromEnv(process.env.SANDBOX_ROUNDS) ?? 24;
/**
 * Two browsers started alike differ by a few per cent for as long as they run (roundTrips.ts, SideBySidePlan.sets):
 * with 4 sets whatever the rounds, 72 rounds still rested on 4 draws of that difference. A set of fresh browsers every
 * 3 rounds averages it over as many draws as the rounds allow (8 sets for 24 rounds, 24 for 72), at about 6 s of
 * launching per set. Each set's first block may still hold the end of a page's start-up (the relay reads window
 * messages for 2 s after the hook's first answer), as before: more sets count a little more of it.
 */
const ROUNDS_PER_SET = 3;
const SETS = Math.max(4, Math.round(ROUNDS / ROUNDS_PER_SET));

function roundsFromEnv(text: string | undefined): number | null {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n > 0 ? n : null;
}

/** How many calls take about BLOCK_MS without the extension, timed in a browser of its own after a warm-up. */
async function callsPerBlock(siteUrl: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const { run } = await openIssuePanel(browser, siteUrl);
    await run(300);
    const msPerCall = (await run(300)) / 1000;
    return Math.min(MAX_CALLS, Math.max(MIN_CALLS, Math.round(BLOCK_MS / msPerCall)));
  } finally {
    await browser.close();
  }
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
    const plan = { rounds: ROUNDS, blocks: 1, callsPerBlock: await callsPerBlock(sandbox.siteUrl), sets: SETS, control: true };
    return await sideBySide(extensionDir, plan, async (browser, recorded) => {
      const { page, frame } = await openIssuePanel(browser, sandbox.siteUrl);
      return pageArm({ browser, page, target: frame, shape: 'getContext', calls: plan.callsPerBlock, warmUp: 300, recorded });
    });
  } finally {
    await sandbox.stop();
  }
}
