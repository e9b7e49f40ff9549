import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inWorker, launchChromium, launchFirefox } from '../../scripts/lib/driver';

const chromeManifest = JSON.parse(await readFile('dist/chrome/manifest.json', 'utf8'));

describe('the built extension loads', () => {
  it('in Chromium, with its service worker running the built background', async () => {
    const browser = await launchChromium({ extensionDir: 'dist/chrome' });
    try {
      expect(await inWorker(browser, () => chrome.runtime.getManifest().version)).toBe(chromeManifest.version);
      expect(await inWorker(browser, () => chrome.runtime.getManifest().content_scripts?.map((c) => (c as { world?: string }).world ?? 'ISOLATED'))).toEqual(['MAIN', 'ISOLATED']);
    } finally {
      await browser.close();
    }
  });

  it('in Firefox ESR, as a temporary add-on with the Gecko id', async () => {
    const browser = await launchFirefox({ extensionDir: 'dist/firefox' });
    try {
      expect(browser.extensionId).toBe('forge-bridge-devtools@forge-bridge-devtools.dev');
    } finally {
      await browser.close();
    }
  });
});
