import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRecord, fill, FRAME, push, sessionMessage, startHarness, text, texts } from './page';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const T = 1_700_000_000_000;
/** The Findings tab (its name carries the count). */
const FINDINGS_TAB = '[role="tab"]::-p-text(Findings)';
const NO_DEFINITION = { value: { $fbdt: 'error', text: "Resolver has no definition for 'getIsue'.", name: 'Error' }, bytes: 80, truncated: false };

function calls() {
  return [
    callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke getIsue', startedAt: T, endedAt: T + 90, status: 'error', request: { value: { functionKey: 'getIsue' }, bytes: 30, truncated: false }, response: null, error: NO_DEFINITION }),
    callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke getIssues', startedAt: T + 5, endedAt: T + 60, request: { value: { functionKey: 'getIssues' }, bytes: 30, truncated: false } }),
    callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T + 200, endedAt: T + 240 }),
    callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T + 300, endedAt: T + 330 }),
  ];
}

describe('the Findings view', () => {
  it('lists findings most costly first with numbers, fix and docs, and a click on the evidence selects the call in the list', async () => {
    const list = calls();
    const page = await harness.open();
    await push(page, [sessionMessage(list)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    expect(await text(page, '[data-testid="finding-count"]')).toBe(' 2');
    // A filter that hides the evidence: selecting it must clear the filter rather than select nothing.
    await fill(page, 'input[type="search"][aria-label="Filter calls"]', 'getContext');
    await page.locator(FINDINGS_TAB).click();
    await page.waitForSelector('[data-testid="finding"]');
    expect(await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-severity')]))).toEqual([
      ['missing-resolver', 'error'],
      ['repeated-call', 'info'],
    ]);
    const first = '[data-testid="finding"]:first-of-type';
    expect(await text(page, `${first} h3`)).toBe("Error invoke('getIsue') failed: no resolver function is defined under that name");
    expect(await text(page, `${first} .fix`)).toContain("invoke('getIssues')");
    expect(await page.$eval(`${first} .docs a`, (a) => a.getAttribute('href'))).toBe('https://developer.atlassian.com/platform/forge/runtime-reference/forge-resolver/');
    await page.locator(`${first} [data-testid="evidence"]`).click();
    const selected = await page.waitForSelector('[role="row"][aria-selected="true"]');
    expect(await selected!.evaluate((el) => el.getAttribute('data-call-id'))).toBe(list[0]!.id);
    expect(await page.$eval('input[aria-label="Filter calls"]', (el) => (el as HTMLInputElement).value)).toBe('');
    await page.waitForSelector('.details');
    await page.close();
  });

  it('explains itself when there is nothing to report', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' })])]);
    await page.locator(FINDINGS_TAB).click();
    expect(await text(page, '[data-testid="findings-empty"]')).toContain('No findings in 1 call.');
    await page.close();
  });
});

describe('the Frames view', () => {
  it('shows each frame\'s boot as marks with the gaps named', async () => {
    const page = await harness.open();
    const frame = { ...FRAME, boot: { navigationStart: T - 600, bridgeAt: T - 400, firstPaintAt: null, firstContentfulPaintAt: T + 300 } };
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T + 12, endedAt: T + 100 })], { frames: [frame] })]);
    await page.locator('[role="tab"]::-p-text(Frames)').click();
    await page.waitForSelector('[data-testid="boot-gap"]');
    expect(await texts(page, '[data-testid="boot-gap"]')).toEqual([
      '200 ms from navigation start to the bridge being ready',
      "412 ms from the bridge being ready to the app's first call",
      "88 ms from the app's first call to the first result",
      '200 ms from the first result to first contentful paint',
    ]);
    await page.close();
  });
});
