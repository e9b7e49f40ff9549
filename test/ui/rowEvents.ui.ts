import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { callRecord, push, retryDetached, sessionMessage } from './page';
import { useHarness } from './panelHarness';

const { harness } = useHarness();

const calls = () => Array.from({ length: 300 }, (_, i) => callRecord({ command: 'invoke', kind: 'resolver', summary: `invoke fn${i}` }));

/** A page whose listeners are counted by the element they were added to (a row, or anything else). */
async function openCounting(): Promise<Page> {
  const page = await harness.open('', (p) =>
    p.evaluateOnNewDocument(() => {
      const added: EventTarget[] = [];
      (window as unknown as { __added: EventTarget[] }).__added = added;
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
        added.push(this);
        return add.apply(this, args);
      };
    }),
  );
  await push(page, [sessionMessage(calls())]);
  await page.waitForSelector('[role="row"][data-call-id]');
  return page;
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe("the call list's rows' pointer events", () => {
  it('are listened to by the list, not by each row: a click selects, a double click opens', async () => {
    const page = await openCounting();
    const onRows = await page.evaluate(() => (window as unknown as { __added: EventTarget[] }).__added.filter((t) => t instanceof Element && t.closest('[role="row"][data-call-id]')).length);
    expect(onRows).toBe(0);
    // A row well in view: the first three slots are drawn above it (overscan), and clicking one scrolls the list.
    const id = await page.$eval('[role="row"][data-call-id]:nth-child(12)', (el) => el.getAttribute('data-call-id'));
    await retryDetached(() => page.click(`[role="row"][data-call-id="${id}"] [data-col="summary"]`));
    await page.waitForSelector(`[role="row"][data-call-id="${id}"][aria-selected="true"]`);
    expect(await page.$$eval('[role="row"][aria-selected="true"]', (rows) => rows.length)).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.split:not(.with-details)');
    // Closing the details redraws the list beside them.
    await retryDetached(() => page.click(`[role="row"][data-call-id="${id}"] [data-col="summary"]`, { count: 2 }));
    await page.waitForSelector('[data-testid="details"], .details', { timeout: 5000 });
  });

  it("gives the cell under the pointer its tooltip, for the call its slot shows now", async () => {
    const page = await openCounting();
    const cell = '[role="row"][data-call-id]:nth-child(5) [data-col="summary"]';
    await page.hover(cell);
    const first = await page.$eval(cell, (el) => ({ title: el.getAttribute('title'), text: el.textContent }));
    expect(first.title).toBe(first.text);
    // Scrolled by 10 rows: the slot under the pointer shows another call, and the tooltip of the call before goes.
    await page.$eval('[data-testid="grid-body"]', (el) => {
      el.scrollTop -= 200;
      el.dispatchEvent(new Event('scroll'));
    });
    await frames(page);
    const after = await page.$eval(cell, (el) => ({ title: el.getAttribute('title'), text: el.textContent }));
    expect(after.text).not.toBe(first.text);
    expect(after.title === null || after.title === after.text).toBe(true);
    await page.mouse.move(0, 0);
    await page.hover(cell);
    expect(await page.$eval(cell, (el) => el.getAttribute('title'))).toBe(after.text);
  });
});
