import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { QUIET_FLAGS } from '../../../scripts/lib/browsers';

export { QUIET_FLAGS };

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Debian Chromium with the built extension loaded (or none, for a baseline). */
export async function launchChromium(opts: { extensionDir?: string; headless?: boolean; args?: string[] } = {}): Promise<ChromiumWithExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'fbdt-chromium-'));
  const args = [...QUIET_FLAGS, ...(opts.args ?? [])];
  if (opts.extensionDir) {
    const dir = resolve(opts.extensionDir);
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args,
  });
  const worker = async (): Promise<Worker> => {
    const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return found ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  };
  let extensionId = '';
  if (opts.extensionDir) extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
