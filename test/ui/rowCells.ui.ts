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
    await page.evaluate(() => ((window as unknown as { __counting: boolean }).__counting = true));
    const calls = Array.from({ length: 80 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke f${i}` }));
    await push(page, [sessionMessage(calls)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    const { made, rows, cells } = await page.evaluate(() => ({
      made: (window as unknown as { __made: number }).__made,
      rows: document.querySelectorAll('[role="row"][data-call-id]').length,
      cells: document.querySelectorAll('[role="row"][data-call-id] [role="gridcell"]').length,
    }));
    expect(rows).toBeGreaterThan(20);
    expect(cells).toBeGreaterThanOrEqual(rows * 5);
    // Each row element, the list's own (its head, ~30) and one set of cells (77 for 35 rows): made a cell at a
    // time, it was over 13 per row (485).
    expect(made).toBeLessThan(rows * 3);
  });
});
