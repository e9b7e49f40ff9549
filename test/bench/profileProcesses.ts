// `npx tsx test/bench/profileProcesses.ts [calls] [rounds]` (after `npm run build`): CPU time per call of each kind of
// Chromium process over sequential sandbox getContext calls, without and with the extension in alternating blocks (Linux /proc).
import { readdir, readFile } from 'node:fs/promises';
import { launchChromium } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import { openIssuePanel } from './sandboxRoundTrip';

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

const rounds = Number(process.argv[3] ?? 5);
const sandbox = await startSandbox();
const sessions: Awaited<ReturnType<typeof launchChromium>>[] = [];
try {
  // Both browsers open side by side and driven in alternating blocks (the first alternates by round), so a
  // change of machine load reaches both alike; the median over rounds per process kind.
  const arms = [];
  for (const withExtension of [false, true]) {
    const session = await launchChromium(withExtension ? { extensionDir: 'dist/chrome' } : {});
    sessions.push(session);
    const { run } = await openIssuePanel(session, sandbox.siteUrl);
    await run(300);
    arms.push({ name: withExtension ? 'with' : 'without', run, pid: session.browser.process()!.pid!, perCall: [] as number[], kinds: new Map<string, number[]>() });
  }
  for (let r = 0; r < rounds; r++) {
    for (const arm of r % 2 === 0 ? arms : [...arms].reverse()) {
      const before = await perKind(arm.pid);
      arm.perCall.push(await arm.run(calls));
      // The recorder saves at most every 500 ms: its work for the block is done within this pause.
      await new Promise((res) => setTimeout(res, 1500));
      const after = await perKind(arm.pid);
      let total = 0;
      for (const [kind, ms] of after) {
        const d = ((ms - (before.get(kind) ?? 0)) * 1000) / calls;
        total += d;
        arm.kinds.set(kind, [...(arm.kinds.get(kind) ?? []), d]);
      }
      arm.kinds.set('total', [...(arm.kinds.get('total') ?? []), total]);
    }
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  console.log(`${calls} getContext calls per block, ${rounds} rounds; medians over rounds, µs per call`);
  console.log(`  wall time: without ${med(arms[0]!.perCall).toFixed(0)}, with ${med(arms[1]!.perCall).toFixed(0)}`);
  const kinds = new Set([...arms[0]!.kinds.keys(), ...arms[1]!.kinds.keys()]);
  for (const kind of kinds) {
    const [a, b] = arms.map((arm) => med(arm.kinds.get(kind) ?? [0]));
    if (a! + b! > 0) console.log(`  CPU ${kind}: without ${a!.toFixed(0)}, with ${b!.toFixed(0)}, added ${(b! - a!).toFixed(0)}`);
  }
} finally {
  for (const s of sessions) await s.close();
  await sandbox.stop();
}
