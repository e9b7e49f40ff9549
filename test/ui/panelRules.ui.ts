import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { NetworkEntry } from '../../src/protocol';
import { jwt } from '../unit/network/fixtures';
import { aria, callRecord, chooseFile, fill, push, retryDetached, sessionMessage, startHarness, text, texts } from './page';

// Issue 16's rules, each on the plain page: what Status says, which rows read as failures, the token's time
// left when the call was sent, which columns a docked DevTools (600 px) keeps.
let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  // A fresh clone has no test-results/: puppeteer does not make the folder of a screenshot.
  await mkdir('test-results', { recursive: true });
  harness = await startHarness();
});
afterAll(() => harness?.close());

const T0 = 1_700_000_000_000;
// Shapes from forge-facts §2: fetchRemote answers {body, headers, status, statusText, isAttachment}.
const answered = (status: number, body = '{}') => ({ value: { body, headers: { 'content-type': 'application/json' }, status, statusText: '', isAttachment: false }, bytes: 60, truncated: false });
const fetchRemote = (path: string, status: number, start: number, body?: string) =>
  callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: `requestRemote remote-a GET ${path} → ${status}`, startedAt: start, endedAt: start + 40, request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path, method: 'GET', body: null, headers: [] }, isMultipartFormData: false }, bytes: 60, truncated: false }, response: answered(status, body) });

/** The request a fetchRemote sent, with a FIT that expires `expSec` after T0. */
const sent = (id: string, path: string, at: number, expSec: number): NetworkEntry => ({
  id, url: `http://remote.test${path}`, category: 'forge-jwt', startedAt: at, durationMs: 20, method: 'GET', status: 401, statusText: 'Unauthorized',
  requestHeaders: [{ name: 'Authorization', value: `Bearer ${jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', iat: T0 / 1000 - 30, nbf: T0 / 1000 - 30, exp: T0 / 1000 + expSec, jti: id, app: { id: 'ari:cloud:ecosystem::app/1' } })}` }],
  responseHeaders: [], requestBody: null, responseBody: null, responseBodyEncoding: null, bodyTruncated: false, requestBodySize: -1, responseBodySize: -1, mimeType: 'application/json',
  timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 15, receive: 3.5 }, operationName: null, segment: 0,
});

function calls() {
  return [
    callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T0, endedAt: T0 + 5, response: { value: { moduleKey: 'issue-panel' }, bytes: 30, truncated: false } }),
    fetchRemote('/ok', 200, T0 + 1000),
    fetchRemote('/expired', 401, T0 + 80_000, '{"error":"invalid_fit"}'),
    fetchRemote('/boom', 500, T0 + 2000),
    callRecord({ command: 'invoke', kind: 'invokeRemote', summary: 'invokeRemote GET /missing → 404', startedAt: T0 + 3000, endedAt: T0 + 3050, request: { value: { path: '/missing', method: 'GET', invokeType: 'ui-remote-fetch' }, bytes: 60, truncated: false }, response: { value: { success: false, error: { status: 404, headers: {}, body: 'Not Found' } }, bytes: 40, truncated: false } }),
    callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke crash → error: boom', status: 'error', startedAt: T0 + 4000, endedAt: T0 + 4010, response: null, error: { value: { $fbdt: 'error', text: 'boom', name: 'Error', stack: 'Error: boom\n    at resolver (index.js:3:9)', props: { errorType: 'FUNCTION_ERR', statusCode: 500 } }, bytes: 10, truncated: false } }),
  ];
}

async function open(width: number, query = ''): Promise<Page> {
  const page = await harness.open(query);
  await page.setViewport({ width, height: 500 });
  const network = [sent('n-ok', '/ok', T0 + 1010, 25), sent('n-expired', '/expired', T0 + 80_010, 19.1)];
  await push(page, [sessionMessage(calls(), { network })]);
  await page.waitForSelector('[role="row"][data-call-id]');
  return page;
}

/** The row whose text contains `text` (the first such). */
async function row(page: Page, text: string) {
  const handle = await page.waitForFunction((t) => [...document.querySelectorAll('[role="row"][data-call-id]')].find((r) => r.textContent?.includes(t)), { timeout: 5000 }, text);
  return handle as unknown as ElementHandle<HTMLElement>;
}
/** Clicks the row that shows `text` (found again if the list redrew it meanwhile). */
const clickRow = (page: Page, text: string) => retryDetached(async () => (await row(page, text)).click());
const headers = (page: Page) => texts(page, '[role="columnheader"]');
const rowCount = (page: Page) => page.$$eval('[role="row"][data-call-id]', (rows) => rows.length);

describe('issue 16 on the plain page', () => {
  it('shows the HTTP status, colours failures, and Errors only / is:error keep exactly those', async () => {
    const page = await open(1400);
    const statuses = await texts(page, '[role="row"][data-call-id] .col-status');
    expect(statuses).toEqual(['ok', '200', '500', '404', 'rejected', '401']);
    const outcomes = await page.$$eval('[role="row"][data-call-id]', (rows) => rows.map((r) => r.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['ok', 'ok', 'failed', 'failed', 'failed', 'failed']);
    const colour = async (text: string) => (await row(page, text)).evaluate((el) => getComputedStyle(el).color);
    expect(await colour('/expired')).not.toBe(await colour('/ok'));
    await page.locator(aria('checkbox', 'Errors only')).click();
    expect(await rowCount(page)).toBe(4);
    await page.locator(aria('checkbox', 'Errors only')).click();
    expect(await rowCount(page)).toBe(6);
    await fill(page, 'input[aria-label="Filter calls"]', 'is:error');
    expect(await rowCount(page)).toBe(4);
    await page.close();
  });

  it('gives the token time left when the call was sent, not now, and says expired only when it was', async () => {
    const page = await open(1400);
    expect(await (await row(page, '/ok')).$eval('.col-ttl', (el) => el.textContent)).toBe('24.0 s');
    // The /expired call started 80 s after T0 with a token that expired 19.1 s after T0.
    expect(await (await row(page, '/expired')).$eval('.col-ttl', (el) => el.textContent)).toBe('expired');
    await page.close();
  });

  it('keeps Summary and Status (and drops Time, Frame, Kind first) docked at 600 px, Summary widest', async () => {
    const page = await open(600);
    const shown = await headers(page);
    expect(shown).not.toContain('Time');
    expect(shown).not.toContain('Frame / module');
    expect(shown).not.toContain('Kind');
    expect(shown.slice(0, 2)).toEqual(['Summary', 'Status']);
    const widths = await page.$$eval('[role="columnheader"]', (hs) => hs.map((h) => h.getBoundingClientRect().width));
    expect(Math.max(...widths)).toBe(widths[0]);
    // Nothing is cut off sideways without a way to reach it.
    expect(await page.$eval('.grid-outer', (el) => el.scrollWidth <= el.clientWidth || getComputedStyle(el).overflowX === 'auto')).toBe(true);
    // Details open under the list, which keeps its columns and at least 40 % of the height.
    await clickRow(page, '/expired');
    await page.waitForSelector('.details');
    expect(await headers(page)).toEqual(shown);
    const boxes = await page.evaluate(() => ['.grid-outer', '.details', '.split'].map((s) => { const r = document.querySelector(s)!.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; }));
    expect(boxes[1]!.top).toBeGreaterThanOrEqual(boxes[0]!.bottom - 1);
    expect(boxes[0]!.height / boxes[2]!.height).toBeGreaterThanOrEqual(0.4);
    await page.close();
  });

  it('keeps only Summary and Status beside open details when wide', async () => {
    const page = await open(1400);
    await clickRow(page, '/expired');
    await page.waitForSelector('.details');
    expect(await headers(page)).toEqual(['Summary', 'Status']);
    const boxes = await page.evaluate(() => ['.grid-outer', '.details'].map((s) => { const r = document.querySelector(s)!.getBoundingClientRect(); return { left: r.left, right: r.right }; }));
    expect(boxes[1]!.left).toBeGreaterThanOrEqual(boxes[0]!.right - 1);
    await page.close();
  });

  it('shows the module key first in the frame column, with the URL in the tooltip, when there is room', async () => {
    const page = await open(1400);
    // Tooltips are set when the pointer reaches a cell.
    await (await (await row(page, 'getContext')).$('.col-frame'))!.hover();
    const frame = await (await row(page, 'getContext')).$eval('.col-frame', (el) => ({ text: el.textContent, title: el.getAttribute('title') }));
    expect(frame.text).toBe('issue-panel (main)');
    expect(frame.title).toContain('http://localhost:8000/main/index.html');
    // With a Kind column, the kind is not said again in Summary.
    expect(await (await row(page, '/ok')).$eval('.col-summary', (el) => (el as HTMLElement).innerText)).toBe('remote-a GET /ok → 200');
    await page.close();
  });

  it('judges a token at the moment it was sent, and a redacted one by the verdict recorded before export', async () => {
    const page = await open(1400);
    await clickRow(page, '/ok');
    await page.locator(aria('tab', 'Token')).click();
    expect(await text(page, '[data-testid="left-when-sent"]')).toContain('24.0 s left when it was sent');
    await page.close();

    // The same session exported with a verdict per token, then redacted: what a bug report carries.
    const { exportTraceV2, deriveForTrace, redactTrace } = await import('../../src/trace');
    const message = sessionMessage(calls(), { network: [sent('n-ok', '/ok', T0 + 1010, 25), sent('n-expired', '/expired', T0 + 80_010, 19.1)] });
    if (message.type !== 'session') throw new Error('unexpected');
    const derived = deriveForTrace(message.session);
    const verdict = (expired: boolean) => ({
      status: expired ? ('invalid' as const) : ('verified' as const), reason: expired ? 'invalid: expired 60.9 s before use' : 'signature valid (http://127.0.0.1:9000/.well-known/jwks.json)',
      jwksUrl: 'http://127.0.0.1:9000/.well-known/jwks.json', checks: { signature: 'ok' as const, issuer: 'ok' as const, audience: 'skipped' as const, lifetime: expired ? ('expired' as const) : ('ok' as const) }, checkedAt: T0, recordedAt: T0 + 90_000,
    });
    const tokens = derived.tokens.map((t) => ({ ...t, verification: verdict(t.exp! < (T0 + 60_000) / 1000) }));
    const trace = redactTrace(exportTraceV2(message.session, { extensionVersion: '0.1.0', now: T0 + 90_000, browser: null }, { ...derived, tokens }));
    expect(trace.tokens.every((t) => t.jwt.endsWith('.REDACTED-SIGNATURE'))).toBe(true);
    const viewer = await harness.open();
    await push(viewer, [sessionMessage([])]);
    await chooseFile(viewer, 'report.json', JSON.stringify(trace));
    await viewer.waitForSelector('[data-testid="opened-file"]');
    await (await row(viewer, '/expired')).click();
    await viewer.locator(aria('tab', 'Token')).click();
    const verification = await text(viewer, '[data-testid="verification"]');
    expect(verification).toContain('signature removed by redaction');
    expect(await text(viewer, '[data-testid="recorded-verdict"]')).toContain('verified when recorded: ✗ invalid: expired 60.9 s before use');
    expect(verification).not.toContain('unreachable');
    await viewer.close();
  });

  it('says what happened in the Overview first line, shows the error parts, parses JSON bodies and shows the HTTP request', async () => {
    const page = await open(1400);
    await clickRow(page, '/expired');
    expect(await text(page, '[data-testid="what-happened"]')).toBe('401 Unauthorized · remote said invalid_fit · FIT expired 60.9 s before use');
    await clickRow(page, '/ok');
    expect(await text(page, '[data-testid="what-happened"]')).toBe('200 OK');
    await page.locator(aria('tab', 'Response')).click();
    expect(await text(page, 'ul[role="tree"][aria-label="Response"]')).not.toContain('\\"');
    await page.locator(aria('tab', 'Request')).click();
    expect(await text(page, '[data-testid="http-request"]')).toContain('GET http://remote.test/ok');
    await clickRow(page, 'invoke crash');
    await page.locator(aria('tab', 'Overview')).click();
    expect(await text(page, '[data-testid="what-happened"]')).toBe('Rejected: Error: boom (status 500, FUNCTION_ERR)');
    expect(await text(page, '[data-testid="error-view"]')).toContain('at resolver (index.js:3:9)');
    await page.close();
  });

  for (const width of [600, 1400]) {
    it(`keeps the tools on one row at ${width} px, views as a tab strip above, icons drawn as SVG`, async () => {
      const page = await open(width);
      const toolbar = (await page.waitForSelector('[role="toolbar"][aria-label="Forge Bridge"]'))!;
      const tops = await toolbar.evaluate((bar: Element) => [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
      expect(new Set(tops).size).toBe(1);
      expect(await toolbar.evaluate((bar: Element) => bar.scrollWidth <= bar.clientWidth + 1)).toBe(true);
      expect(await texts(page, '[role="tablist"][aria-label="Views"] [role="tab"]')).toEqual(expect.arrayContaining(['Calls', 'Compare', 'Diagnose']));
      expect((await toolbar.$$('svg.icon')).length).toBeGreaterThanOrEqual(4);
      expect(await toolbar.evaluate((bar: Element) => bar.textContent)).not.toMatch(/[⏸⏺⊘⚙]/);
      await page.screenshot({ path: `test-results/panel-rules-${width}.png` });
      await page.close();
    });
  }

  it('draws a large live session first and derives it after: a streamed requestRemote gets its token TTL once derivation catches up', async () => {
    const page = await harness.open();
    await page.setViewport({ width: 1400, height: 500 });
    const many = Array.from({ length: 2100 }, (_, i) => callRecord({ command: 'getContext', kind: 'context', summary: `getContext ${i}`, startedAt: T0 - 100_000 + i * 10, endedAt: T0 - 100_000 + i * 10 + 5 }));
    await push(page, [sessionMessage(many)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    // Over 2,000 calls, streamed calls are drawn before their matches and tokens are worked out (derived.ts).
    await push(page, [{ type: 'calls', tabId: 7, calls: [fetchRemote('/late', 200, T0 + 1000)] }, { type: 'network', tabId: 7, entries: [sent('n-late', '/late', T0 + 1010, 25)] }]);
    await page.waitForFunction(() => [...document.querySelectorAll('[role="row"][data-call-id]')].some((r) => r.textContent?.includes('/late') && r.querySelector('.col-ttl')?.textContent === '24.0 s'), { timeout: 10_000 });
    await page.close();
  });

  it('keeps the claims table readable docked at 600 px: claim names and short values on one line, no one-word lines', async () => {
    for (const width of [600, 1400]) {
      const page = await open(width);
      await clickRow(page, '/ok');
      await page.locator(aria('tab', 'Token')).click();
      await page.waitForSelector('table.claims');
      // Line boxes of each cell's text: a claim name or a value such as forge/invocation-token wraps only when wider than the pane.
      const cells = await page.$$eval('table.claims tr', (trs) => trs.map((tr) => {
        const lines = (el: Element | null) => {
          if (!el || !el.textContent) return 0;
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        };
        const [name, value, meaning] = [...tr.children];
        return { name: name?.textContent ?? '', nameLines: lines(name!), value: value?.textContent ?? '', valueLines: lines(value ?? null), meaningWords: (meaning?.textContent ?? '').split(/\s+/).filter(Boolean).length, meaningLines: lines(meaning ?? null) };
      }));
      const iss = cells.find((c) => c.name.startsWith('iss'));
      expect(iss?.value, `width ${width}`).toBe('forge/invocation-token');
      for (const c of cells) {
        expect(c.nameLines, `${c.name} at ${width} px`).toBeLessThanOrEqual(1);
        if (c.value.length <= 24) expect(c.valueLines, `${c.name} = ${c.value} at ${width} px`).toBeLessThanOrEqual(1);
        // An explanation of n words never takes n lines (the bug: one word a line).
        if (c.meaningWords >= 4) expect(c.meaningLines, `${c.name}'s meaning at ${width} px`).toBeLessThan(c.meaningWords / 2);
      }
      await page.screenshot({ path: `test-results/claims-${width}.png` });
      await page.close();
    }
  });
});
