import { describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';

describe('settings: adding an origin', () => {
  it('lists the built-in origins and refuses an all-sites pattern with a reason, asking for nothing', async () => {
    const browser = await launchChromium({ extensionDir: 'dist/chrome' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/extension/options/options.html`);
      await page.getByText('http://localhost/*').waitFor();
      await page.getByLabel('Origin').fill('*://*/*');
      await page.getByRole('button', { name: 'Add' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/wildcard/);
      expect(await page.getByText('No origin added yet.').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
