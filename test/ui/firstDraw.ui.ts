import { describe, expect, it } from 'vitest';
import { callRecord, push, sessionMessage } from './page';
import { useHarness } from './panelHarness';

const { harness } = useHarness();

describe('the call list drawn for the first calls', () => {
  it('is drawn once at the size of its area: every row it shows added in one go, none after', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([])]);
    await page.waitForSelector('[role="status"]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => {
      const w = window as unknown as { __added: number[] };
      w.__added = [];
      // Rows added, per microtask checkpoint: a list drawn at a guessed size and drawn again once measured
      // made more row elements than it shows (47 for 35 here).
      new MutationObserver((records) => {
        const row = '[role="row"][data-call-id]';
        const rows = records.reduce((n, r) => n + [...r.addedNodes].reduce((m, e) => m + (!(e instanceof Element) ? 0 : e.matches(row) ? 1 : e.querySelectorAll(row).length), 0), 0);
        if (rows) w.__added.push(rows);
      }).observe(document.body, { childList: true, subtree: true });
    });
    const calls = Array.from({ length: 80 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    await push(page, [sessionMessage(calls)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { added, shown, fits } = await page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('[data-testid="grid-body"]')!;
      return {
        added: (window as unknown as { __added: number[] }).__added,
        shown: document.querySelectorAll('[role="row"][data-call-id]').length,
        fits: Math.ceil(body.clientHeight / 20),
      };
    });
    expect(shown).toBeGreaterThanOrEqual(fits);
    expect(added).toEqual([shown]);
    await page.close();
  });
});
