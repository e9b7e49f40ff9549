import type { CallRecord } from '../../src/protocol';
import type { CpuProfile } from './burst';
import { callRecord, push, sessionMessage, startHarness } from '../ui/page';
import { installNextMutation, type WithNextMutation } from './nextMutation';
import { TRACE_CATEGORIES, type TraceEvent } from './panelTraceWindows';

const CALLS = 100_000;

function calls(): CallRecord[] {
  const kinds = [
    { command: 'getContext', kind: 'context' as const, summary: 'getContext' },
    { command: 'invoke', kind: 'resolver' as const, summary: 'invoke getIssues' },
    { command: 'fetchRemote', kind: 'requestRemote' as const, summary: 'requestRemote remote-a GET /tasks → 200' },
    { command: 'invoke', kind: 'invokeRemote' as const, summary: 'invokeRemote POST /tasks → 201' },
  ];
  return Array.from({ length: CALLS }, (_, i) => callRecord({ ...kinds[i % kinds.length]!, startedAt: 1_700_000_000_000 + i * 5, endedAt: 1_700_000_000_000 + i * 5 + (i % 97) }));
}

/** The panel fed 100,000 calls in Chromium: first render, a filter, scrolling frames, and the page's heap. */
export async function benchPanel(opts: { profile?: boolean; trace?: boolean } = {}) {
  const harness = await startHarness();
  try {
    const page = await harness.open();
    const cdp = await page.createCDPSession();
    const message = sessionMessage(calls());
    await page.evaluate((m) => ((window as unknown as { __pending: unknown }).__pending = m), message as unknown);
    const profiles: Record<string, CpuProfile> = {};
    const startProfile = async () => {
      if (!opts.profile) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    };
    const stopProfile = async (name: string) => {
      if (opts.profile) profiles[name] = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
    };
    await startProfile();
    const firstRenderMs = await page.evaluate(async () => {
      const start = performance.now();
      (window as unknown as { __ui: { push(m: unknown[]): void } }).__ui.push([(window as unknown as { __pending: unknown }).__pending]);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (!document.querySelector('[role="row"][data-call-id]')) throw new Error('no rows rendered');
      return performance.now() - start;
    });
    await stopProfile('first render');
    await startProfile();
    const filterMs = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter calls"]')!;
      const start = performance.now();
      const count = document.querySelector('[data-testid="call-count"]')!;
      const updated = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(count, { childList: true, subtree: true, characterData: true });
      });
      input.value = 'kind:requestRemote duration>50';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The panel's work up to the updated list laid out (not the wait for the next frame).
      await updated;
      void document.body.offsetHeight;
      if (!/\d+ \/ 100000 calls/.test(document.querySelector('[data-testid="call-count"]')!.textContent ?? '')) throw new Error('the filter did not apply');
      return performance.now() - start;
    });
    await stopProfile('filter');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Filter calls"]')!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await new Promise((r) => setTimeout(r, 200));
    // Each step: scroll, let the panel re-render the rows in view, force layout; that is the frame's work.
    // (requestAnimationFrame intervals would only show the display's 16.7 ms cadence.)
    await startProfile();
    if (opts.trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
    await installNextMutation(page);
    const scroll = await page.evaluate(async () => {
      const body = document.querySelector<HTMLElement>('[data-testid="grid-body"]')!;
      // A list that grows follows its end; start from the top.
      body.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 100));
      const work: number[] = [];
      let rendered = 0;
      for (let i = 0; i < 120; i++) {
        const before = document.querySelector('[role="row"][data-call-id]')?.getAttribute('aria-rowindex');
        const start = performance.now();
        const mutated = (window as unknown as WithNextMutation).__nextMutation(body);
        body.scrollTop += 900;
        // The browser fires 'scroll' at its next frame; firing it now measures the panel's work, not the wait.
        body.dispatchEvent(new Event('scroll'));
        await mutated;
        void body.offsetHeight;
        const end = performance.now();
        work.push(end - start);
        performance.measure(`step${work.length}`, { start, end });
        if (document.querySelector('[role="row"][data-call-id]')?.getAttribute('aria-rowindex') !== before) rendered++;
        await new Promise((r) => requestAnimationFrame(r));
      }
      const sorted = [...work].sort((a, b) => a - b);
      const shownTop = document.querySelector('[role="row"][data-call-id]')?.getAttribute('aria-rowindex');
      return { worst: sorted[sorted.length - 1]!, median: sorted[Math.floor(sorted.length / 2)]!, frames: work.length, over16: work.filter((w) => w > 16).length, shownTop: Number(shownTop), rendered };
    });
    await stopProfile('scroll');
    const trace = opts.trace ? (JSON.parse(new TextDecoder().decode(await page.tracing.stop())) as { traceEvents: TraceEvent[] }).traceEvents : null;
    if (scroll.shownTop < 5000 || scroll.rendered < scroll.frames) throw new Error(`scrolling did not re-render the rows in view each step (${scroll.rendered} of ${scroll.frames}; first shown row ${scroll.shownTop})`);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { calls: CALLS, firstRenderMs, filterMs, worstScrollFrameMs: scroll.worst, medianScrollFrameMs: scroll.median, scrollFrames: scroll.frames, scrollFramesOver16ms: scroll.over16, heapMB: usedSize / 1024 / 1024, profiles, trace };
  } finally {
    await harness.close();
  }
}
