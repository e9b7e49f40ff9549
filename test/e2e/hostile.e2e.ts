import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { tabIdOf, waitForTrace } from '../../scripts/lib/driver';
import { CHANNEL_OFFER } from '../../src/protocol/hook';
import { LIMITS } from '../../src/protocol/limits';
import type { TraceCall, TraceV2 } from '../../src/protocol/model';
import { useHostileBrowser } from './support/hostileSite';

/**
 * Issue 14 in real Chromium: pages that attack the hook's channel, lie about sizes, make thousands of
 * throwaway frames, or navigate the moment a call settles. The app keeps calling throughout; every call
 * must be recorded (or its loss counted) and the page must receive nothing of the hook's.
 */

const env = useHostileBrowser();

const functionKey = (c: TraceCall): unknown => (c.request.value as { functionKey?: unknown } | null)?.functionKey;

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await env.chromium.newPage();
  await page.goto(`${env.site.url}${path}`);
  return { page, tabId: await tabIdOf(env.chromium, page) };
}

function keysRecorded(trace: TraceV2): Set<unknown> {
  return new Set(trace.calls.filter((c) => c.status !== 'pending').map(functionKey));
}

describe('a page that tries every takeover while the app keeps calling', () => {
  it('records every call, and the page obtains no port, no event and not the relay\'s offer', async () => {
    const { page, tabId } = await open('/takeover');
    const keys = Array.from({ length: 40 }, (_, i) => `call${i}`);
    // Spread over ~1 s, so forged offers (every 20 ms) interleave with the app's calls.
    await page.evaluate(async (list: string[]) => {
      const app = (window as unknown as { __app: { call(c: string, p: unknown): Promise<unknown> } }).__app;
      for (const key of list) {
        await app.call('invoke', { functionKey: key });
        await new Promise((r) => setTimeout(r, 25));
      }
    }, keys);
    const trace = await waitForTrace(env.chromium, tabId, (t) => keys.every((k) => keysRecorded(t).has(k)), { redact: false });
    expect(trace.calls.filter((c) => c.command === 'forged')).toEqual([]);
    expect(trace.calls.map(functionKey).filter((k) => typeof k === 'string' && !keys.includes(k))).toEqual([]);

    const hostile = await page.evaluate(() => (window as unknown as { __hostile: { messages: string[]; portMessages: unknown[]; offersPosted: number; markerDefined: boolean } }).__hostile);
    expect(hostile.offersPosted).toBeGreaterThan(10);
    // Nothing ever arrived on a port the page held (its own forged channels, or any it was handed).
    expect(hostile.portMessages).toEqual([]);
    // Every window message the page heard is one it posted itself: no hook event, no relay offer (those carry a random nonce).
    const offers = hostile.messages.map((m) => JSON.parse(m) as { type?: unknown; nonce?: unknown }).filter((m) => m && m.type === CHANNEL_OFFER);
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.filter((m) => m.nonce !== undefined && m.nonce !== 'forged')).toEqual([]);
    expect(hostile.messages.filter((m) => keys.some((k) => m.includes(`"${k}"`)))).toEqual([]);
    // The relay saw the forged offers and says so (Diagnose shows the frame's channel report).
    const watched = await waitForTrace(env.chromium, tabId, (t) => t.frames.some((f) => (f.channel?.foreignOffers ?? 0) > 0), { redact: false });
    expect(watched.frames.find((f) => f.channel)?.channel?.unanswered).toBe(false);
    await page.close();
  });
});

describe('a page that patches the built-ins a hook would use', () => {
  it('records its calls and paints while none of its patches ever runs', async () => {
    const { page, tabId } = await open('/patched');
    expect(await page.evaluate(() => (window as unknown as { __calls: Promise<string> }).__calls)).toBe('done');
    const keys = Array.from({ length: 5 }, (_, i) => `patched${i}`);
    const trace = await waitForTrace(env.chromium, tabId, (t) => keys.every((k) => keysRecorded(t).has(k)) && t.frames.some((f) => (f.boot?.firstContentfulPaintAt ?? null) !== null), { redact: false });
    expect(trace.calls.find((c) => functionKey(c) === 'patched0')?.request.value).toMatchObject({ payload: { list: [1, 2, { deep: 'x' }] } });
    // Read first thing: nothing of the test's own runs in the page before it.
    expect(await page.evaluate(() => (window as unknown as { __ran: Record<string, number> }).__ran)).toEqual({});
    await page.close();
  });
});

describe('a page that lies about sizes', () => {
  it('records the call with sizes the extension measured, bounded, and the app gets its values untouched', async () => {
    const { page, tabId } = await open('/liar');
    const seen = await page.evaluate(async () => {
      const w = window as unknown as { __liar(): Record<string, unknown>; __app: { call(c: string, p: unknown): Promise<{ echo: Record<string, unknown> }> } };
      const payload = w.__liar();
      const result = await w.__app.call('invoke', { functionKey: 'liar', payload });
      const echo = result.echo.payload as Record<string, unknown>;
      return { same: echo === payload, huge: (echo.huge as string).length, long: (echo.longArray as unknown[]).length };
    });
    expect(seen).toEqual({ same: true, huge: 5 * 1024 * 1024, long: 1_000_000 });
    const trace = await waitForTrace(env.chromium, tabId, (t) => t.calls.some((c) => functionKey(c) === 'liar' && c.status !== 'pending'), { redact: false, timeoutMs: 30_000 });
    const call = trace.calls.find((c) => functionKey(c) === 'liar')!;
    for (const snap of [call.request, call.response!]) {
      const measured = JSON.stringify(snap.value).length;
      expect(snap.truncated).toBe(true);
      expect(measured).toBeLessThanOrEqual(LIMITS.snapshotBytes + LIMITS.snapshotBytesMargin);
      // The size is the receiver's measure of what it holds, not a number the page or the hook wrote.
      expect(snap.bytes).toBe(measured);
    }
    await page.close();
  });
});

describe('a page that makes 2,000 throwaway frames before its real Forge frame', () => {
  it('still records the real frame\'s call', async () => {
    const { page, tabId } = await open('/throwaway');
    const answer = await page.evaluate(
      (count: number, batch: number) => (window as unknown as { __throwaway(c: number, b: number): Promise<unknown> }).__throwaway(count, batch),
      2000,
      50,
    );
    expect(answer).toEqual({ command: 'invoke', echo: { functionKey: 'afterThrowaway' } });
    const trace = await waitForTrace(env.chromium, tabId, (t) => t.calls.some((c) => functionKey(c) === 'afterThrowaway' && c.status !== 'pending'), { redact: false, timeoutMs: 30_000 });
    expect(trace.calls.find((c) => functionKey(c) === 'afterThrowaway')?.frame.url).toContain('/app?frame=real');
    await page.close();
  }, 300_000);
});

describe('a frame that navigates the moment a call settles', () => {
  it('records every call with its result: the hook hands its last events to the relay as the frame goes', async () => {
    const { page, tabId } = await open('/app');
    // The app frame navigates itself (as a Forge iframe would); the top document, and so the log, stays.
    const rounds = 5;
    for (let i = 0; i < rounds; i++) {
      await page.evaluate((src: string) => {
        document.querySelector('iframe')?.remove();
        const f = document.createElement('iframe');
        f.src = src;
        document.body.appendChild(f);
        return new Promise((resolve) => (f.onload = resolve));
      }, `${env.site.url}/navigate`);
      const frame = page.frames().find((f) => f.url().endsWith('/navigate'))!;
      const landed = page.waitForFrame((f) => f.url().endsWith('/landing'));
      await frame.evaluate((key: string) => void (window as unknown as { __callThenNavigate(k: string): Promise<void> }).__callThenNavigate(key), `nav${i}`);
      await landed;
    }
    const settled = (t: TraceV2) => {
      const done = Array.from({ length: rounds }, (_, i) => t.calls.some((c) => functionKey(c) === `nav${i}` && c.status !== 'pending')).filter(Boolean).length;
      return { done, lost: t.losses?.navigation ?? 0 };
    };
    const trace = await waitForTrace(env.chromium, tabId, (t) => settled(t).done + settled(t).lost >= rounds, { redact: false, timeoutMs: 20_000 });
    expect(settled(trace)).toEqual({ done: rounds, lost: 0 });
    await page.close();
  });
});
