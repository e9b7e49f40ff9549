import { describe, expect, it } from 'vitest';
import { callRecord, push, sessionMessage } from './page';
import { useHarness } from './panelHarness';

const { harness } = useHarness();

describe("the call list's rows", () => {
  it('are drawn by cloning one set of empty cells, not by making each cell: the first draw makes about one element per row', async () => {
    const page = await harness.open('', (p) =>
      p.evaluateOnNewDocument(() => {
        const w = window as unknown as { __made: number; __counting: boolean };
        w.__made = 0;
        w.__counting = false;
        for (const name of ['createElement', 'createElementNS'] as const) {
          const make = Document.prototype[name] as (...args: unknown[]) => Element;
          (Document.prototype as unknown as Record<string, unknown>)[name] = function (this: Document, ...args: unknown[]) {
            if (w.__counting) w.__made++;
            return make.apply(this, args);
          };
        }
      }),
    );
    await push(page, [sessionMessage([])]);
    await page.waitForSelector('[role="status"]');
    // The first draw's count, taken when its mutations are delivered (after the render task's own DOM work): a later
    // draw, when the list's measured width changes its columns, makes its rows anew. In one clean-clone CI run the
    // count read at an arbitrary moment after the first row took in such a second draw (159 against about 77).
    await page.evaluate(() => {
      const w = window as unknown as { __made: number; __counting: boolean; __firstDraw?: { made: number; rows: number; cells: number } };
      w.__counting = true;
      const seen = new MutationObserver(() => {
        const rows = document.querySelectorAll('[role="row"][data-call-id]');
        if (rows.length === 0) return;
        w.__firstDraw = { made: w.__made, rows: rows.length, cells: document.querySelectorAll('[role="row"][data-call-id] [role="gridcell"]').length };
        seen.disconnect();
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    const calls = Array.from({ length: 80 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    await push(page, [sessionMessage(calls)]);
    await page.waitForFunction(() => (window as unknown as { __firstDraw?: unknown }).__firstDraw !== undefined);
    const { made, rows, cells } = await page.evaluate(() => (window as unknown as { __firstDraw: { made: number; rows: number; cells: number } }).__firstDraw);
    expect(rows).toBeGreaterThan(20);
    expect(cells).toBeGreaterThanOrEqual(rows * 5);
    // Each row element, the list's own (its head, ~30) and one set of cells (77 for 35 rows): made a cell at a
    // time, it was over 13 per row (485).
    expect(made).toBeLessThan(rows * 3);
  });
});
