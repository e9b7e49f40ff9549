import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from '../../scripts/lib/driver';
import { newTabSession, type BackgroundToPanel, type CallRecord, type FrameRecord, type TabSession } from '../../src/protocol';

let filesDir: string | null = null;

/** Builds the harness page once (esbuild), and opens it in headless Chromium. */
export async function startHarness(): Promise<{ browser: ChromiumSession; open(query?: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page>; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fbdt-ui-'));
  filesDir = dir;
  await build({
    entryPoints: [new URL('./harness.tsx', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    outdir: dir,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const js = await readFile(join(dir, 'harness.js'), 'utf8');
  const css = await readFile(join(dir, 'harness.css'), 'utf8');
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><div id="app"></div><script>${js.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
  const browser = await launchChromium({});
  return {
    browser,
    /** A new page with the panel; `beforeLoad` runs first (evaluateOnNewDocument, to set what the page starts with). */
    async open(query = '', beforeLoad?: (page: Page) => Promise<unknown>) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 700 });
      await beforeLoad?.(page);
      await page.goto(`file://${join(dir, 'index.html')}${query}`);
      return page;
    },
    async close() {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const FRAME: FrameRecord = {
  key: '1:doc', frameId: 1, docId: 'doc', url: 'http://localhost:8000/main/index.html?moduleKey=issue-panel', isTop: false, parentUrl: 'http://127.0.0.1:9000/', firstSeenAt: 0,
  hookReady: true, bridge: { semver: '1.15.3', frozen: false, via: 'trap' }, transport: 'post-robot', segment: 0,
};

let next = 0;
export function callRecord(over: Partial<CallRecord> & Pick<CallRecord, 'command' | 'kind' | 'summary'>): CallRecord {
  const id = ++next;
  return {
    id: `${FRAME.key}#${id}`, frameKey: FRAME.key, callId: id, segment: 0, startedAt: 1_700_000_000_000 + id * 10, endedAt: 1_700_000_000_000 + id * 10 + 5, status: 'ok',
    request: { value: null, bytes: 10, truncated: false }, response: { value: { ok: true }, bytes: 12, truncated: false }, error: null, deliveries: [], deliveriesDropped: 0,
    ...over,
  };
}

export function sessionMessage(calls: CallRecord[], extra: Partial<TabSession> = {}): BackgroundToPanel {
  return {
    type: 'session',
    session: newTabSession(7, { frames: [FRAME], calls, networkFeed: 'on', ...extra }),
  };
}

export const push = (page: Page, messages: BackgroundToPanel[]) => page.evaluate((m) => (window as unknown as { __ui: { push(m: unknown): void } }).__ui.push(m), messages as unknown);
export const rowCount = (page: Page) => text(page, '[data-testid="call-count"]');

/** An element by its ARIA role and accessible name, as a user finds it (puppeteer's aria query). */
export const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

/** The text of the first element `selector` finds, once there is one. */
export async function text(page: Page, selector: string): Promise<string | null> {
  const handle = await page.waitForSelector(selector, { timeout: 5000 });
  return handle!.evaluate((el) => el.textContent);
}

/** The texts of every element `selector` finds now. */
export const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

/** Chooses a file in the panel's Import input, as a user picking it would (written to disk first: that is what a file chooser takes). */
export async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  if (!filesDir) throw new Error('start the harness first');
  // The page reads the file after the change event: it stays until the harness closes.
  const dir = await mkdtemp(join(filesDir, 'f-'));
  await writeFile(join(dir, name), content);
  const input = (await page.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error('the panel has no Import file input');
  await input.uploadFile(join(dir, name));
}

/** Replaces the text of an input or text area at once, as pasting does: one input event with the whole value. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector, { timeout: 5000 });
  await field!.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * Runs `act` (a click), again if the element it found was detached before the click landed: the list redraws its
 * rows when the details open or close beside it, and a row found just before that render is gone by the click.
 */
export async function retryDetached(act: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await act();
      return;
    } catch (error) {
      if (attempt >= 3 || !/detached/i.test(String(error))) throw error;
    }
  }
}
