import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { NetworkEntry, TraceV3 } from '../../src/protocol';
import { jwt } from '../unit/network/fixtures';
import { aria, callRecord, fill, push, sessionMessage, startHarness, text } from './page';

// Issue 16: Export honours the filter. A filtered list exports what it shows (its calls, their requests and
// tokens), says so in the dialog, and still offers every call.
let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => (harness = await startHarness()));
afterAll(() => harness?.close());

const T0 = 1_700_000_000_000;
const fetchRemote = (path: string, status: number, start: number) =>
  callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: `requestRemote remote-a GET ${path} → ${status}`, startedAt: start, endedAt: start + 40, request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path, method: 'GET', body: null, headers: [] }, isMultipartFormData: false }, bytes: 60, truncated: false }, response: { value: { body: '{}', headers: {}, status, statusText: '', isAttachment: false }, bytes: 60, truncated: false } });
// The request each fetchRemote sent (forge-facts §2: a FIT in Authorization), one token per request.
const sent = (id: string, path: string, at: number, status: number): NetworkEntry => ({
  id, url: `http://remote.test${path}`, category: 'forge-jwt', startedAt: at, durationMs: 20, method: 'GET', status, statusText: '',
  requestHeaders: [{ name: 'Authorization', value: `Bearer ${jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', iat: T0 / 1000, nbf: T0 / 1000, exp: T0 / 1000 + 60, jti: `jti-${id}`, app: { id: 'ari:cloud:ecosystem::app/1' } })}` }],
  responseHeaders: [], requestBody: null, responseBody: null, responseBodyEncoding: null, bodyTruncated: false, requestBodySize: -1, responseBodySize: -1, mimeType: 'application/json',
  timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 15, receive: 3.5 }, operationName: null, segment: 0,
});

async function open(): Promise<Page> {
  const page = await harness.open();
  const calls = [fetchRemote('/ok', 200, T0 + 1000), fetchRemote('/boom', 500, T0 + 2000), callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T0 + 3000, endedAt: T0 + 3005 })];
  await push(page, [sessionMessage(calls, { network: [sent('n-ok', '/ok', T0 + 1010, 200), sent('n-boom', '/boom', T0 + 2010, 500)] })]);
  await page.waitForSelector('[role="row"][data-call-id]');
  return page;
}

async function save(page: Page): Promise<TraceV3> {
  await page.locator(aria('button', 'Save trace')).click();
  await page.waitForFunction(() => (window as unknown as { __ui: { saved: unknown[] } }).__ui.saved.length === 1);
  return JSON.parse(await page.evaluate(() => (window as unknown as { __ui: { saved: { text: string }[] } }).__ui.saved[0]!.text)) as TraceV3;
}

describe('export and the filter', () => {
  it('exports only the calls a filter shows, with their requests and tokens, and says so', async () => {
    const page = await open();
    await fill(page, 'input[aria-label="Filter calls"]', '/boom');
    await page.waitForFunction(() => /1 \/ 3 calls/.test(document.querySelector('[data-testid="call-count"]')?.textContent ?? ''));
    await page.locator(aria('button', 'Export')).click();
    expect(await text(page, '#export-title')).toContain('Export 1 calls and 1 requests');
    expect(await text(page, '[data-testid="export-scope"]')).toContain('The 1 calls the filtered list shows');
    const trace = await save(page);
    expect(trace.calls.map((c) => c.summary)).toEqual(['requestRemote remote-a GET /boom → 500']);
    expect(trace.network.map((e) => e.url)).toEqual(['http://remote.test/boom']);
    expect(trace.tokens).toHaveLength(1);
    expect(trace.tokens[0]!.uses.every((u) => u.entryId === 'n-boom' || u.callId === trace.calls[0]!.id)).toBe(true);
    await page.close();
  });

  it('still exports every call when the user picks "All calls"', async () => {
    const page = await open();
    await fill(page, 'input[aria-label="Filter calls"]', '/boom');
    await page.waitForFunction(() => /1 \/ 3 calls/.test(document.querySelector('[data-testid="call-count"]')?.textContent ?? ''));
    await page.locator(aria('button', 'Export')).click();
    await page.locator('::-p-text(All 3 calls of the session)').click();
    expect(await text(page, '#export-title')).toContain('Export 3 calls and 2 requests');
    const trace = await save(page);
    expect(trace.calls).toHaveLength(3);
    expect(trace.network).toHaveLength(2);
    await page.close();
  });

  it('offers no choice when nothing is filtered out', async () => {
    const page = await open();
    await page.locator(aria('button', 'Export')).click();
    expect(await text(page, '#export-title')).toContain('Export 3 calls');
    expect(await page.$('[data-testid="export-scope"]')).toBeNull();
    await page.close();
  });
});
