import type { Frame, Page } from 'puppeteer-core';
import { attachedWorkerOf, launchChromium, tabIdOf, type ChromiumSession } from '../../scripts/lib/driver';
import { interleave, spread, summarize, type Arm, type Arms, type Round } from './interleave';
import { treeCpuMs } from './profileCpu';
import { recorderCounts, settledCalls, waitUntilRecorded, waitUntilSaved, type WorkerLike } from './recorderCounts';

export type CallShape = 'getContext' | 'invoke';

/**
 * In the page: `n` sequential bridge calls; their mean time per call (ms). Timed as one block: pages see
 * performance.now() coarsened to 100 µs, far above one call on a microtask bridge.
 */
export function timeCalls(target: Page | Frame, n: number, shape: CallShape): Promise<number> {
  return target.evaluate(
    async ([count, kind]) => {
      const callBridge = (globalThis as unknown as { __bridge: { callBridge(c: string, p?: unknown): Promise<unknown> } }).__bridge.callBridge;
      const start = performance.now();
      // (No helper function here: tsx would wrap it in a __name() the page does not have.)
      if (kind === 'getContext') for (let j = 0; j < count; j++) await callBridge('getContext');
      else for (let j = 0; j < count; j++) await callBridge('invoke', { functionKey: 'getIssues', payload: { page: j, query: 'project = SBX' } });
      return (performance.now() - start) / count;
    },
    [n, shape] as const,
  );
}

/**
 * How long after each block the browser's CPU is still counted, in every arm: longer than the recorder takes to catch
 * up on a block (the hook's and the relay's gathering, then a save at most every 500 ms), so that the arm with the
 * extension is read over the same window as the others whenever its recording settles within it.
 */
export const CPU_WINDOW_AFTER_BLOCK_MS = 1_000;

/** One browser's page as an arm: each block is `calls` calls, its cost the mean µs per call (batches posted during it included). */
export async function pageArm(opts: { browser: ChromiumSession; page: Page; target: Page | Frame; shape: CallShape; calls: number; warmUp: number; recorded: boolean }): Promise<PageArm> {
  const { browser, page, target, shape, calls } = opts;
  await timeCalls(target, opts.warmUp, shape);
  const tabId = opts.recorded ? await tabIdOf(browser, page) : null;
  // One session for all the polls (the browser's close ends it): attaching per poll cost more CPU than the recording.
  const worker: WorkerLike | null = tabId !== null ? attachedWorkerOf(browser) : null;
  // The app's own calls and the warm-up: what the recorder must hold before the first block counts.
  let expected = 0;
  if (tabId !== null) {
    await new Promise((r) => setTimeout(r, 1000));
    expected = settledCalls(await recorderCounts(worker!, tabId));
  }
  const pid = browser.browser.process()?.pid;
  const arm = {
    timedOut: 0,
    cpuPerCall: [] as number[],
    async block() {
      const cpuBefore = await treeCpuMs(pid);
      const perCall = await timeCalls(target, calls, shape);
      expected += calls;
      // The browser's CPU over the block, all its processes: the block's own work, the recorder's (settle()
      // waits for it) counted when it is done, below.
      arm.cpuStart = cpuBefore;
      return perCall * 1000;
    },
    cpuStart: null as number | null,
    async settle() {
      const settling = Date.now();
      if (tabId !== null && (await waitUntilRecorded(worker!, tabId, expected)) === null) arm.timedOut++;
      // The block's last save too: left running, it would land in the other arm's next block (the recorder
      // saves at most every SAVE_SPACING_MS; blocks are made long enough that the saves before it fall inside).
      if (tabId !== null && !(await waitUntilSaved(worker!, tabId))) arm.timedOut++;
      // Every arm's CPU is read over its block and the same time after it: a browser spends some CPU even idle, and
      // counted only while the recorder catches up, that idle time read as the extension's.
      const left = CPU_WINDOW_AFTER_BLOCK_MS - (Date.now() - settling);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      const cpuEnd = await treeCpuMs(pid);
      if (arm.cpuStart !== null && cpuEnd !== null) arm.cpuPerCall.push(((cpuEnd - arm.cpuStart) * 1000) / calls);
      // The same short pause on both sides: timers and GC get the same chance to run between blocks.
      await new Promise((r) => setTimeout(r, 30));
    },
  };
  return arm;
}

/** An arm that also keeps, per block, its browser's CPU time per call (µs, all processes, the recorder's work until settled included). */
export type PageArm = Arm & { timedOut: number; cpuPerCall: number[] };

export interface SideBySidePlan {
  rounds: number;
  blocks: number;
  callsPerBlock: number;
  /**
   * Fresh browsers this many times over the rounds (default 1). Two browsers started alike differ by a few per
   * cent for as long as they run (in one pair without the extension, 0.94 to 1.11 over 15 rounds on this kind of
   * machine): sets of fresh browsers spread that over the rounds instead of adding it to every one.
   */
  sets?: number;
  /** A third browser, without the extension too: the ratio it reads against the first is the bench's own noise. */
  control?: boolean;
}

/**
 * Browsers open side by side, one with the extension (and with `control`, a second without): `openArm` opens the
 * page to measure in each, then they are driven in alternating blocks over the rounds, in `sets` of fresh browsers.
 */
export async function sideBySide(extensionDir: string, plan: SideBySidePlan, openArm: (browser: ChromiumSession, recorded: boolean) => Promise<PageArm>) {
  const sets = Math.max(1, Math.min(plan.sets ?? 1, plan.rounds));
  const rounds: Round[] = [];
  const cpu = { without: [] as number[], with: [] as number[] };
  let settleTimeouts = 0;
  for (let set = 0; set < sets; set++) {
    const roundsInSet = Math.floor((plan.rounds * (set + 1)) / sets) - Math.floor((plan.rounds * set) / sets);
    const browsers: ChromiumSession[] = [];
    try {
      const launch = async (recorded: boolean) => {
        const browser = await launchChromium(recorded ? { extensionDir } : {});
        browsers.push(browser);
        return openArm(browser, recorded);
      };
      // Launched in turn, the first set's order reversed in the next: neither side always starts first.
      const arms: Arms<PageArm> = set % 2 === 0 ? { without: await launch(false), with: await launch(true) } : { with: await launch(true), without: await launch(false) };
      if (plan.control) arms.control = await launch(false);
      rounds.push(...(await interleave(arms, roundsInSet, plan.blocks, rounds.length)));
      cpu.without.push(...arms.without.cpuPerCall);
      cpu.with.push(...arms.with.cpuPerCall);
      settleTimeouts += arms.with.timedOut;
    } finally {
      for (const b of browsers) await b.close();
    }
  }
  return {
    ...summarize(rounds),
    sets,
    callsPerBlock: plan.callsPerBlock,
    callsPerArm: plan.rounds * plan.blocks * plan.callsPerBlock,
    settleTimeouts,
    cpu: cpu.with.length > 0 && cpu.without.length > 0 ? { without: spread(cpu.without), with: spread(cpu.with) } : null,
  };
}
