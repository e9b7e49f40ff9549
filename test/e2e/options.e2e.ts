import { describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';

describe('settings: adding an origin', () => {
  it('lists the built-in origins and refuses an all-sites pattern with a reason, asking for nothing', async () => {
    const browser = await launchChromium({ extensionDir: 'dist/chrome' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/extension/options/options.html`);
      await page.getByText('http://localhost/*').waitFor();
      await page.getByLabel('Origin', { exact: true }).fill('*://*/*');
      await page.getByRole('button', { name: 'Add' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/wildcard/);
      expect(await page.getByText('No origin added yet.').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it('trusts a loopback JWKS URL (already covered, so nothing is asked) and refuses plain http elsewhere', async () => {
    const browser = await launchChromium({ extensionDir: 'dist/chrome' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/extension/options/options.html`);
      await page.getByText("None besides Atlassian's.").waitFor();
      await page.getByLabel('JWKS URL', { exact: true }).fill('http://keys.example.com/jwks.json');
      await page.getByRole('button', { name: 'Trust' }).click();
      await expect(page.locator('#jwks-message').textContent()).resolves.toMatch(/must use https/);
      await page.getByLabel('JWKS URL', { exact: true }).fill('http://localhost:4567/.well-known/jwks.json');
      await page.getByRole('button', { name: 'Trust' }).click();
      await page.getByRole('list', { name: 'Trusted JWKS URLs' }).getByText('http://localhost:4567/.well-known/jwks.json').waitFor();
      const stored = await page.evaluate(async () => (await chrome.storage.local.get('trustedJwksUrls')).trustedJwksUrls);
      expect(stored).toEqual(['http://localhost:4567/.well-known/jwks.json']);
    } finally {
      await browser.close();
    }
  });
});
