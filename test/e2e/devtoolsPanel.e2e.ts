import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { panelFrame, showPanel } from '../../scripts/lib/devtoolsPanel';
import { extensionWorker, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/launchChromium';
import { startSandbox, type Sandbox } from '../sandbox';
import { CHROMIUM_PATH } from './support/chromium';

let sandbox: Sandbox;
let chromium: ChromiumSession;
let site: Page;
let panel: Frame;

/** The app frame of the sandbox's issue panel, ready for actions. */
async function issuePanelApp(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/main/') && f.url().includes('moduleKey=issue-panel'));
    if (frame) {
      await frame.waitForFunction(() => '__sandboxApp' in window);
      await frame.evaluate(() => (window as unknown as { __sandboxApp: { ready: Promise<unknown> } }).__sandboxApp.ready);
      return frame;
    }
    if (Date.now() > deadline) throw new Error('no issue-panel app frame');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  sandbox = await startSandbox();
  chromium = await launchChromiumWithExtension({ executablePath: CHROMIUM_PATH, extensionDir: 'dist/chrome', headless: true, devtools: true });
  // One DevTools window per tab: keep only the tab opened after the extension was loaded (it has the panel).
  const blank = await chromium.browser.pages();
  site = await chromium.browser.newPage();
  for (const page of blank) await page.close();
  await site.goto(`${sandbox.siteUrl}?modules=issue-panel`);
  expect(await showPanel(chromium.browser, chromium.extensionId)).toBe(true);
  panel = await panelFrame(chromium.browser, chromium.extensionId);
});
afterAll(async () => {
  await chromium?.close();
  await sandbox?.stop();
});

const panelText = () => panel.evaluate(() => document.body.innerText);

describe('the panel inside real DevTools (Chromium), against the Forge sandbox', () => {
  it('shows the calls the app makes, live, and a screenshot is saved', async () => {
    await panel.waitForFunction(() => document.body.innerText.includes('getContext'), { timeout: 15_000 });
    const app = await issuePanelApp(site);
    await app.evaluate(() => (window as unknown as { __sandboxApp: { run(a: string): Promise<unknown> } }).__sandboxApp.run('invokeRemote'));
    await app.evaluate(() => (window as unknown as { __sandboxApp: { run(a: string): Promise<unknown> } }).__sandboxApp.run('requestRemote'));
    await panel.waitForFunction(
      () => /invokeRemote (GET|POST) \/\S+ → 2\d\d/.test(document.body.innerText) && /requestRemote remote-a (GET|POST) \/\S+ → 2\d\d/.test(document.body.innerText),
      { timeout: 15_000 },
    );
    expect(await panelText()).toMatch(/requestRemote remote-a/);
    await mkdir('test-results', { recursive: true });
    const devtools = chromium.browser.targets().find((t) => t.url().startsWith('devtools://devtools/bundled/devtools_app.html'));
    const devtoolsPage = await devtools!.asPage();
    await devtoolsPage.screenshot({ path: 'test-results/devtools-panel.png' });
  });

  it('feeds the recorder the tab\'s Forge traffic while DevTools is open: invokeExtension, the FIT mint, the FIT-bearing request', async () => {
    type Session = { networkFeed: string; network: { category: string; operationName: string | null; url: string; requestHeaders: { name: string; value: string }[] }[] };
    const tabId = await siteTabId();
    const read = () =>
      panel.evaluate(async (id) => {
        const port = chrome.runtime.connect({ name: 'fbdt-panel' });
        const first = await new Promise<{ type: string; session?: unknown }>((resolve) => {
          port.onMessage.addListener((m) => resolve(m as { type: string; session?: unknown }));
          port.postMessage({ type: 'subscribe', tabId: id });
        });
        port.disconnect();
        return first.session as Session;
      }, tabId);
    // Entries arrive after their bodies are read and a batch is sent: poll for a few seconds.
    let session = await read();
    for (let i = 0; i < 50 && !(session.network.some((e) => e.category === 'forge-jwt') && session.network.some((e) => e.operationName === 'signInvocationTokenForUI')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      session = await read();
    }
    expect(session.networkFeed, JSON.stringify(session).slice(0, 300)).toBe('on');
    const operations = session.network.filter((e) => e.category === 'forge-graphql').map((e) => e.operationName);
    expect(operations).toEqual(expect.arrayContaining(['forge_ui_invokeExtension', 'signInvocationTokenForUI']));
    const fitBearing = session.network.filter((e) => e.category === 'forge-jwt');
    expect(fitBearing.length).toBeGreaterThan(0);
    expect(fitBearing[0]!.url.startsWith(sandbox.remoteOrigin)).toBe(true);
    expect(fitBearing[0]!.requestHeaders.find((h) => h.name.toLowerCase() === 'authorization')?.value).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });
});

/** The browser's id for the sandbox site's tab, asked of the extension. */
async function siteTabId(): Promise<number> {
  const worker = await extensionWorker(chromium.browser, chromium.extensionId);
  const url = site.url();
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  if (id === null) throw new Error(`no tab at ${url}`);
  return id;
}
