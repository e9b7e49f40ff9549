import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
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
