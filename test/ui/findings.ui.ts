import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRecord, FRAME, push, sessionMessage, startHarness } from './page';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const T = 1_700_000_000_000;
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
    await page.locator('[role="row"][data-call-id]').first().waitFor();
    expect(await page.getByTestId('finding-count').textContent()).toBe(' 2');
    // A filter that hides the evidence: selecting it must clear the filter rather than select nothing.
    await page.getByRole('searchbox', { name: 'Filter calls' }).fill('getContext');
    await page.getByRole('tab', { name: /Findings/ }).click();
    const findings = page.getByTestId('finding');
    expect(await findings.evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-severity')]))).toEqual([
      ['missing-resolver', 'error'],
      ['repeated-call', 'info'],
    ]);
    const first = findings.first();
    expect(await first.locator('h3').textContent()).toBe("Error invoke('getIsue') failed: no resolver function is defined under that name");
    expect(await first.locator('.fix').textContent()).toContain("invoke('getIssues')");
    expect(await first.locator('.docs a').getAttribute('href')).toBe('https://developer.atlassian.com/platform/forge/runtime-reference/forge-resolver/');
    await first.getByTestId('evidence').click();
    const selected = page.locator('[role="row"][aria-selected="true"]');
    expect(await selected.getAttribute('data-call-id')).toBe(list[0]!.id);
    expect(await page.getByRole('searchbox', { name: 'Filter calls' }).inputValue()).toBe('');
    await page.locator('.details').waitFor();
    await page.close();
  });

  it('explains itself when there is nothing to report', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' })])]);
    await page.getByRole('tab', { name: /Findings/ }).click();
    expect(await page.getByTestId('findings-empty').textContent()).toContain('No findings in 1 call.');
    await page.close();
  });
});

describe('the Frames view', () => {
  it('shows each frame\'s boot as marks with the gaps named', async () => {
    const page = await harness.open();
    const frame = { ...FRAME, boot: { navigationStart: T - 600, bridgeAt: T - 400, firstPaintAt: null, firstContentfulPaintAt: T + 300 } };
    await push(page, [sessionMessage([callRecord({ command: 'getContext', kind: 'context', summary: 'getContext', startedAt: T + 12, endedAt: T + 100 })], { frames: [frame] })]);
    await page.getByRole('tab', { name: 'Frames' }).click();
    expect(await page.getByTestId('boot-gap').allTextContents()).toEqual([
      '200 ms from navigation start to the bridge being ready',
      "412 ms from the bridge being ready to the app's first call",
      "88 ms from the app's first call to the first result",
      '200 ms from the first result to first contentful paint',
    ]);
    await page.close();
  });
});
