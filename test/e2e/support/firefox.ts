import { resolve } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string | null;
  close(): Promise<void>;
}

/** Debian Firefox ESR over WebDriver BiDi (no geckodriver), with the built extension installed as a temporary add-on. */
export async function launchFirefox(opts: { extensionDir?: string; headless?: boolean } = {}): Promise<FirefoxWithExtension> {
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
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
    },
  });
  const extensionId = opts.extensionDir ? await browser.installExtension(resolve(opts.extensionDir)) : null;
  return { browser, extensionId, close: () => browser.close().catch(() => undefined) };
}
