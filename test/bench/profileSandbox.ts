// `npx tsx test/bench/profileSandbox.ts [calls] [--without] [--ext=DIR]` (after `npm run build`): CPU profiles of every
// process the sandbox round trip touches (the host page, the app iframe, and with the extension its service
// worker; a CDP session per target) over sequential getContext calls, as self time per function and busy
// time per call: where the time the extension adds to a round trip goes. `--ext=DIR`: another build (default dist/chrome).
import type { CDPSession, Frame } from 'puppeteer-core';
import { launchChromium } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import type { CpuProfile } from './burst';
import { profileTable } from './profileSummary';
import { openIssuePanel } from './sandboxRoundTrip';

const calls = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1000);
const withExtension = !process.argv.includes('--without');
const extensionDir = process.argv.find((a) => a.startsWith('--ext='))?.slice(6) ?? 'dist/chrome';
const sandbox = await startSandbox();
const session = await launchChromium(withExtension ? { extensionDir } : {});
try {
  const { page, frame, run } = await openIssuePanel(session, sandbox.siteUrl);
  await run(300);
  const targets: [string, CDPSession][] = [['host page', await page.createCDPSession()]];
  // An out-of-process iframe has its own session (puppeteer's frame client); an in-process one shares the page's.
  const frameClient = (frame as Frame & { client?: CDPSession }).client;
  if (frameClient && frameClient !== (page.mainFrame() as Frame & { client?: CDPSession }).client) targets.push(['app iframe (own process)', frameClient]);
  if (withExtension) {
    const sw = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`));
    targets.push(['service worker', await sw.createCDPSession()]);
  }
  for (const [, cdp] of targets) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const perCall = await run(calls);
  await new Promise((r) => setTimeout(r, 1000));
  console.log(`${withExtension ? 'With' : 'Without'} the extension: ${calls} getContext calls, ${perCall.toFixed(0)} µs per call\n`);
  for (const [name, cdp] of targets) {
    const profile = (await cdp.send('Profiler.stop')).profile as CpuProfile;
    console.log(`## ${name}\n\n${profileTable(profile, calls, 25)}\n`);
  }
} finally {
  await session.close();
  await sandbox.stop();
}
