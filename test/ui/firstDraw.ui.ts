import { describe, expect, it } from 'vitest';
import { callRecord, push, sessionMessage } from './page';
import { useHarness } from './panelHarness';

const { harness } = useHarness();

describe('the call list drawn for the first calls', () => {
  it('is drawn once, at the size of its area and at its end: every row it shows added in one go, none rewritten after', async () => {
    const page = await harness.open();
    await push(page, [sessionMessage([])]);
    await page.waitForSelector('[role="status"]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => {
      const w = window as unknown as { __added: number[]; __rewritten: number };
      w.__added = [];
      w.__rewritten = 0;
      // Rows added, per microtask checkpoint: a list drawn at a guessed size and drawn again once measured
      // made more row elements than it shows (47 for 35 here).
      new MutationObserver((records) => {
        const row = '[role="row"][data-call-id]';
        const rows = records.reduce((n, r) => n + [...r.addedNodes].reduce((m, e) => m + (!(e instanceof Element) ? 0 : e.matches(row) ? 1 : e.querySelectorAll(row).length), 0), 0);
        if (rows) w.__added.push(rows);
      }).observe(document.body, { childList: true, subtree: true });
      // Rows given another call once drawn: a list drawn at its start, then scrolled to its end, rewrites them all.
      new MutationObserver((records) => {
        w.__rewritten += records.filter((r) => r.oldValue !== null).length;
      }).observe(document.body, { attributes: true, attributeFilter: ['data-call-id'], attributeOldValue: true, subtree: true });
    });
    const calls = Array.from({ length: 80 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    await push(page, [sessionMessage(calls)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { added, shown, fits, rewritten, lastShown } = await page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('[data-testid="grid-body"]')!;
      return {
        added: (window as unknown as { __added: number[] }).__added,
        shown: document.querySelectorAll('[role="row"][data-call-id]').length,
        fits: Math.ceil(body.clientHeight / 20),
        rewritten: (window as unknown as { __rewritten: number }).__rewritten,
        lastShown: body.scrollTop + body.clientHeight >= body.scrollHeight - 1,
      };
    });
    expect(shown).toBeGreaterThanOrEqual(fits);
    expect(added).toEqual([shown]);
    // Opened at its end, like a log, without drawing its rows twice.
    expect(lastShown).toBe(true);
    expect(await page.$$eval('[role="row"][data-call-id]', (rows) => rows.at(-1)!.querySelector('.col-summary')!.textContent)).toBe('invoke f79');
    expect(rewritten).toBe(0);
    await page.close();
  });
});
