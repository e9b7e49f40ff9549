import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactTrace, toHar } from '../../src/trace';
import { plantedTrace } from '../unit/trace/fixtures';
import { launchChromium, type ChromiumWithExtension } from './support/chromium';

let browser: ChromiumWithExtension;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium({ extensionDir: 'dist/chrome' });
  dir = await mkdtemp(join(tmpdir(), 'fbdt-viewer-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openViewer() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/extension/viewer/viewer.html`);
  await page.getByRole('button', { name: 'Open a file…' }).waitFor();
  return page;
}

describe('the trace viewer (an extension page: no DevTools, no Forge site)', () => {
  it('opens a trace file with the panel\'s whole UI, and a HAR of it too', async () => {
    const trace = redactTrace(plantedTrace());
    const tracePath = join(dir, 'bug-report.json');
    const harPath = join(dir, 'bug-report.har');
    await writeFile(tracePath, JSON.stringify(trace));
    await writeFile(harPath, JSON.stringify(toHar(trace)));
    for (const [path, name] of [[tracePath, 'bug-report.json'], [harPath, 'bug-report.har']] as const) {
      const page = await openViewer();
      await page.getByTestId('import-file').setInputFiles(path);
      await page.getByTestId('opened-file').waitFor();
      expect(await page.getByTestId('opened-file').textContent()).toContain(`Showing ${name} (2 calls, redacted)`);
      expect(await page.locator('[role="row"][data-call-id] .col-summary').allTextContents()).toEqual(trace.calls.map((c) => c.summary));
      await page.locator('[role="row"][data-command="fetchRemote"]').click();
      await page.getByRole('tab', { name: 'Token', exact: true }).click();
      expect(await page.locator('.token h3').first().textContent()).toBe('Forge Invocation Token (FIT)');
      await page.close();
    }
  });

  it('says what is wrong with a corrupt file and stays ready for another', async () => {
    const page = await openViewer();
    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(plantedTrace()).slice(0, 500));
    await page.getByTestId('import-file').setInputFiles(broken);
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toMatch(/^broken\.json: The file is not complete JSON: it stops in the middle/);
    expect(await page.getByRole('button', { name: 'Open a file…' }).isVisible()).toBe(true);
    await page.close();
  });

  it('opens a file dropped on the page', async () => {
    const page = await openViewer();
    const text = JSON.stringify(redactTrace(plantedTrace()));
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    }, text);
    await page.getByTestId('opened-file').waitFor();
    expect(await page.getByTestId('opened-file').textContent()).toContain('Showing dropped.json (2 calls, redacted)');
    await page.close();
  });
});
