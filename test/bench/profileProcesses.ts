// `npx tsx test/bench/profileProcesses.ts [calls] [rounds] [name=extensionDir ...]` (after `npm run build`): CPU time per
// call of each kind of Chromium process over sequential sandbox getContext calls, in alternating blocks (Linux /proc).
// Default arms: `without=` (no extension) and `with=dist/chrome`; more arms (e.g. a copy of dist/chrome whose
// manifest leaves the host page out) say where a cost comes from. The host page's and the app frame's renderers are
// found by a short busy loop in each (the renderer whose CPU jumps); other renderers are named by creation order.
// HIDE_HOST_LOG=1 hides the sandbox host's call log (#host-log) in every arm: a diagnosis of what the host's CPU is.
// THREADS=1 splits each process kind by thread name (/proc/<pid>/task): the main thread (`chromium`), the IO thread,
// the thread pool (V8's parallel and concurrent GC among others), the service worker's thread.
import { readdir, readFile } from 'node:fs/promises';
import { launchChromium } from '../../scripts/lib/driver';
import { startSandbox } from '../sandbox';
import { openIssuePanel } from './sandboxRoundTrip';
import { buildArms } from './buildArms';

const calls = Number(process.argv[2] ?? 1000);
const byThread = process.env.THREADS === '1';

/** CPU ms of a process by thread name (digits at the end dropped: a pool's workers count together). */
async function threadsOf(pid: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const text = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')).replace(/\d+$/, '');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    out.set(name, (out.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
  }
  return out;
}

async function perKind(root: number, names: Map<string, string> = new Map()): Promise<Map<string, number>> {
  const procs = new Map<number, { ppid: number; ms: number; kind: string; client: number }>();
  for (const p of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const text = await readFile(`/proc/${p}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const cmd = (await readFile(`/proc/${p}/cmdline`, 'utf8')).split(/[\0 ]/);
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const client = Number(cmd.find((a) => a.startsWith('--renderer-client-id='))?.slice(21) ?? 0);
      const kind = type === 'renderer' ? (cmd.includes('--extension-process') ? 'extension renderer (service worker)' : 'renderer') : type === 'utility' ? `utility ${cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19)}` : type;
      procs.set(Number(p), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * 10, kind, client });
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
  const renderers = [...tree].flatMap((pid) => (procs.get(pid)?.kind === 'renderer' ? [procs.get(pid)!] : [])).sort((a, b) => a.client - b.client);
  for (const pid of tree) {
    const s = procs.get(pid);
    const rank = s?.kind === 'renderer' ? `renderer #${renderers.indexOf(s) + 1}` : s?.kind;
    const kind = names.get(rank!) ?? rank;
    if (!s) continue;
    if (!byThread) {
      out.set(kind!, (out.get(kind!) ?? 0) + s.ms);
      continue;
    }
    try {
      for (const [thread, ms] of await threadsOf(pid)) out.set(`${kind} / ${thread}`, (out.get(`${kind} / ${thread}`) ?? 0) + ms);
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU ms grown from `before` to `after` per process kind (the threads of each summed, with THREADS=1). */
function byProcess(after: Map<string, number>, before: Map<string, number>): [string, number][] {
  const out = new Map<string, number>();
  for (const [key, ms] of after) {
    const kind = key.split(' / ')[0]!;
    out.set(kind, (out.get(kind) ?? 0) + ms - (before.get(key) ?? 0));
  }
  return [...out];
}

const rounds = Number(process.argv[3] ?? 5);
const sandbox = await startSandbox();
const sessions: Awaited<ReturnType<typeof launchChromium>>[] = [];
try {
  // Both browsers open side by side and driven in alternating blocks (the first alternates by round), so a
  // change of machine load reaches both alike; the median over rounds per process kind.
  const arms = [];
  for (const [name, extensionDir] of buildArms(process.argv.slice(4))) {
    const session = await launchChromium(extensionDir ? { extensionDir } : {});
    sessions.push(session);
    const { run, page, frame } = await openIssuePanel(session, sandbox.siteUrl);
    if (process.env.HIDE_HOST_LOG === '1') await page.addStyleTag({ content: '#host-log { display: none }' });
    await run(300);
    const pid = session.browser.process()!.pid!;
    // Which renderer runs what: the one whose CPU grows by most of a 400 ms busy loop in the frame.
    const names = new Map<string, string>();
    for (const [label, target] of [['host page renderer', page], ['app frame renderer', frame]] as const) {
      const before = await perKind(pid);
      await target.evaluate(() => {
        const t = performance.now();
        while (performance.now() - t < 400);
      });
      const after = await perKind(pid);
      const grown = byProcess(after, before).filter(([k]) => k.startsWith('renderer #')).sort((a, b) => b[1] - a[1])[0];
      if (grown) names.set(grown[0], label);
    }
    arms.push({ name, run, pid, names, perCall: [] as number[], kinds: new Map<string, number[]>() });
  }
  for (let r = 0; r < rounds; r++) {
    for (const arm of r % 2 === 0 ? arms : [...arms].reverse()) {
      const before = await perKind(arm.pid, arm.names);
      const started = Date.now();
      arm.perCall.push(await arm.run(calls));
      const seconds = (Date.now() - started) / 1000;
      // The recorder saves at most every 500 ms: its work for the block is done within this pause.
      await new Promise((res) => setTimeout(res, 1500));
      const after = await perKind(arm.pid, arm.names);
      // Per second of calls rather than per call: work the page does per frame drawn grows with the time calls take.
      const host = 'host page renderer';
      const perSecond = `${host}, ms of CPU per second of calls`;
      const hostMs = byProcess(after, before).find(([k]) => k === host)?.[1] ?? 0;
      arm.kinds.set(perSecond, [...(arm.kinds.get(perSecond) ?? []), hostMs / seconds]);
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
  const base = arms[0]!;
  console.log(`  wall time: ${arms.map((arm) => `${arm.name} ${med(arm.perCall).toFixed(0)}`).join(', ')}`);
  const kinds = new Set(arms.flatMap((arm) => [...arm.kinds.keys()]));
  for (const kind of kinds) {
    const meds = arms.map((arm) => med(arm.kinds.get(kind) ?? [0]));
    if (meds.some((m) => m > 0)) console.log(`  CPU ${kind}: ${arms.map((arm, i) => `${arm.name} ${meds[i]!.toFixed(0)}${i > 0 ? ` (${meds[i]! - meds[0]! >= 0 ? '+' : ''}${(meds[i]! - meds[0]!).toFixed(0)})` : ''}`).join(', ')} [added against ${base.name}]`);
  }
} finally {
  for (const s of sessions) await s.close();
  await sandbox.stop();
}
