import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { redactTrace, toHar } from '../../src/trace';
import { plantedTrace } from '../unit/trace/fixtures';

let browser: ChromiumSession;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium({ extensionDir: 'dist/chrome' });
  dir = await mkdtemp(join(tmpdir(), 'fbdt-viewer-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const OPEN_BUTTON = '::-p-aria([name="Open a file…"][role="button"])';

async function openViewer(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/extension/viewer/viewer.html`);
  await page.waitForSelector(OPEN_BUTTON);
  return page;
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const input = await page.$('[data-testid="import-file"]');
  if (!input) throw new Error('the viewer has no file input');
  await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
}

async function textOf(page: Page, testId: string): Promise<string | null> {
  const handle = await page.waitForSelector(`[data-testid="${testId}"]`);
  return handle!.evaluate((el) => el.textContent);
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
      await chooseFile(page, path);
      expect(await textOf(page, 'opened-file')).toContain(`Showing ${name} (2 calls, redacted)`);
      expect(await page.$$eval('[role="row"][data-call-id] .col-summary', (cells) => cells.map((c) => c.textContent))).toEqual(trace.calls.map((c) => c.summary));
      await page.locator('[role="row"][data-command="fetchRemote"]').click();
      await page.locator('::-p-aria([name="Token"][role="tab"])').click();
      expect(await page.locator('.token h3').map((h) => h.textContent).wait()).toBe('Forge Invocation Token (FIT)');
      await page.close();
    }
  });

  it('says what is wrong with a corrupt file and stays ready for another', async () => {
    const page = await openViewer();
    const broken = join(dir, 'broken.json');
    await writeFile(broken, JSON.stringify(plantedTrace()).slice(0, 500));
    await chooseFile(page, broken);
    expect(await textOf(page, 'import-error')).toMatch(/^broken\.json: The file is not complete JSON: it stops in the middle/);
    expect(await page.$(`${OPEN_BUTTON}`).then((b) => b?.isVisible())).toBe(true);
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
    expect(await textOf(page, 'opened-file')).toContain('Showing dropped.json (2 calls, redacted)');
    await page.close();
  });
});
