import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { BackgroundToPanel } from '../../src/protocol';
import { WARMUP_MEASURE } from '../../src/ui/rowWarmup';
import { push, sessionMessage } from './page';
import { sample, useHarness } from './panelHarness';

const { harness } = useHarness();

const rowsHtml = (page: Page) => page.$$eval('[role="row"][data-call-id]', (rows) => rows.map((r) => r.outerHTML));
const warmed = (page: Page) => page.evaluate((name) => performance.getEntriesByName(name).length, WARMUP_MEASURE);

/**
 * What the page's document saw of the warm-up's element, noted by an observer set up before the panel loads: each
 * element added to the body and gone again (or hidden from assistive tech), whether it was hidden from sight, pointer, focus and assistive tech, and whether it
 * was gone again by the time the observer ran (the end of the task that added it).
 */
type Seen = { hidden: boolean; inert: boolean; ariaHidden: boolean; offscreen: boolean; goneSameTask: boolean; drawnInPage: boolean }[];

/** A live panel that had no call yet, once its list was warmed up. */
async function warmedPanel(): Promise<Page> {
  const page = await harness.open('', (p) =>
    p.evaluateOnNewDocument(() => {
      const seen: Seen = [];
      (window as unknown as { __warmSeen: Seen }).__warmSeen = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target !== document.body) continue;
          for (const node of r.addedNodes) {
            // The panel's own elements stay; the warm-up's is the one gone again or hidden from assistive tech.
            if (!(node instanceof HTMLElement) || (node.isConnected && node.getAttribute('aria-hidden') !== 'true')) continue;
            const style = node.style;
            seen.push({
              hidden: style.visibility === 'hidden',
              inert: node.inert,
              ariaHidden: node.getAttribute('aria-hidden') === 'true',
              offscreen: parseFloat(style.left) + parseFloat(style.width) < 0,
              goneSameTask: !node.isConnected,
              // Rows drawn into the element while it was in the page: their lay-out is what loads the list's fonts.
              drawnInPage: records.some((x) => x.target === node || node.contains(x.target)),
            });
          }
        }
      }).observe(document, { childList: true, subtree: true });
    }),
  );
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
    // It was laid out in the page (which loads the fonts and shapes the text of the rows), out of sight and out of
    // reach, and only within the task that drew it.
    const seen = await page.evaluate(() => (window as unknown as { __warmSeen: Seen }).__warmSeen);
    expect(seen).toEqual([{ hidden: true, inert: true, ariaHidden: true, offscreen: true, goneSameTask: true, drawnInPage: true }]);
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

  it('does not run in a panel whose first calls came before it (nothing left to warm; a layout beside a long list)', async () => {
    const cold = await panelDrawnCold([sessionMessage(sample())]);
    // The warm-up waits for idle at most a second: past that, and a task, it would have run.
    await new Promise((r) => setTimeout(r, 1500));
    await cold.page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect(await warmed(cold.page)).toBe(0);
    await cold.page.close();
  });
});
