import type { Browser, Frame, Page, Target } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';

/** The title the extension gives its panel (extension/devtools/devtools.ts). */
export const PANEL_TITLE = 'Forge Bridge';

const DEVTOOLS_URL = 'devtools://devtools/bundled/devtools_app.html';

function devtoolsTargets(browser: Browser): Target[] {
  return browser.targets().filter((t) => t.url().startsWith(DEVTOOLS_URL));
}

/**
 * Selects the extension's panel in the (first) DevTools window opened by --auto-open-devtools-for-tabs.
 * DevTools' internals are not an API (toolchain.md): retried while DevTools is still starting, false if it
 * never worked.
 */
export async function showPanel(browser: Browser, extensionId: string, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const target of devtoolsTargets(browser)) {
      const page = await target.asPage().catch(() => null);
      if (!page) continue;
      // DevTools names an extension panel by the extension's origin and its title without spaces.
      const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s+/g, '')}`;
      // A string, not a function: the bundler's helpers do not exist in DevTools' page.
      const shown = await page
        .evaluate(
          `(async () => {
            const legacy = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
            const view = legacy.InspectorView.InspectorView.instance();
            if (!view.tabbedPane.tabIds().includes(${JSON.stringify(panelId)})) return false;
            await view.showPanel(${JSON.stringify(panelId)});
            return true;
          })()`,
        )
        .catch(() => false);
      if (shown) return true;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The panel's document inside DevTools (an extension iframe in the DevTools page), once it is there. */
export async function panelFrame(browser: Browser, extensionId: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  const prefix = `chrome-extension://${extensionId}/extension/panel/panel.html`;
  while (Date.now() < deadline) {
    for (const target of devtoolsTargets(browser)) {
      const page = await target.asPage().catch(() => null);
      const frame = page?.frames().find((f) => f.url().startsWith(prefix));
      if (frame) return frame;
    }
    // Out of process: the panel is an iframe target of its own.
    const own = browser.targets().find((t) => t.url().startsWith(prefix));
    const page = own ? await own.asPage().catch(() => null) : null;
    if (page) return page.mainFrame();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the ${PANEL_TITLE} panel did not appear in DevTools within ${timeoutMs} ms`);
}

/**
 * Opens `url` in a tab made after the extension was loaded (with --auto-open-devtools-for-tabs only such a tab
 * gets a DevTools window holding the panel), closes the others, and selects the panel. `shown` is false when
 * DevTools' internals would not select it.
 */
export async function openSiteWithPanel(chromium: ChromiumSession, url: string, timeoutMs?: number): Promise<{ site: Page; shown: boolean }> {
  const blank = await chromium.browser.pages();
  const site = await chromium.newPage();
  await Promise.all(blank.map((p) => p.close().catch(() => undefined)));
  await site.goto(url);
  return { site, shown: await showPanel(chromium.browser, chromium.extensionId, timeoutMs) };
}
