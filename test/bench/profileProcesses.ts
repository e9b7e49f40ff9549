// `npx tsx test/bench/profileProcesses.ts [calls]` (after `npm run build`): CPU time per call of each kind of
// Chromium process over sequential sandbox getContext calls, without and then with the extension (Linux /proc).
import { readdir, readFile } from 'node:fs/promises';
import { appFrame, launchChromium } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';

const calls = Number(process.argv[2] ?? 1000);

async function perKind(root: number): Promise<Map<string, number>> {
  const procs = new Map<number, { ppid: number; ms: number; kind: string }>();
  for (const p of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const text = await readFile(`/proc/${p}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const cmd = (await readFile(`/proc/${p}/cmdline`, 'utf8')).split(/[\0 ]/);
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const kind = type === 'renderer' ? (cmd.includes('--extension-process') ? 'extension renderer (service worker)' : `renderer ${cmd.find((a) => a.startsWith('--renderer-client-id='))?.slice(21)}`) : type === 'utility' ? `utility ${cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19)}` : type;
      procs.set(Number(p), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * 10, kind });
    } catch {
      // gone
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of procs) if (!tree.has(pid) && tree.has(s.ppid)) (tree.add(pid), (grew = true));
  }
  const out = new Map<string, number>();
  for (const pid of tree) {
    const s = procs.get(pid);
    if (s) out.set(s.kind, (out.get(s.kind) ?? 0) + s.ms);
  }
  return out;
}

const sandbox = await startSandbox();
try {
  for (const withExtension of [false, true]) {
    const session = await launchChromium(withExtension ? { extensionDir: 'dist/chrome' } : {});
    try {
      const page = await session.newPage();
      await page.goto(`${sandbox.siteUrl}?modules=issue-panel`);
      const frame = await appFrame(page, { moduleKey: 'issue-panel' });
      const run = (n: number) =>
        frame.evaluate(async (count) => {
          const callBridge = (globalThis as unknown as { __bridge: { callBridge(c: string): Promise<unknown> } }).__bridge.callBridge;
          const start = performance.now();
          for (let j = 0; j < count; j++) await callBridge('getContext');
          return ((performance.now() - start) * 1000) / count;
        }, n);
      await run(300);
      await new Promise((r) => setTimeout(r, 1500));
      const pid = session.browser.process()!.pid!;
      const before = await perKind(pid);
      const us = await run(calls);
      await new Promise((r) => setTimeout(r, 1500));
      const after = await perKind(pid);
      console.log(`\n${withExtension ? 'With' : 'Without'} the extension: ${us.toFixed(0)} µs per call; CPU µs per call by process (1.5 s after the last call included):`);
      let total = 0;
      for (const [kind, ms] of after) {
        const d = ((ms - (before.get(kind) ?? 0)) * 1000) / calls;
        total += d;
        if (d > 0) console.log(`  ${kind}: ${d.toFixed(0)}`);
      }
      console.log(`  total: ${total.toFixed(0)}`);
    } finally {
      await session.close();
    }
  }
} finally {
  await sandbox.stop();
}
