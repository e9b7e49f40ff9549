import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { QUIET_FLAGS } from './browsers';

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Chromium or Chrome with the built extension loaded through CDP Extensions.loadUnpacked (what branded
 * Chrome 137+ still honours, unlike --load-extension), and DevTools opened for each new tab when asked.
 */
export async function launchChromiumWithExtension(opts: { executablePath: string; extensionDir: string; headless: boolean; devtools: boolean }): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'fbdt-chromium-'));
  // --no-sandbox only where Chromium cannot sandbox (root, containers) or nobody sees the warning bar.
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = QUIET_FLAGS.filter((f) => f !== '--no-sandbox' || runningAsRoot || opts.headless);
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: opts.executablePath,
    headless: opts.headless,
    devtools: opts.devtools,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    args: [...args, '--window-size=1400,900'],
    defaultViewport: null,
    handleSIGINT: false,
    // DevTools' own frames (the extension's panel in it) are targets puppeteer hides by default; attaching to
    // everything is only worth it with DevTools open.
    ...(opts.devtools ? { targetFilter: () => true } : {}),
  });
  try {
    const extensionId = await browser.installExtension(resolve(opts.extensionDir));
    return {
      browser,
      extensionId,
      async close() {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true }).catch(() => undefined);
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** The extension's service worker, to ask it things (tab ids, traces). */
export async function extensionWorker(browser: Browser, extensionId: string) {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 10_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('the extension service worker has no execution context');
  // The target shows up before the worker's script has run.
  const deadline = Date.now() + 10_000;
  while (!(await worker.evaluate('typeof self.forgeBridgeDevTools === "object"').catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the extension service worker did not start within 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return worker;
}
