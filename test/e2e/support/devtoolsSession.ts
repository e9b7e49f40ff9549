import type { Frame, Page } from 'puppeteer-core';
import { panelFrame, showPanel } from '../../../scripts/lib/devtoolsPanel';
import { extensionWorker, launchChromiumWithExtension, type ChromiumSession } from '../../../scripts/lib/launchChromium';
import type { Sandbox } from '../../sandbox';
import { CHROMIUM_PATH } from './chromium';

export interface DevtoolsSession {
  chromium: ChromiumSession;
  site: Page;
  /** The extension's panel inside the site tab's DevTools window. */
  panel: Frame;
  tabId(): Promise<number>;
  /** The sandbox app frame for a module (default the Custom UI issue panel), ready for actions. */
  app(moduleKey?: string): Promise<Frame>;
  run(action: string, moduleKey?: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Chromium with the extension, the sandbox site open in a tab, and that tab's DevTools showing the panel. */
export async function openInDevtools(sandbox: Sandbox, query: string, before?: (chromium: ChromiumSession) => Promise<void>, options: { panelTimeoutMs?: number } = {}): Promise<DevtoolsSession> {
  const chromium = await launchChromiumWithExtension({ executablePath: CHROMIUM_PATH, extensionDir: 'dist/chrome', headless: true, devtools: true });
  try {
    await before?.(chromium);
    // One DevTools window per tab: keep only a tab opened after the extension was loaded (it has the panel).
    const blank = await chromium.browser.pages();
    const site = await chromium.browser.newPage();
    for (const page of blank) await page.close();
    await site.goto(`${sandbox.siteUrl}${query}`);
    if (!(await showPanel(chromium.browser, chromium.extensionId, options.panelTimeoutMs))) throw new Error('the Forge Bridge panel could not be selected in DevTools');
    const panel = await panelFrame(chromium.browser, chromium.extensionId, options.panelTimeoutMs);
    const app = async (moduleKey = 'issue-panel') => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const frame = site.frames().find((f) => f.url().includes('/main/') && f.url().includes(`moduleKey=${moduleKey}`));
        if (frame) {
          await frame.waitForFunction(() => '__sandboxApp' in window);
          await frame.evaluate(() => (window as unknown as { __sandboxApp: { ready: Promise<unknown> } }).__sandboxApp.ready);
          return frame;
        }
        if (Date.now() > deadline) throw new Error(`no app frame for ${moduleKey}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    return {
      chromium,
      site,
      panel,
      app,
      async run(action, moduleKey) {
        const frame = await app(moduleKey);
        return frame.evaluate((a) => (window as unknown as { __sandboxApp: { run(a: string): Promise<unknown> } }).__sandboxApp.run(a), action);
      },
      async tabId() {
        const worker = await extensionWorker(chromium.browser, chromium.extensionId);
        const url = site.url();
        const id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
        if (id === null) throw new Error(`no tab at ${url}`);
        return id;
      },
      close: () => chromium.close(),
    };
  } catch (error) {
    await chromium.close();
    throw error;
  }
}

/** Selects the last row of a command in the panel and opens one of its details tabs. */
export async function openCallTab(panel: Frame, command: string, tab: string, summary?: RegExp): Promise<void> {
  await panel.waitForFunction(
    (c, s) => [...document.querySelectorAll(`[role="row"][data-command="${c}"]`)].some((r) => !s || new RegExp(s).test(r.textContent ?? '')),
    { timeout: 15_000 },
    command,
    summary?.source ?? '',
  );
  await panel.evaluate(
    (c, s) => {
      const rows = [...document.querySelectorAll<HTMLElement>(`[role="row"][data-command="${c}"]`)].filter((r) => !s || new RegExp(s).test(r.textContent ?? ''));
      rows[rows.length - 1]!.click();
    },
    command,
    summary?.source ?? '',
  );
  await panel.waitForSelector(`.details [role="tab"]`);
  await panel.evaluate((t) => [...document.querySelectorAll<HTMLElement>('.details [role="tab"]')].find((b) => b.textContent === t)!.click(), tab);
}
