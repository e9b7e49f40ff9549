import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../../scripts/lib/driver';
import { HOSTILE_PAGES } from './hostilePages';


/**
 * Right after the install, Chrome may load a page before it applies the manifest's content scripts, and the
 * install handler then injects the hook late, after the page's scripts (a case with known limits,
 * src/relay/channelWatch.ts). Waits until a page of the site is hooked from its start (the hook's
 * `__bridge` trap is there before any page script).
 */
export async function waitUntilHooked(browser: { newPage(): Promise<import('puppeteer-core').Page> }, siteUrl: string): Promise<void> {
  const page = await browser.newPage();
  try {
    for (let i = 0; i < 50; i++) {
      await page.goto(`${siteUrl}/blank`);
      if (await page.evaluate(() => typeof Object.getOwnPropertyDescriptor(window, '__bridge')?.get === 'function')) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('no page of the site was hooked from its start within 10 s');
  } finally {
    await page.close();
  }
}

/**
 * For a suite: the site and a Chromium with the extension, hooked from the start (waitUntilHooked), before
 * its tests; both closed after them.
 */
export function useHostileBrowser(): { readonly site: HostileSite; readonly chromium: ChromiumSession } {
  const state: { site?: HostileSite; chromium?: ChromiumSession } = {};
  beforeAll(async () => {
    state.site = await startHostileSite();
    state.chromium = await launchChromium({ extensionDir: 'dist/chrome' });
    await waitUntilHooked(state.chromium, state.site.url);
  });
  afterAll(async () => {
    await state.chromium?.close();
    await state.site?.close();
  });
  return {
    get site() {
      return state.site!;
    },
    get chromium() {
      return state.chromium!;
    },
  };
}

export interface HostileSite {
  url: string;
  close(): Promise<void>;
}

export async function startHostileSite(): Promise<HostileSite> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = Object.hasOwn(HOSTILE_PAGES, path) ? HOSTILE_PAGES[path] : undefined;
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
