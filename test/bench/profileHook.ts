// `npx tsx test/bench/profileHook.ts [calls]` (after `npm run build`): the page's CPU profile (the MAIN-world
// hook and the isolated-world relay share its thread) over sequential calls to a microtask bridge, as self
// time per function: where the hook's added cost per call goes.
import { launchChromium } from '../../scripts/lib/driver';
import type { CpuProfile } from './burst';
import { profileTable } from './profileSummary';
import { startSyntheticBridgePage } from './syntheticBridgePage';

const calls = Number(process.argv[2] ?? 20_000);
const site = await startSyntheticBridgePage();
const browser = await launchChromium({ extensionDir: 'dist/chrome' });
try {
  const page = await browser.newPage();
  await page.goto(site.url);
  const run = (n: number) =>
    page.evaluate(async (count) => {
      const callBridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p?: unknown): Promise<unknown> } }).__bridge.callBridge;
      for (let j = 0; j < count; j++) await callBridge('invoke', { functionKey: 'getIssues', payload: { page: j, query: 'project = SBX' } });
    }, n);
  await run(2000);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run(calls);
  await new Promise((r) => setTimeout(r, 500));
  const profile = (await cdp.send('Profiler.stop')).profile as CpuProfile;
  console.log(profileTable(profile, calls, 40));
} finally {
  await browser.close();
  await site.close();
}
