import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callRecord, FRAME, push, rowCount, sessionMessage, startHarness } from './page';
import { noLosses } from '../../src/protocol/losses';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const remote = (ms: number, via: 'invokeRemote' | 'requestRemote', status = 200) =>
  via === 'requestRemote'
    ? callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: `requestRemote remote-a GET /tasks → ${status}`, request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks', method: 'GET' } }, bytes: 60, truncated: false }, response: { value: { status }, bytes: 20, truncated: false }, endedAt: null, startedAt: 0 })
    : callRecord({ command: 'invoke', kind: 'invokeRemote', summary: `invokeRemote GET /tasks → ${status}`, request: { value: { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, bytes: 60, truncated: false }, response: { value: { success: true, payload: { status } }, bytes: 20, truncated: false } });

function timed<T extends { startedAt: number; endedAt: number | null }>(call: T, start: number, ms: number): T {
  return { ...call, startedAt: start, endedAt: start + ms };
}

function sample() {
  return [
    callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' }),
    callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke getIssues', request: { value: { functionKey: 'getIssues', payload: { page: 1, query: 'project = SBX' } }, bytes: 60, truncated: false }, response: { value: { issues: [{ key: 'SBX-1', fields: { summary: 'First' } }] }, bytes: 70, truncated: false } }),
    callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: 'requestRemote remote-a GET /tasks → 404', request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks', method: 'GET' } }, bytes: 60, truncated: false }, response: { value: { status: 404 }, bytes: 20, truncated: false } }),
    callRecord({ command: 'invoke', kind: 'invokeRemote', summary: 'invokeRemote POST /tasks → error', status: 'error', response: null, error: { value: { $fbdt: 'error', text: 'Invalid response from remote' }, bytes: 40, truncated: false } }),
    callRecord({ command: 'on', kind: 'events', summary: 'on sandbox-ping', endedAt: null, status: 'pending', response: null, deliveries: [{ seq: 1, at: 1_700_000_000_100, key: 'callback', args: { value: [{ n: 1 }], bytes: 9, truncated: false } }] }),
  ];
}

async function openWith(calls = sample(), query = ''): Promise<Page> {
  const page = await harness.open(query);
  await push(page, [sessionMessage(calls)]);
  await page.locator('[role="row"][data-call-id]').first().waitFor();
  return page;
}

const summaries = (page: Page) => page.locator('[role="row"][data-call-id] .col-summary').allTextContents();

describe('the panel as a plain page with a scripted data source', () => {
  it('lists calls with their columns, shows pending ones as such, and streams new calls in', async () => {
    const page = await openWith();
    expect(await rowCount(page)).toBe('5 calls');
    expect(await page.locator('[role="row"][data-command="on"] .col-status').textContent()).toBe('⋯ pending');
    expect(await page.locator('[role="row"][data-command="getContext"] .col-frame').textContent()).toBe('issue-panel (main)');
    await push(page, [{ type: 'calls', tabId: 7, calls: [callRecord({ command: 'emit', kind: 'events', summary: 'emit later' })] }]);
    await page.getByText('emit later').waitFor();
    expect(await rowCount(page)).toBe('6 calls');
    await page.close();
  });

  it('does not move the view when calls stream in while the user is scrolled up', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    const page = await openWith(many);
    const body = page.getByTestId('grid-body');
    await body.evaluate((el) => (el.scrollTop = 4000));
    await page.waitForTimeout(50);
    const before = await body.evaluate((el) => el.scrollTop);
    const firstShown = await page.locator('[role="row"][data-call-id]').nth(12).textContent();
    await push(page, [{ type: 'calls', tabId: 7, calls: Array.from({ length: 50 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke new${i}` })) }]);
    await page.waitForTimeout(100);
    expect(await body.evaluate((el) => el.scrollTop)).toBe(before);
    expect(await page.locator('[role="row"][data-call-id]').nth(12).textContent()).toBe(firstShown);
    // Only what is in view is rendered.
    expect(await page.locator('[role="row"][data-call-id]').count()).toBeLessThan(80);
    await page.close();
  });

  it('filters with the DevTools-like syntax, kind chips and errors only, and says what it did not understand', async () => {
    const page = await openWith();
    const filter = page.getByLabel('Filter calls');
    await filter.fill('kind:requestRemote');
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404']);
    await filter.fill('-getContext -is:pending status:4xx');
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404']);
    await filter.fill('colour:red');
    expect(await page.locator('#filter-problems').textContent()).toContain('colour:red: unknown filter "colour" (known: kind,');
    await filter.fill('');
    await page.getByRole('button', { name: 'resolver', exact: true }).click();
    expect(await summaries(page)).toEqual(['invoke getIssues']);
    await page.getByRole('button', { name: 'resolver', exact: true }).click();
    await page.getByLabel('Errors only').check();
    // A 404 is a failure too (issue 16: Errors only agrees with Compare).
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404', 'invokeRemote POST /tasks → error']);
    await page.close();
  });

  it('sorts by a column and hides columns', async () => {
    const calls = [timed(callRecord({ command: 'a', kind: 'other', summary: 'slow' }), 1000, 300), timed(callRecord({ command: 'b', kind: 'other', summary: 'fast' }), 2000, 3), timed(callRecord({ command: 'c', kind: 'other', summary: 'middle' }), 3000, 40)];
    const page = await openWith(calls);
    await page.getByRole('button', { name: 'Duration' }).click();
    expect(await summaries(page)).toEqual(['fast', 'middle', 'slow']);
    await page.getByRole('button', { name: /Duration/ }).click();
    expect(await summaries(page)).toEqual(['slow', 'middle', 'fast']);
    await page.getByText('Columns').click();
    await page.getByLabel('Size', { exact: true }).uncheck();
    expect(await page.locator('[role="columnheader"]').allTextContents()).not.toContain('Size');
    await page.close();
  });

  it('shows details in tabs: overview with deliveries, request as a JSON tree that folds and searches, the error', async () => {
    const page = await openWith();
    await page.locator('[role="row"][data-command="on"]').click();
    expect(await page.locator('.overview').textContent()).toContain('Deliveries to the app\'s callback (1)');
    await page.locator('[role="row"]', { hasText: 'invoke getIssues' }).click();
    await page.getByRole('tab', { name: 'Request' }).click();
    const tree = page.getByRole('tree', { name: 'Request' });
    expect(await tree.textContent()).toContain('functionKey: "getIssues"');
    await page.getByRole('tab', { name: 'Response' }).click();
    const response = page.getByRole('tree', { name: 'Response' });
    expect(await response.textContent()).not.toContain('First');
    await page.getByLabel('Search response').fill('first');
    expect(await response.locator('.hit').first().textContent()).toBe('"First"');
    await page.locator('[role="row"]', { hasText: 'invokeRemote POST' }).click();
    await page.getByRole('tab', { name: 'Error' }).click();
    expect(await page.getByRole('tree', { name: 'Error' }).textContent()).toContain('‹error Invalid response from remote›');
    await page.close();
  });

  it('is keyboard first: / focuses the filter, Esc leaves it, arrows move, Enter opens details, arrows switch tabs', async () => {
    const page = await openWith();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter calls');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter calls');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[role="row"][aria-selected="true"] .col-summary').textContent()).toBe('invoke getIssues');
    await page.keyboard.press('Enter');
    // Focus moves to the details' first tab once they have rendered, a frame after the key.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Overview');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.details [role="tab"][aria-selected="true"]').textContent()).toBe('Request');
    await page.keyboard.press('Escape');
    expect(await page.locator('.details').count()).toBe(0);
    await page.close();
  });

  it('follows the theme: dark and light differ in computed colours', async () => {
    const light = await openWith(sample());
    const dark = await openWith(sample(), '?theme=dark');
    const bg = (p: Page) => p.locator('.panel').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(light)).toBe('rgb(255, 255, 255)');
    expect(await bg(dark)).toBe('rgb(32, 33, 36)');
    await light.close();
    await dark.close();
  });

  it('compares invokeRemote and requestRemote with a verdict drawn from known numbers', async () => {
    const calls = [...[50, 60, 70, 80, 90, 100].map((ms, i) => timed(remote(ms, 'invokeRemote'), i * 1000, ms)), ...[20, 25, 30, 35, 40].map((ms, i) => timed(remote(ms, 'requestRemote'), i * 1000, ms))];
    const page = await openWith(calls);
    await page.getByRole('tab', { name: 'Compare' }).click();
    expect(await page.getByTestId('verdict').textContent()).toBe('requestRemote is 2.5× faster at p50 for GET /tasks on remote-a over 11 calls (6 invokeRemote, 5 requestRemote): 30 ms against 75 ms.');
    expect(await page.locator('.differences').textContent()).toContain('OAuth tokens (x-forge-oauth-*)');
    await page.close();
  });

  it('explains an empty tab, the recorder\'s bound, and what Diagnose saw (copyable text)', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([], { frames: [] })]);
    await page.getByText('No Forge frame in this tab yet.').waitFor();
    expect(await page.locator('.empty').textContent()).toContain('reload the page');
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' })], { losses: { ...noLosses(), evictedCalls: 1234 } })]);
    expect(await page.getByTestId('dropped').textContent()).toContain('the 1,234 oldest calls were dropped');
    await page.getByRole('tab', { name: 'Diagnose' }).click();
    await page.getByText('Frames the page lists that never reported').waitFor();
    const text = await page.getByTestId('diagnose-text').textContent();
    expect(text).toContain(`hook ran; bridge caught (trapped on install, __SEMVER 1.15.3); transport post-robot`);
    expect(text).toContain('https://uncovered.example/app/index.html  (origin not covered: add it in Settings)');
    expect(text).toContain(FRAME.url);
    await page.close();
  });

  it('exports with a redaction preview and saves a redacted trace by default', async () => {
    const page = await openWith();
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await page.getByTestId('redaction-preview').textContent()).toContain('× JWT signatures');
    await page.getByRole('button', { name: 'Save trace' }).click();
    await page.waitForFunction(() => (window as unknown as { __ui: { saved: unknown[] } }).__ui.saved.length === 1);
    const saved = await page.evaluate(() => (window as unknown as { __ui: { saved: { name: string; text: string }[] } }).__ui.saved[0]!);
    expect(saved.name).toMatch(/^forge-bridge-.*\.json$/);
    const trace = JSON.parse(saved.text) as { version: number; redaction: unknown; calls: unknown[] };
    expect(trace).toMatchObject({ version: 2, calls: expect.any(Array) });
    expect(trace.redaction).not.toBeNull();
    expect(trace.calls).toHaveLength(5);
    await page.close();
  });

  it('lists apart what looks like a secret but is kept, and removes those too in one action', async () => {
    // A random API key under a name the rules do not know, and a GitHub token in free text.
    const opaque = 'Zx9Kq2LmP8vR4tW7yB3nC6dFhJ5sA1gE';
    const ghp = `ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)}`;
    const calls = [...sample(), callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke connect', request: { value: { functionKey: 'connect', payload: { vendorRef: opaque, note: `use ${ghp}` } }, bytes: 90, truncated: false } })];
    const page = await openWith(calls);
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await page.getByTestId('redaction-preview').textContent()).toContain('1 × Known credential formats in text (GitHub token 1)');
    const kept = page.getByTestId('redaction-kept');
    expect(await kept.textContent()).toContain('Kept, though it looks like a secret: 1 long opaque value');
    expect(await kept.textContent()).toContain('vendorRef: Zx9K… (32 characters)');
    expect(await kept.textContent()).not.toContain(opaque);
    await page.getByRole('button', { name: 'Remove these too' }).click();
    expect(await page.getByTestId('redaction-preview').textContent()).toContain('1 × Long opaque values you chose to remove');
    await page.getByRole('button', { name: 'Save trace' }).click();
    await page.waitForFunction(() => (window as unknown as { __ui: { saved: unknown[] } }).__ui.saved.length === 1);
    const saved = await page.evaluate(() => (window as unknown as { __ui: { saved: { text: string }[] } }).__ui.saved[0]!.text);
    expect(saved).not.toContain(opaque);
    expect(saved).not.toContain(ghp);
    expect(saved).toContain('vendorRef');
    await page.close();
  });

  it('decodes a pasted token, explains its claims, and says why it could not verify it here', async () => {
    const page = await openWith();
    await page.getByRole('tab', { name: 'Decode token' }).click();
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const jwt = `${part({ alg: 'RS256', kid: 'forge/invocation-token/wf-1' })}.${part({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', iat: now, exp: now + 25, app: { id: 'a' } })}.c2ln`;
    await page.getByLabel(/Paste a Forge token/).fill(`Authorization: Bearer ${jwt}`);
    expect(await page.locator('.token h3').textContent()).toBe('Forge Invocation Token (FIT)');
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^expires in 2\d(\.\d)? s$/);
    await page.getByTestId('verification').filter({ hasText: 'not verified' }).waitFor();
    expect(await page.getByTestId('verification').textContent()).toContain('no network access here');
    await page.getByLabel(/Paste a Forge token/).fill('not a token');
    expect(await page.getByRole('alert').textContent()).toContain('Not a JWT');
    await page.close();
  });

  it('imports a trace into the panel beside the live tab, says what it shows, and goes back to live', async () => {
    const page = await openWith();
    const { plantedTrace } = await import('../unit/trace/fixtures');
    const { redactTrace } = await import('../../src/trace');
    // Fewer calls than the live tab's five, so the view that shows is told apart by its count.
    const planted = plantedTrace();
    const trace = { ...planted, calls: planted.calls.slice(0, 2) };
    const file = { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(redactTrace(trace))) };
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('opened-file').waitFor();
    expect(await page.getByTestId('opened-file').textContent()).toContain('Showing report.json (2 calls, redacted)');
    expect(await rowCount(page)).toBe('2 calls');
    await page.getByRole('button', { name: 'Back to the live tab' }).click();
    expect(await rowCount(page)).toBe('5 calls');
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"todo":[]}') });
    expect(await page.getByTestId('import-error').textContent()).toBe('notes.json: This is JSON, but neither a Forge Bridge trace nor a HAR file (its top-level keys: todo).');
    expect(await rowCount(page)).toBe('5 calls');
    await page.close();
  });
});
