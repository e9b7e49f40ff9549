// `npx tsx test/bench/splitRoundTrip.ts [calls] [rounds] [name=extensionDir ...]` (after `npm run build`): where a
// sandbox getContext round trip's time goes, seen from the app frame, per build (`name=` with no directory: no
// extension), in alternating blocks. Each call is split at the dispatch of the last window message before its
// answer (post-robot's response; its ack comes first):
// - call: the synchronous part of callBridge (the hook's start of a call);
// - to the response: from callBridge's return to the response's dispatch (the host, the browser, and any task of
//   the app frame's thread that the response waited behind);
// - to the app: from the dispatch to the app's code after `await` (post-robot's handling, then the hook's end of the
//   call: its walk of the answer runs here, before the app sees the answer).
// Medians over rounds, µs per call. The page's clock is coarsened to 100 µs: only sums over many calls mean anything.
import type { Frame } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { SAVE_SPACING_MS } from '../../src/background/recorderService';
import { GATHER_MS } from '../../src/capture/hookChannel';
import { RELAY_BUSY_INTERVAL_MS } from '../../src/relay/relayLink';
import { startSandbox } from '../sandbox';
import { buildArms } from './buildArms';
import { openIssuePanel } from './sandboxRoundTrip';

const calls = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 12);
const builds = buildArms(process.argv.slice(4));
/**
 * Between blocks, long enough for the block's last events to reach the worker (the hook's and the relay's gathering)
 * and for its last save (at most one per SAVE_SPACING_MS), so that none of it runs in the other arm's block.
 */
const SETTLE_MS = GATHER_MS + RELAY_BUSY_INTERVAL_MS + SAVE_SPACING_MS + 250;

interface Split {
  total: number;
  call: number;
  toResponse: number;
  toApp: number;
}

/** In the app frame: `n` sequential getContext calls, each split at its last message dispatch (ms per call). */
function splitCalls(frame: Frame, n: number): Promise<Split> {
  return frame.evaluate(async (count) => {
    const g = globalThis as unknown as { __bridge: { callBridge(c: string): Promise<unknown> }; __lastMessageAt?: number };
    if (g.__lastMessageAt === undefined) {
      g.__lastMessageAt = 0;
      window.addEventListener('message', () => void (g.__lastMessageAt = performance.now()), true);
    }
    const callBridge = g.__bridge.callBridge;
    let call = 0;
    let toResponse = 0;
    let toApp = 0;
    const start = performance.now();
    for (let j = 0; j < count; j++) {
      const t0 = performance.now();
      const answer = callBridge('getContext');
      const t1 = performance.now();
      await answer;
      const t3 = performance.now();
      call += t1 - t0;
      toResponse += g.__lastMessageAt! - t1;
      toApp += t3 - g.__lastMessageAt!;
    }
    return { total: (performance.now() - start) / count, call: call / count, toResponse: toResponse / count, toApp: toApp / count };
  }, n);
}

const sandbox = await startSandbox();
const sessions: ChromiumSession[] = [];
try {
  const arms: { name: string; frame: Frame; splits: Split[] }[] = [];
  for (const [name, dir] of builds) {
    const session = await launchChromium(dir ? { extensionDir: dir } : {});
    sessions.push(session);
    const { frame, run } = await openIssuePanel(session, sandbox.siteUrl);
    await run(300);
    arms.push({ name, frame, splits: [] });
  }
  for (let r = 0; r < rounds; r++) {
    for (const arm of r % 2 === 0 ? arms : [...arms].reverse()) {
      arm.splits.push(await splitCalls(arm.frame, calls));
      await new Promise((res) => setTimeout(res, SETTLE_MS));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 1000;
  console.log(`${calls} getContext calls per block, ${rounds} rounds; medians over rounds, µs per call`);
  const base = arms[0]!;
  for (const key of ['total', 'call', 'toResponse', 'toApp'] as const) {
    const first = median(base.splits.map((s) => s[key]));
    const row = arms.map((arm, i) => {
      const m = median(arm.splits.map((s) => s[key]));
      return `${arm.name} ${m.toFixed(0)}${i > 0 ? ` (${m - first >= 0 ? '+' : ''}${(m - first).toFixed(0)})` : ''}`;
    });
    console.log(`  ${{ total: 'whole call', call: 'call (synchronous)', toResponse: 'to the response', toApp: 'to the app' }[key]}: ${row.join(', ')}`);
  }
} finally {
  for (const s of sessions) await s.close();
  await sandbox.stop();
}
