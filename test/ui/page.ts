import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { newTabSession, type BackgroundToPanel, type CallRecord, type FrameRecord, type TabSession } from '../../src/protocol';
import { launchChromium, type ChromiumWithExtension } from '../e2e/support/chromium';

/** Builds the harness page once (esbuild), and opens it in headless Chromium. */
export async function startHarness(): Promise<{ browser: ChromiumWithExtension; open(query?: string): Promise<Page>; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fbdt-ui-'));
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
    async open(query = '') {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1200, height: 700 });
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
export const rowCount = (page: Page) => page.locator('[data-testid="call-count"]').textContent();
