import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath, QUIET_FLAGS } from './browsers';

export interface ChromiumOptions {
  /** Default: CHROME_PATH, else the first Chromium or Chrome found (browsers.ts). */
  executablePath?: string;
  /** The built extension to load (dist/chrome); none for a baseline browser. */
  extensionDir?: string;
  /** Default true. */
  headless?: boolean;
  /** DevTools opened for each new tab, and DevTools' own frames (the extension's panel) made reachable. */
  devtools?: boolean;
  args?: string[];
}

export interface ChromiumSession {
  browser: Browser;
  /** '' when no extension was loaded. */
  extensionId: string;
  /** A new tab (DevTools, when asked for, opens for tabs made after the extension was loaded). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium or Chrome (puppeteer-core over CDP), the built extension loaded through CDP Extensions.loadUnpacked
 * (what branded Chrome 137+ still honours, unlike --load-extension), in a throwaway profile.
 */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<ChromiumSession> {
  const headless = opts.headless ?? true;
  const profile = await mkdtemp(join(tmpdir(), 'fbdt-chromium-'));
  // --no-sandbox only where Chromium cannot sandbox (root, containers) or nobody sees the warning bar.
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const quiet = QUIET_FLAGS.filter((f) => f !== '--no-sandbox' || runningAsRoot || headless);
  const removeProfile = () => rm(profile, { recursive: true, force: true }).catch(() => undefined);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: browserPath('chromium', opts.executablePath),
      headless,
      devtools: opts.devtools ?? false,
      pipe: true,
      enableExtensions: true,
      userDataDir: profile,
      args: [...quiet, '--window-size=1400,900', ...(opts.args ?? [])],
      defaultViewport: null,
      handleSIGINT: false,
      // DevTools' own frames are targets puppeteer hides by default; attaching to everything is only worth it there.
      ...(opts.devtools ? { targetFilter: () => true } : {}),
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    await removeProfile();
  };
  try {
    const extensionId = opts.extensionDir ? await browser.installExtension(resolve(opts.extensionDir)) : '';
    return {
      browser,
      extensionId,
      newPage: () => browser.newPage(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
