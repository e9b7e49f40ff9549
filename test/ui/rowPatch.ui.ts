import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { CallRecord } from '../../src/protocol';
import { aria, callRecord } from './page';
import { sample, useHarness } from './panelHarness';

const { openWith } = useHarness();

/** 600 settled calls of every shape the sample has, with varied times, sizes and outcomes (a pending call's bar moves with the clock). */
function manyCalls(): CallRecord[] {
  const shapes = sample().filter((c) => c.endedAt !== null);
  return Array.from({ length: 600 }, (_, i) => {
    const shape = shapes[i % shapes.length]!;
    const summary = i % 7 === 0 ? `${shape.summary} #${i}` : i % 5 === 0 ? `call ${i}` : shape.summary;
    const start = 1_700_000_000_000 + i * 37;
    return callRecord({ ...shape, summary, startedAt: start, endedAt: start + ((i * 13) % 900), request: { ...shape.request, bytes: 10 + ((i * 97) % 5000) } });
  });
}

const rowsHtml = (page: Page) => page.$$eval('[role="row"][data-call-id]', (rows) => rows.map((r) => r.outerHTML));

async function scrollTo(page: Page, top: number) {
  await page.$eval('[data-testid="grid-body"]', (el, t) => {
    el.scrollTop = t;
    el.dispatchEvent(new Event('scroll'));
  }, top);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Every row drawn anew: a column hidden and shown again changes the rows' shape, so none is rewritten in place. */
async function redrawAll(page: Page) {
  await page.locator('summary::-p-text(Columns)').click();
  await page.locator(aria('checkbox', 'Size')).click();
  await page.locator(aria('checkbox', 'Size')).click();
  await page.locator('summary::-p-text(Columns)').click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

describe('rows rewritten in place while scrolling', () => {
  it('are exactly the rows drawn anew for the same calls, at every position', async () => {
    const page = await openWith(manyCalls());
    let checked = 0;
    for (const top of [0, 900, 3100, 7400, 11_000, 2500]) {
      await scrollTo(page, top);
      const patched = await rowsHtml(page);
      await redrawAll(page);
      const fresh = await rowsHtml(page);
      expect(patched.length).toBeGreaterThan(10);
      expect(patched).toEqual(fresh);
      checked += patched.length;
      // The next scroll starts from freshly drawn rows: scroll once more so that it patches rows patched before.
      await scrollTo(page, top + 40);
      await scrollTo(page, top);
      expect(await rowsHtml(page)).toEqual(fresh);
    }
    expect(checked).toBeGreaterThan(100);
    await page.close();
  });
});
