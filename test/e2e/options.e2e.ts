import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/driver';

/** An element by its ARIA role and accessible name (what a user reads), as puppeteer's aria query finds it. */
const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;
const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent);

/** Runs `steps` on the options page of a fresh Chromium with the extension, once `ready` (text) shows. */
async function onOptionsPage(ready: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchChromium({ extensionDir: 'dist/chrome' });
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/extension/options/options.html`);
    await page.waitForSelector(`::-p-text(${ready})`);
    await steps(page);
  } finally {
    await browser.close();
  }
}

describe('settings: adding an origin', () => {
  it('lists the built-in origins and refuses an all-sites pattern with a reason, asking for nothing', async () => {
    await onOptionsPage('http://localhost/*', async (page) => {
      await page.locator(aria('textbox', 'Origin')).fill('*://*/*');
      await page.locator(aria('button', 'Add')).click();
      await page.waitForSelector('[role="alert"]');
      expect(await textOf(page, '[role="alert"]')).toMatch(/wildcard/);
      expect(await page.$$('::-p-text(No origin added yet.)')).toHaveLength(1);
    });
  });

  it('trusts a loopback JWKS URL (already covered, so nothing is asked) and refuses plain http elsewhere', async () => {
    await onOptionsPage("None besides Atlassian's.", async (page) => {
      const input = page.locator(aria('textbox', 'JWKS URL'));
      await input.fill('http://keys.example.com/jwks.json');
      await page.locator(aria('button', 'Trust')).click();
      await page.waitForSelector('#jwks-message');
      expect(await textOf(page, '#jwks-message')).toMatch(/must use https/);
      await input.fill('http://localhost:4567/.well-known/jwks.json');
      await page.locator(aria('button', 'Trust')).click();
      await page.waitForSelector('ul[aria-label="Trusted JWKS URLs"] ::-p-text(http://localhost:4567/.well-known/jwks.json)');
      const stored = await page.evaluate(async () => (await chrome.storage.local.get('trustedJwksUrls')).trustedJwksUrls);
      expect(stored).toEqual(['http://localhost:4567/.well-known/jwks.json']);
    });
  });
});
