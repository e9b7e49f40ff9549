import type { BackgroundToPanel } from '../../src/protocol';
import { sessionMessage, startHarness } from '../ui/page';
import type { CpuProfile } from './burst';
import { session } from './traceBenchSession';
import { installNextMutation, type WithNextMutation } from './nextMutation';
import { TRACE_CATEGORIES, type TraceEvent } from './panelTraceWindows';

const CALLS = 10_000;
const PER_BATCH = 50;

/** The recorder's feed for a live tab: each batch's calls start (pending), then settle with the requests they made. */
function batches(): BackgroundToPanel[][] {
  const s = session(CALLS);
  const frame = { ...s.frames[0]!, url: 'http://localhost:8000/main/index.html?moduleKey=issue-panel' };
  const out: BackgroundToPanel[][] = [[{ type: 'frames', tabId: 7, frames: [frame] }]];
  let e = 0;
  for (let i = 0; i < CALLS; i += PER_BATCH) {
    const calls = s.calls.slice(i, i + PER_BATCH).map((c) => ({ ...c, frameKey: frame.key }));
    const until = calls[calls.length - 1]!.endedAt!;
    const entries = [];
    while (e < s.network.length && s.network[e]!.startedAt <= until) entries.push(s.network[e++]!);
    out.push([{ type: 'calls', tabId: 7, calls: calls.map((c) => ({ ...c, endedAt: null, status: 'pending', response: null })) }]);
    out.push([{ type: 'calls', tabId: 7, calls }, ...(entries.length ? [{ type: 'network' as const, tabId: 7, entries }] : [])]);
  }
  return out;
}

/**
 * 10,000 calls streamed into an open panel, a batch per frame (pending, then settled with its requests):
 * each update's work, from the message to the list laid out again.
 */
export async function benchPanelStream(opts: { profile?: boolean; trace?: boolean; heap?: boolean } = {}) {
  const harness = await startHarness();
  try {
    const page = await harness.open();
    await page.evaluate((m) => (window as unknown as { __ui: { push(m: unknown[]): void } }).__ui.push([m]), sessionMessage([]) as unknown);
    await new Promise((r) => setTimeout(r, 200));
    await page.evaluate((b) => ((window as unknown as { __batches: unknown }).__batches = b), batches() as unknown);
    const cdp = opts.profile ? await page.createCDPSession() : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    if (opts.trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
    await installNextMutation(page);
    const work = await page.evaluate(async () => {
      const w = window as unknown as { __batches: unknown[][]; __ui: { push(m: unknown[]): void } };
      const panel = document.querySelector('.panel')!;
      const times: number[] = [];
      // Work the panel does in tasks of its own (derivation and findings after the list is drawn) is not in an
      // update's time: long tasks (50 ms and over, the browser's own measure) show it.
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      for (const batch of w.__batches) {
        const start = performance.now();
        const changed = (window as unknown as WithNextMutation).__nextMutation(panel);
        w.__ui.push(batch);
        await Promise.race([changed, new Promise((r) => setTimeout(r, 100))]);
        void document.body.offsetHeight;
        const end = performance.now();
        times.push(end - start);
        performance.measure(`update${times.length}`, { start, end });
        await new Promise((r) => requestAnimationFrame(r));
      }
      const count = document.querySelector('[data-testid="call-count"]')?.textContent ?? '';
      observer.disconnect();
      return { times, count, longTasks };
    });
    const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile) : null;
    const trace = opts.trace ? (JSON.parse(new TextDecoder().decode(await page.tracing.stop())) as { traceEvents: TraceEvent[] }).traceEvents : null;
    // The page's JS heap once the stream is in, after a full collection: what the panel keeps for 10,000 calls.
    let heapMb: number | null = null;
    if (opts.heap) {
      const session = cdp ?? (await page.createCDPSession());
      await session.send('HeapProfiler.collectGarbage');
      heapMb = (await session.send('Runtime.getHeapUsage')).usedSize / 1e6;
    }
    if (!work.count.includes(String(CALLS))) throw new Error(`the panel did not show all calls: "${work.count}"`);
    const sorted = [...work.times].sort((a, b) => a - b);
    // The slowest updates, with the batch each was (batch 2k+1 starts calls, 2k+2 settles them): where in the stream they land.
    const slowest = work.times.map((ms, batch) => ({ batch, ms })).sort((a, b) => b.ms - a.ms).slice(0, 5);
    return { calls: CALLS, updates: sorted.length, slowest, medianMs: sorted[Math.floor(sorted.length / 2)]!, worstMs: sorted[sorted.length - 1]!, over16: sorted.filter((t) => t > 16).length, longTasks: work.longTasks.length, worstLongTaskMs: Math.max(0, ...work.longTasks), heapMb, profile, trace };
  } finally {
    await harness.close();
  }
}
