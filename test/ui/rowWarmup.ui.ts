import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BackgroundToPanel } from '../../src/protocol';
import { WARMUP_MEASURE } from '../../src/ui/rowWarmup';
import { push, sessionMessage } from './page';
import { sample, useHarness } from './panelHarness';

const { harness } = useHarness();

const rowsHtml = (page: Page) => page.$$eval('[role="row"][data-call-id]', (rows) => rows.map((r) => r.outerHTML));
const warmed = (page: Page) => page.evaluate((name) => performance.getEntriesByName(name).length, WARMUP_MEASURE);

/** A live panel that had no call yet, once its list was warmed up. */
async function warmedPanel(): Promise<Page> {
  const page = await harness.open();
  await push(page, [sessionMessage([])]);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { timeout: 5000 }, WARMUP_MEASURE);
  return page;
}

/**
 * A live panel whose first session already has `calls`, and whether its rows were drawn before any warm-up ran
 * (the session is queued before the page loads; an observer notes the warm-up's measure when the first row comes).
 */
async function panelDrawnCold(messages: BackgroundToPanel[]): Promise<{ page: Page; coldAtFirstRow: boolean }> {
  const page = await harness.open('', (p) =>
    p.evaluateOnNewDocument((m, name) => {
      const w = window as unknown as { __preload: unknown; __coldAtFirstRow?: boolean };
      w.__preload = m;
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role="row"][data-call-id]')) return;
        w.__coldAtFirstRow = performance.getEntriesByName(name).length === 0;
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }, messages as unknown, WARMUP_MEASURE),
  );
  await page.waitForSelector('[role="row"][data-call-id]');
  return { page, coldAtFirstRow: await page.evaluate(() => (window as unknown as { __coldAtFirstRow?: boolean }).__coldAtFirstRow === true) };
}

describe('the call list warmed up before the first call', () => {
  it('runs once while a live panel waits for calls, and leaves nothing in the page, the list or the recorder', async () => {
    const page = await warmedPanel();
    expect(await warmed(page)).toBe(1);
    const left = await page.evaluate(() => ({
      // The page's elements (its script, which holds the warm-up's code, left out).
      html: [...document.querySelectorAll('body > :not(script)')].map((e) => e.outerHTML).join('') + document.head.innerHTML.replace(/<script[\s\S]*?<\/script>/g, ''),
      rows: document.querySelectorAll('[role="row"], [role="grid"], .grid-row').length,
      sent: (window as unknown as { __ui: { sent: unknown[] } }).__ui.sent,
      focused: document.activeElement === document.body,
    }));
    expect(left.html).not.toMatch(/warm/i);
    expect(left.rows).toBe(0);
    expect(left.sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    expect(left.focused).toBe(true);
    expect(await page.$eval('[role="status"]', (el) => el.textContent)).toMatch(/no call yet/);
    await page.close();
  });

  it('draws the first calls exactly as a panel that never warmed up draws them', async () => {
    const calls = sample();
    const page = await warmedPanel();
    await push(page, [sessionMessage(calls)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    const after = await rowsHtml(page);
    const cold = await panelDrawnCold([sessionMessage(calls)]);
    expect(cold.coldAtFirstRow).toBe(true);
    const fresh = await rowsHtml(cold.page);
    expect(after).toHaveLength(calls.length);
    expect(after).toEqual(fresh);
    expect(after.join('')).not.toMatch(/warm/i);
    await page.close();
    await cold.page.close();
  });
});
