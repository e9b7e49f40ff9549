import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BackgroundToPanel, CallRecord, FrameRecord } from '../../src/protocol';
import { callRecord, FRAME, push, rowCount, sessionMessage, startHarness } from './page';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const OTHER: FrameRecord = { ...FRAME, key: '2:doc', frameId: 2, url: 'http://localhost:8001/other/index.html' };

/**
 * 1,200 calls (past the counts where findings and derivation leave the update) in two frames: bursts with idle
 * gaps the waterfall cuts, a getContext per frame that names its module.
 */
function session(): CallRecord[] {
  const calls: CallRecord[] = [];
  let t = 1_700_000_000_000;
  for (let i = 0; i < 1200; i++) {
    t += i % 300 === 299 ? 30_000 : 7;
    const frame = i % 3 === 0 ? OTHER : FRAME;
    const context = i === 5 || i === 6;
    const settled = callRecord({
      command: context ? 'getContext' : 'invoke', kind: context ? 'context' : 'resolver', summary: context ? 'getContext' : `invoke f${i}`,
      frameKey: frame.key, startedAt: t, endedAt: t + (i % 10 === 0 ? 400 : 5),
      response: { value: context ? { moduleKey: `module-${frame.frameId}` } : { ok: i }, bytes: 20, truncated: false },
    });
    calls.push({ ...settled, id: `${frame.key}#${settled.callId}` });
  }
  return calls;
}

/** The recorder's feed for a live tab: each batch's calls start (pending), then settle; the second frame's record comes after its first calls. */
function feed(calls: CallRecord[]): BackgroundToPanel[][] {
  const out: BackgroundToPanel[][] = [];
  for (let i = 0; i < calls.length; i += 40) {
    if (i === 120) out.push([{ type: 'frames', tabId: 7, frames: [OTHER] }]);
    const batch = calls.slice(i, i + 40);
    out.push([{ type: 'calls', tabId: 7, calls: batch.map((c) => ({ ...c, endedAt: null, status: 'pending', response: null })) }]);
    out.push([{ type: 'calls', tabId: 7, calls: batch }]);
  }
  return out;
}

/** The list as drawn (every visible row's markup: cells, bars, frame labels) at a scroll position, and the waterfall's axis. */
async function drawn(page: Page, scrollTop: number): Promise<{ rows: string[]; axis: string | null }> {
  // Scroll events come with frames, and a tab in the background gets none.
  await page.bringToFront();
  await page.$eval('[data-testid="grid-body"]', (el, top) => (el.scrollTop = top), scrollTop);
  await new Promise((r) => setTimeout(r, 100));
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll('[role="row"][data-call-id]')].map((r) => r.outerHTML),
    axis: document.querySelector('[data-testid="waterfall-axis"]')?.getAttribute('title') ?? null,
  }));
}

describe('a live stream into the panel', () => {
  it('draws the same list as the same calls sent in one session message', async () => {
    const calls = session();
    const batches = feed(calls);
    const streamed = await harness.open();
    await push(streamed, [sessionMessage([])]);
    for (const batch of batches) await push(streamed, batch);
    // What the panel does after the last update (following the end, the deferred derivation) settles first.
    await new Promise((r) => setTimeout(r, 600));
    const final = batches.flat().flatMap((m) => (m.type === 'calls' ? m.calls : []));
    const latest = [...new Map(final.map((c) => [c.id, c])).values()];
    const whole = await harness.open();
    await push(whole, [sessionMessage(latest, { frames: [FRAME, OTHER] })]);
    expect(await rowCount(streamed)).toBe('1200 calls');
    expect(await rowCount(whole)).toBe('1200 calls');
    for (const top of [0, 12_000, 1e9]) {
      const a = await drawn(streamed, top);
      const b = await drawn(whole, top);
      expect(a.rows.length).toBeGreaterThan(10);
      expect(a).toEqual(b);
    }
    expect((await drawn(streamed, 1e9)).axis).toContain('collapsed');
    const first = (await drawn(streamed, 0)).rows.join('');
    expect(first).toContain('>module-2 (other)<');
    expect(first).toContain('>module-1 (main)<');
    // Derivation and findings of a session this large run in tasks of their own after the list is drawn, at most every
    // 250 ms and once a second: once the last of them has run, the findings are the whole session's.
    const findingsText = async (page: Page) => {
      await page.$$eval('[role="tab"]', (tabs) => (tabs.find((t) => t.textContent?.startsWith('Findings')) as HTMLElement | undefined)?.click());
      await page.waitForSelector('[data-testid="findings"], [data-testid="findings-empty"]');
      return page.$eval('main', (el) => el.textContent ?? '');
    };
    const expected = await findingsText(whole);
    expect(expected).toMatch(/\d+ findings, most costly first/);
    await streamed.waitForFunction((text) => document.querySelector('main')?.textContent === text, { timeout: 5000 }, expected).catch(() => undefined);
    expect(await findingsText(streamed)).toBe(expected);
    await streamed.close();
    await whole.close();
  }, 60_000);
});
