import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { appFrame, launchChromium, runAction as run, runBurst, stopWorker, tabIdOf, waitForTrace, type ChromiumSession } from '../../scripts/lib/driver';
import type { TraceCall, TraceV2 } from '../../src/protocol';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
let browser: ChromiumSession;

beforeAll(async () => {
  sandbox = await startSandbox();
  browser = await launchChromium({ extensionDir: 'dist/chrome' });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

async function openSite(query = ''): Promise<{ page: Page; tabId: number }> {
  const page = await browser.newPage();
  await page.goto(`${sandbox.siteUrl}${query}`);
  return { page, tabId: await tabIdOf(browser, page) };
}

const inResource = (resource: string) => (c: TraceCall) => c.frame.url.includes(`/${resource}/`);

describe('capture in Chromium, against the Forge sandbox and the real @forge/bridge', () => {
  it('records the calls an app makes while its page parses, with the bridge trapped before it was assigned', async () => {
    const { page, tabId } = await openSite('?modules=resolver-panel');
    await appFrame(page);
    const trace = await waitForTrace(browser, tabId, (t) => t.calls.filter((c) => c.status !== 'pending').length >= 2);
    const appCalls = trace.calls.filter(inResource('main'));
    expect(appCalls.map((c) => c.command)).toEqual(expect.arrayContaining(['getContext', 'invoke']));
    const getText = appCalls.find((c) => c.summary.startsWith('invoke getText'))!;
    expect(getText).toMatchObject({ kind: 'resolver', status: 'ok' });
    expect(getText.endedAt! - getText.startedAt).toBeCloseTo(getText.durationMs!, 6);
    const frame = trace.frames.find((f) => f.url.includes('/main/'))!;
    expect(frame.bridge).toMatchObject({ via: 'trap', semver: '1.15.3', frozen: false });
    expect(frame.transport).toBe('post-robot');
    await page.close();
  });

  it('records invokeRemote, requestRemote and product requests with their kinds and summaries', async () => {
    const { page, tabId } = await openSite('?modules=issue-panel');
    const app = await appFrame(page);
    expect(await run(app, 'invokeRemote')).toMatchObject({ ok: true });
    expect(await run(app, 'requestRemote')).toMatchObject({ ok: true });
    expect(await run(app, 'requestJira')).toMatchObject({ ok: true });
    const trace = await waitForTrace(browser, tabId, (t) => ['invokeRemote', 'requestRemote', 'product'].every((k) => t.calls.some((c) => c.kind === k && c.status !== 'pending')));
    const byKind = (k: string) => trace.calls.find((c) => c.kind === k)!;
    expect(byKind('invokeRemote').summary).toMatch(/^invokeRemote (GET|POST) \/\S+ → 2\d\d$/);
    expect(byKind('requestRemote').summary).toMatch(/^requestRemote remote-a (GET|POST) \/\S+ → 2\d\d$/);
    expect(byKind('product').summary).toMatch(/^requestJira GET \/rest\/api\/3\/\S+ → 200$/);
    await page.close();
  });

  it('records a Forge frame nested inside another Forge frame, with its parent', async () => {
    const { page, tabId } = await openSite('?modules=nested');
    const innerSettled = (t: TraceV2) => {
      const inner = t.calls.filter((c) => c.frame.parentUrl.includes('/nested/'));
      return ['getContext', 'invoke'].every((command) => inner.some((c) => c.command === command && c.status !== 'pending'));
    };
    const trace = await waitForTrace(browser, tabId, innerSettled);
    const inner = trace.calls.filter((c) => c.frame.parentUrl.includes('/nested/'));
    // The inner frame is the macro module's: getContext succeeds, and so does invoke (its resolver is an endpoint,
    // a remote resolver, which the sandbox used to refuse with "no resolver function").
    expect(inner.find((c) => c.command === 'getContext')?.status).toBe('ok');
    expect(inner.find((c) => c.command === 'invoke')?.status).toBe('ok');
    const outer = trace.frames.find((f) => f.url.includes('/nested/'))!;
    expect(trace.frames.find((f) => f.parentUrl === outer.url)?.bridge).toMatchObject({ via: 'trap' });
    await page.close();
  });

  it('records through a frozen bridge object', async () => {
    const { page, tabId } = await openSite('?modules=resolver-panel&frozen=1');
    const app = await appFrame(page);
    expect(await run(app, 'invoke')).toMatchObject({ ok: true });
    const trace = await waitForTrace(browser, tabId, (t) => t.calls.filter(inResource('main')).length >= 3);
    expect(trace.frames.find((f) => f.url.includes('/main/'))!.bridge).toMatchObject({ frozen: true, via: 'trap' });
    await page.close();
  });

  it('records over the port-rpc (MessagePort) transport', async () => {
    const { page, tabId } = await openSite('?modules=resolver-panel&transport=port-rpc');
    const app = await appFrame(page);
    expect(await run(app, 'invoke')).toMatchObject({ ok: true });
    const trace = await waitForTrace(browser, tabId, (t) => t.calls.filter((c) => inResource('main')(c) && c.status === 'ok').length >= 3);
    expect(trace.calls.filter(inResource('main')).every((c) => c.status === 'ok')).toBe(true);
    await page.close();
  });

  it('records a burst of 2,000 calls with none lost', async () => {
    const { page, tabId } = await openSite('?modules=issue-panel');
    const app = await appFrame(page);
    const counts = await runBurst(app, 2000, 'getContext');
    expect(counts).toEqual({ ok: 2000, error: 0 });
    const trace = await waitForTrace(browser, tabId, (t) => t.calls.filter((c) => c.command === 'getContext' && c.status === 'ok').length >= 2001, { timeoutMs: 30_000 });
    expect(trace.dropped).toBe(0);
    expect(new Set(trace.calls.map((c) => c.id)).size).toBe(trace.calls.length);
    await page.close();
  });

  it('loses nothing when the worker is stopped in the middle of recording', async () => {
    const { page, tabId } = await openSite('?modules=issue-panel');
    const app = await appFrame(page);
    const before = (await waitForTrace(browser, tabId, (t) => t.calls.length >= 2)).calls.length;
    const burst = app.evaluate(async () => {
      const a = (window as unknown as { __sandboxApp: { burst(n: number, a: string): Promise<{ ok: number }> } }).__sandboxApp;
      let ok = 0;
      for (let i = 0; i < 10; i++) {
        ok += (await a.burst(200, 'getContext')).ok;
        await new Promise((r) => setTimeout(r, 20));
      }
      return ok;
    });
    await new Promise((r) => setTimeout(r, 60));
    await stopWorker(browser);
    expect(await burst).toBe(2000);
    const trace: TraceV2 = await waitForTrace(browser, tabId, (t) => t.calls.length >= before + 2000 && t.calls.every((c) => c.status !== 'pending'), { timeoutMs: 30_000 });
    expect(trace.calls.length).toBe(before + 2000);
    expect(trace.calls.filter((c) => c.command === 'getContext' && c.status === 'ok').length).toBe(2001);
    expect(trace.dropped).toBe(0);
    await page.close();
  });
});
