import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { TRUSTED_JWKS_KEY } from '../../src/settings/jwksUrl';
import { browserPath } from './browsers';

export interface FirefoxSession {
  browser: Browser;
  extensionId: string | null;
  close(): Promise<void>;
}

/** Firefox (ESR) over WebDriver BiDi (no geckodriver), with the built extension installed as a temporary add-on. */
export async function launchFirefox(opts: { executablePath?: string; extensionDir?: string; headless?: boolean; args?: string[]; prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox', opts.executablePath),
    headless: opts.headless ?? true,
    args: opts.args ?? [],
    extraPrefsFirefox: {
      // Keep Firefox off the network: no telemetry, updates or remote settings on a closed machine.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // Grant MV3 host permissions at install, as a user accepting the install prompt would.
      'extensions.originControls.grantByDefault': true,
      ...opts.prefs,
    },
  });
  const close = () => browser.close().catch(() => undefined);
  try {
    const extensionId = opts.extensionDir ? await browser.installExtension(resolve(opts.extensionDir)) : null;
    return { browser, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The test build's harness page (panel.html?harness=1), which the extension opens itself on install.
 * Puppeteer over BiDi may still report such a tab as about:blank, so each page is asked directly.
 */
export async function harnessPage(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const isHarness = await page.evaluate(() => 'fbdtHarness' in window).catch(() => false);
      if (isHarness) return page;
    }
    if (Date.now() > deadline) throw new Error('the test build did not open its harness page (was dist/firefox-test built with FBDT_TEST=1?)');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Trusts these JWKS URLs through the test build's harness page, as a user does in Settings → Trusted JWKS URLs. */
export async function trustJwksUrlsInFirefox(harness: Page, urls: string[]): Promise<void> {
  await harness.evaluate((key: string, list: string[]) => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({ [key]: list }), TRUSTED_JWKS_KEY, urls);
}

/**
 * Selects the extension's panel in Firefox's own DevTools, docked right (`devtools.toolbox.host`) at `toolboxWidth`
 * px on the window's selected tab: the panel is the last tool, so Ctrl+[ (previous tool) from inside the toolbox
 * reaches it. Typed with xdotool on `display` (an event sent by automation would land in the page, not in DevTools'
 * chrome); throws when xdotool is missing or finds no Firefox window. Call it once the DevTools page has made the
 * panel (it feeds the recorder the tab's network by then).
 */
export async function selectFirefoxPanel(display: string, toolboxWidth: number): Promise<void> {
  const env = { ...process.env, DISPLAY: display };
  const xdotool = async (...args: string[]) => (await promisify(execFile)('xdotool', args, { env })).stdout.trim();
  const window = (await xdotool('search', '--onlyvisible', '--name', 'Mozilla Firefox')).split('\n')[0];
  if (!window) throw new Error('xdotool found no Firefox window');
  const width = Number(/WIDTH=(\d+)/.exec(await xdotool('getwindowgeometry', '--shell', window))?.[1] ?? NaN);
  await xdotool('windowfocus', '--sync', window);
  // A click in the toolbox (its right half: the Inspector's markup) puts the keyboard there.
  await xdotool('mousemove', '--window', window, String(width - Math.round(toolboxWidth / 2)), '400', 'click', '1');
  await xdotool('key', 'ctrl+bracketleft');
}
