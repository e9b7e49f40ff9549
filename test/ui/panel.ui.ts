import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { noLosses } from '../../src/protocol/losses';
import { aria, callRecord, fill, FRAME, push, rowCount, sessionMessage, text, texts } from './page';
import { sample, useHarness } from './panelHarness';

const { harness, openWith } = useHarness();

const remote = (ms: number, via: 'invokeRemote' | 'requestRemote', status = 200) =>
  via === 'requestRemote'
    ? callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: `requestRemote remote-a GET /tasks → ${status}`, request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks', method: 'GET' } }, bytes: 60, truncated: false }, response: { value: { status }, bytes: 20, truncated: false }, endedAt: null, startedAt: 0 })
    : callRecord({ command: 'invoke', kind: 'invokeRemote', summary: `invokeRemote GET /tasks → ${status}`, request: { value: { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, bytes: 60, truncated: false }, response: { value: { success: true, payload: { status } }, bytes: 20, truncated: false } });

function timed<T extends { startedAt: number; endedAt: number | null }>(call: T, start: number, ms: number): T {
  return { ...call, startedAt: start, endedAt: start + ms };
}

const summaries = (page: Page) => texts(page, '[role="row"][data-call-id] .col-summary');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the panel as a plain page with a scripted data source', () => {
  it('lists calls with their columns, shows pending ones as such, and streams new calls in', async () => {
    const page = await openWith();
    expect(await rowCount(page)).toBe('5 calls');
    expect(await text(page, '[role="row"][data-command="on"] .col-status')).toBe('⋯ pending');
    expect(await text(page, '[role="row"][data-command="getContext"] .col-frame')).toBe('issue-panel (main)');
    await push(page, [{ type: 'calls', tabId: 7, calls: [callRecord({ command: 'emit', kind: 'events', summary: 'emit later' })] }]);
    await page.waitForSelector('::-p-text(emit later)');
    expect(await rowCount(page)).toBe('6 calls');
    await page.close();
  });

  it('does not move the view when calls stream in while the user is scrolled up, and follows the end when scrolled there', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    const page = await openWith(many);
    const body = (await page.$('[data-testid="grid-body"]'))!;
    const scrollTop = () => body.evaluate((el) => el.scrollTop);
    const shownSummaries = () => texts(page, '[role="row"][data-call-id] .col-summary');
    await body.evaluate((el) => (el.scrollTop = 4000));
    await pause(50);
    const before = await scrollTop();
    const shownBefore = await shownSummaries();
    expect(before).toBeGreaterThan(0);
    await push(page, [{ type: 'calls', tabId: 7, calls: Array.from({ length: 50 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke new${i}` })) }]);
    // The new rows arrived (the count says so) ...
    await page.waitForFunction(() => document.querySelector('[data-testid="call-count"]')?.textContent === '2050 calls', { timeout: 5000 });
    await pause(100);
    // ... and the view did not move: the same offset and the very same rows in view.
    expect(await scrollTop()).toBe(before);
    expect(await shownSummaries()).toEqual(shownBefore);
    expect(shownBefore).not.toContain('invoke new0');
    // Only what is in view is rendered.
    expect(shownBefore.length).toBeLessThan(80);

    // Scrolled to the end, the view follows what streams in.
    await body.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event('scroll'));
    });
    await page.waitForFunction(() => [...document.querySelectorAll('[role="row"][data-call-id] .col-summary')].some((c) => c.textContent === 'invoke new49'), { timeout: 5000 });
    const atEnd = await scrollTop();
    await push(page, [{ type: 'calls', tabId: 7, calls: Array.from({ length: 30 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke newest${i}` })) }]);
    await page.waitForFunction(() => [...document.querySelectorAll('[role="row"][data-call-id] .col-summary')].some((c) => c.textContent === 'invoke newest29'), { timeout: 5000 });
    expect(await scrollTop()).toBeGreaterThan(atEnd);
    expect(await body.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)).toBeLessThan(30);
    await page.close();
  });

  it('Record, Clear and Preserve log ask the recorder for the tab, and show what it answers', async () => {
    const page = await openWith();
    const sent = () => page.evaluate(() => (window as unknown as { __ui: { sent: unknown[] } }).__ui.sent.splice(0));
    await sent();
    await page.locator('button[title="Pause recording"]').click();
    expect(await sent()).toEqual([{ type: 'set-recording', tabId: 7, on: false }]);
    // The button follows the recorder, not the click: paused once the recorder says so.
    await push(page, [sessionMessage(sample(), { recording: false })]);
    await page.waitForSelector('button[title="Resume recording"][aria-pressed="true"]', { timeout: 5000 });
    await page.locator('button[title="Resume recording"]').click();
    expect(await sent()).toEqual([{ type: 'set-recording', tabId: 7, on: true }]);

    // Preserve log lives in the toolbar's "More" menu.
    await page.locator('summary[aria-label="More"]').click();
    const preserve = aria('checkbox', 'Preserve log');
    expect(await page.$eval(preserve, (el) => (el as HTMLInputElement).checked)).toBe(false);
    await page.locator(preserve).click();
    expect(await sent()).toEqual([{ type: 'set-preserve-log', tabId: 7, on: true }]);
    await push(page, [sessionMessage(sample(), { preserveLog: true })]);
    await page.waitForFunction(() => ([...document.querySelectorAll('.toolbar label')].find((l) => l.textContent?.includes('Preserve log'))?.querySelector('input') as HTMLInputElement | null | undefined)?.checked === true, { timeout: 5000 });

    expect(await rowCount(page)).toBe('5 calls');
    await page.locator('button[title="Clear the calls of this tab"]').click();
    expect(await sent()).toEqual([{ type: 'clear', tabId: 7 }]);
    // Cleared only when the recorder says it is: the list empties and says why.
    expect(await rowCount(page)).toBe('5 calls');
    await push(page, [{ type: 'cleared', tabId: 7 }]);
    await page.waitForFunction(() => document.querySelector('[data-testid="call-count"]')?.textContent === '0 calls', { timeout: 5000 });
    expect(await page.$$('[role="row"][data-call-id]')).toHaveLength(0);
    expect(await text(page, '.empty')).toContain('no call yet');
    await page.close();
  });

  it('filters with the DevTools-like syntax, kind chips and errors only, and says what it did not understand', async () => {
    const page = await openWith();
    const filter = 'input[aria-label="Filter calls"]';
    await fill(page, filter, 'kind:requestRemote');
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404']);
    await fill(page, filter, '-getContext -is:pending status:4xx');
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404']);
    await fill(page, filter, 'colour:red');
    expect(await text(page, '#filter-problems')).toContain('colour:red: unknown filter "colour" (known: kind,');
    await fill(page, filter, '');
    await page.locator(aria('button', 'resolver')).click();
    expect(await summaries(page)).toEqual(['invoke getIssues']);
    await page.locator(aria('button', 'resolver')).click();
    await page.locator(aria('checkbox', 'Errors only')).click();
    // A 404 is a failure too (issue 16: Errors only agrees with Compare).
    expect(await summaries(page)).toEqual(['requestRemote remote-a GET /tasks → 404', 'invokeRemote POST /tasks → error']);
    await page.close();
  });

  it('sorts by a column and hides columns', async () => {
    const calls = [timed(callRecord({ command: 'a', kind: 'other', summary: 'slow' }), 1000, 300), timed(callRecord({ command: 'b', kind: 'other', summary: 'fast' }), 2000, 3), timed(callRecord({ command: 'c', kind: 'other', summary: 'middle' }), 3000, 40)];
    const page = await openWith(calls);
    const durationHeader = 'button.sort[title="Sort by duration"]';
    await page.locator(durationHeader).click();
    expect(await summaries(page)).toEqual(['fast', 'middle', 'slow']);
    await page.locator(durationHeader).click();
    expect(await summaries(page)).toEqual(['slow', 'middle', 'fast']);
    await page.locator('summary::-p-text(Columns)').click();
    const size = aria('checkbox', 'Size');
    expect(await page.$eval(size, (el) => (el as HTMLInputElement).checked)).toBe(true);
    await page.locator(size).click();
    expect(await texts(page, '[role="columnheader"]')).not.toContain('Size');
    await page.close();
  });

  it('shows details in tabs: overview with deliveries, request as a JSON tree that folds and searches, the error', async () => {
    const page = await openWith();
    await page.locator('[role="row"][data-command="on"]').click();
    expect(await text(page, '.overview')).toContain('Deliveries to the app\'s callback (1)');
    await page.locator('[role="row"] .col-summary::-p-text(invoke getIssues)').click();
    await page.locator(aria('tab', 'Request')).click();
    expect(await text(page, 'ul[role="tree"][aria-label="Request"]')).toContain('functionKey: "getIssues"');
    await page.locator(aria('tab', 'Response')).click();
    expect(await text(page, 'ul[role="tree"][aria-label="Response"]')).not.toContain('First');
    await fill(page, 'input[aria-label="Search response"]', 'first');
    expect(await text(page, 'ul[role="tree"][aria-label="Response"] .hit')).toBe('"First"');
    await page.locator('[role="row"] .col-summary::-p-text(invokeRemote POST)').click();
    await page.locator(aria('tab', 'Error')).click();
    expect(await text(page, 'ul[role="tree"][aria-label="Error"]')).toContain('‹error Invalid response from remote›');
    await page.close();
  });

  it('is keyboard first: / focuses the filter, Esc leaves it, arrows move, Enter opens details, arrows switch tabs', async () => {
    const page = await openWith();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter calls');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await page.keyboard.down('Control');
    await page.keyboard.press('f');
    await page.keyboard.up('Control');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter calls');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await text(page, '[role="row"][aria-selected="true"] .col-summary')).toBe('invoke getIssues');
    await page.keyboard.press('Enter');
    // Focus moves to the details' first tab once they have rendered, a frame after the key.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Overview');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text(page, '.details [role="tab"][aria-selected="true"]')).toBe('Request');
    await page.keyboard.press('Escape');
    expect(await page.$$('.details')).toHaveLength(0);
    await page.close();
  });

  it('follows the theme: dark and light differ in computed colours', async () => {
    const light = await openWith(sample());
    const dark = await openWith(sample(), '?theme=dark');
    const bg = (p: Page) => p.$eval('.panel', (el) => getComputedStyle(el).backgroundColor);
    expect(await bg(light)).toBe('rgb(255, 255, 255)');
    expect(await bg(dark)).toBe('rgb(32, 33, 36)');
    await light.close();
    await dark.close();
  });

  it('compares invokeRemote and requestRemote with a verdict drawn from known numbers', async () => {
    const calls = [...[50, 60, 70, 80, 90, 100].map((ms, i) => timed(remote(ms, 'invokeRemote'), i * 1000, ms)), ...[20, 25, 30, 35, 40].map((ms, i) => timed(remote(ms, 'requestRemote'), i * 1000, ms))];
    const page = await openWith(calls);
    await page.locator(aria('tab', 'Compare')).click();
    expect(await text(page, '[data-testid="verdict"]')).toBe('requestRemote is 2.5× faster at p50 for GET /tasks on remote-a over 11 calls (6 invokeRemote, 5 requestRemote): 30 ms against 75 ms.');
    expect(await text(page, '.differences')).toContain('OAuth tokens (x-forge-oauth-*)');
    await page.close();
  });

  it('explains an empty tab, the recorder\'s bound, and what Diagnose saw (copyable text)', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([], { frames: [] })]);
    await page.waitForSelector('::-p-text(No Forge frame in this tab yet.)');
    expect(await text(page, '.empty')).toContain('reload the page');
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' })], { losses: { ...noLosses(), evictedCalls: 1234 } })]);
    expect(await text(page, '[data-testid="dropped"]')).toContain('the 1,234 oldest calls were dropped');
    await page.locator(aria('tab', 'Diagnose')).click();
    // After the Compare test, puppeteer's ::-p-text wait for this line timed out in 2 of 3 runs while the line
    // was on screen (seen in a dump of innerText); polling the rendered text does not miss it.
    await page.waitForFunction(() => document.body.innerText.includes('Frames the page lists that never reported'));
    const diagnosis = await text(page, '[data-testid="diagnose-text"]');
    expect(diagnosis).toContain(`hook ran; bridge caught (trapped on install, __SEMVER 1.15.3); transport post-robot`);
    expect(diagnosis).toContain('https://uncovered.example/app/index.html  (origin not covered: add it in Settings)');
    expect(diagnosis).toContain(FRAME.url);
    await page.close();
  });
});
