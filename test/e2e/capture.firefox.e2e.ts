import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox';
import type { TraceV2 } from '../../src/protocol/model';
import { launchFirefox, runAction, runBurst, type FirefoxSession } from '../../scripts/lib/driver';
import { firefoxAppFrame as appFrame, firefoxTabId, firefoxWaitForTrace, harnessPage } from './support/firefoxHarness';

let sandbox: Sandbox;
let firefox: FirefoxSession;
let harness: Page;

beforeAll(async () => {
  sandbox = await startSandbox();
  firefox = await launchFirefox({ extensionDir: 'dist/firefox-test' });
  harness = await harnessPage(firefox.browser);
});
afterAll(async () => {
  await firefox?.close();
  await sandbox?.stop();
});

describe('capture in Firefox ESR, against the Forge sandbox and the real @forge/bridge', () => {
  it('records parse-time calls, resolver and remote calls, and a 2,000-call burst with none lost', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.siteUrl}?modules=issue-panel,resolver-panel`);
    const app = await appFrame(page, 'main', 'issue-panel');
    await appFrame(page, 'main', 'resolver-panel');
    const outcome = await runAction(app, 'invokeRemote');
    expect(outcome.ok).toBe(true);
    const counts = await runBurst(app, 2000, 'getContext');
    expect(counts).toEqual({ ok: 2000, error: 0 });
    const tabId = await firefoxTabId(harness, page.url());
    const trace = await firefoxWaitForTrace(harness, tabId, (t) => t.calls.filter((c) => c.command === 'getContext' && c.status === 'ok').length >= 2001, 30_000);
    expect(trace.calls.some((c) => c.summary.startsWith('invoke getText') && c.status === 'ok')).toBe(true);
    expect(trace.calls.some((c) => c.kind === 'invokeRemote' && c.status === 'ok')).toBe(true);
    expect(trace.dropped).toBe(0);
    expect(trace.frames.find((f) => f.url.includes('/main/'))?.bridge).toMatchObject({ via: 'trap' });
    await page.close();
  });

  it('records a Forge frame nested inside another Forge frame', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.siteUrl}?modules=nested`);
    const tabId = await firefoxTabId(harness, page.url());
    const trace = await firefoxWaitForTrace(harness, tabId, (t) => t.calls.some((c) => c.frame.parentUrl.includes('/nested/') && c.status === 'ok'));
    expect(trace.frames.filter((f) => f.bridge !== null).length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('shows the tab\'s calls live on the panel page (the panel inside Firefox\'s DevTools cannot be driven from a test)', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.siteUrl}?modules=issue-panel`);
    const app = await appFrame(page, 'main', 'issue-panel');
    const tabId = await firefoxTabId(harness, page.url());
    // BiDi may not navigate to moz-extension pages, and popups need a gesture: the extension's own page
    // navigates itself to the panel for that tab (keeping the harness).
    await harness.evaluate((id) => void (location.href = `/extension/panel/panel.html?tabId=${id}&harness=1`), tabId);
    const panel = harness;
    await panel.waitForFunction(() => document.querySelector('[role="grid"]') !== null, { timeout: 15_000 });
    await panel.waitForFunction(() => document.body.innerText.includes('getContext'), { timeout: 15_000 });
    await runAction(app, 'requestRemote');
    await panel.waitForFunction(() => /remote-a GET \/tasks → 200/.test(document.body.innerText), { timeout: 15_000 });
    await mkdir('test-results', { recursive: true });
    await panel.screenshot({ path: 'test-results/firefox-panel.png' });
    await page.close();
  });

  it('records the calls of an app frame that navigates the moment they settle, none lost to the navigation', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${sandbox.siteUrl}?modules=issue-panel`);
    const app = await appFrame(page, 'main', 'issue-panel');
    const tabId = await firefoxTabId(harness, page.url());
    // 50 calls, then a navigation in the same task as the last one settles: their events are still gathering.
    await app.evaluate(() => {
      const sandboxApp = (window as unknown as { __sandboxApp: { burst(n: number, a: string): Promise<unknown> } }).__sandboxApp;
      void sandboxApp.burst(50, 'getContext').then(() => void (location.href = location.href));
    });
    // The burst's 50 and the first document's parse-time call; a lost end would be counted at pagehide.
    const ok = (t: TraceV2) => t.calls.filter((c) => c.command === 'getContext' && c.status === 'ok').length;
    const trace = await firefoxWaitForTrace(harness, tabId, (t) => ok(t) >= 51 || (t.losses?.navigation ?? 0) > 0, 30_000);
    expect(trace.losses?.navigation ?? 0).toBe(0);
    expect(ok(trace)).toBeGreaterThanOrEqual(51);
    await page.close();
  });
});
