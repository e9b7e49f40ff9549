// `npx tsx test/bench/profileSandbox.ts [calls] [--without] [--ext=DIR]` (after `npm run build`): CPU profiles of every
// process the sandbox round trip touches (the host page, the app iframe, and with the extension its service
// worker; a CDP session per target) over sequential getContext calls, as self time per function and busy
// time per call: where the time the extension adds to a round trip goes. `--ext=DIR`: another build (default dist/chrome).
import type { CDPSession, Frame } from 'puppeteer-core';
import { launchChromium } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import type { CpuProfile } from './burst';
import { profileTable } from './profileSummary';

/**
 * The extension's steps by inclusive time: each function of the extension's scripts (hook, relay, worker) with every
 * sample under it (once per sample), and each native function the extension called (`postMessage`, `setTimeout`,
 * `get data`...) under the extension function that called it: what a step costs with what it runs.
 */
function extensionSteps(profile: CpuProfile, calls: number, limit = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (url: string) => url.startsWith('chrome-extension://');
  const label = (n: CpuProfile['nodes'][number]) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
  const total = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    let id: number | undefined = profile.samples[i];
    let leaf = true;
    while (id !== undefined) {
      const n = byId.get(id)!;
      if (ours(n.callFrame.url)) seen.add(label(n));
      else if (leaf && !n.callFrame.url && n.callFrame.functionName && !n.callFrame.functionName.startsWith('(')) {
        const up = parent.get(id);
        const caller = up === undefined ? undefined : byId.get(up);
        if (caller && ours(caller.callFrame.url)) seen.add(`[native ${n.callFrame.functionName}] in ${label(caller)}`);
      }
      leaf = false;
      id = parent.get(id);
    }
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
  }
  const rows = [...total].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return ['| extension function (inclusive) | µs per call |', '|---|---|', ...rows.map(([k, ms]) => `| ${k.replace(/\|/g, '\\|')} | ${((ms * 1000) / calls).toFixed(1)} |`)].join('\n');
}
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
    console.log(`## ${name}\n\n${profileTable(profile, calls, 25)}\n\n${extensionSteps(profile, calls, Number(process.env.STEPS ?? 30))}\n`);
  }
} finally {
  await session.close();
  await sandbox.stop();
}
