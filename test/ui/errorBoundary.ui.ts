import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aria, callRecord, sessionMessage, startHarness } from './page';

// Issue 14 part 6: every view sits behind an error boundary. A hostile file (or recorder bug) hands a view a value
// it cannot draw: a request nested 100,000 deep (a getter-free value; JSON.stringify and every recursive walk
// overflow the stack on it) and a time of 1e999 (Infinity). The view that fails says why; the others keep working.
let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => (harness = await startHarness()));
afterAll(() => harness?.close());

describe('error boundaries', () => {
  it('a view that throws shows its error with a Copy action, and the list, the toolbar and the other views keep working', async () => {
    const page = await harness.open();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const plain = callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' });
    const deep = callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke deepResolver', endedAt: 1e999 });
    const message = sessionMessage([plain, deep]);
    // The deep value is built in the page: it cannot cross puppeteer's serialisation, nor does it need to.
    await page.evaluate((m, deepId) => {
      let value: unknown = 'bottom';
      for (let i = 0; i < 100_000; i++) value = { nested: value };
      const calls = (m as { session: { calls: { id: string; request: { value: unknown } }[] } }).session.calls;
      calls.find((c) => c.id === deepId)!.request.value = value;
      (window as unknown as { __ui: { push(m: unknown[]): void } }).__ui.push([m]);
    }, message as unknown, deep.id);
    const row = await page.waitForSelector(`[role="row"][data-call-id="${deep.id}"]`, { timeout: 5000 });
    await row!.click();
    // Raw draws the whole record as JSON: JSON.stringify overflows the stack on it. Its boundary shows the error in its place.
    await (await page.waitForSelector(aria('tab', 'Raw')))!.click();
    const shown = await page.waitForSelector('[data-testid="view-error"]', { timeout: 5000 });
    const box = await shown!.evaluate((el) => ({ view: el.getAttribute('data-view'), text: el.textContent ?? '' }));
    expect(box.view).toBe('The Raw tab');
    expect(box.text).toMatch(/could not be shown: .+/);
    expect(box.text).toMatch(/RangeError|Maximum call stack|Invalid/);
    expect(await page.$(aria('button', 'Copy error'))).not.toBeNull();
    // The other tabs of the same call still draw (the deep request itself, folded, in Request).
    await (await page.waitForSelector(aria('tab', 'Request')))!.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="view-error"]') === null && (document.querySelector('.details-body')?.textContent ?? '').includes('nested'), { timeout: 5000 });
    await (await page.waitForSelector(aria('tab', 'Raw')))!.click();
    await page.waitForSelector('[data-testid="view-error"]', { timeout: 5000 });
    // The list still answers: another row selects, and its details draw.
    await (await page.waitForSelector(`[role="row"][data-call-id="${plain.id}"]`))!.click();
    // (the tab stays Raw: the plain call's record draws there.)
    await page.waitForFunction(() => document.querySelector('[data-testid="view-error"]') === null && (document.querySelector('.details-body')?.textContent ?? '').includes('getContext'), { timeout: 5000 });
    // The toolbar and the other views still work.
    await (await page.waitForSelector(aria('tab', 'Frames')))!.click();
    await page.waitForSelector('[data-testid="frame-boot"][data-frame-key="1:doc"]', { timeout: 5000 });
    expect(await page.$('[data-testid="view-error"]')).toBeNull();
    // The Export dialog walks every call (redaction preview): with the deep value it says why it cannot, in its
    // own place, or shows the dialog; either way the page raises nothing and the list stays.
    await (await page.waitForSelector(aria('tab', 'Calls')))!.click();
    await (await page.waitForSelector(aria('button', 'Export')))!.click();
    const exportShown = await page.waitForFunction(() => document.querySelector('[data-view="Export"]')?.textContent ?? (document.querySelector('#export-title') ? 'dialog' : null), { timeout: 15_000 });
    expect(await exportShown.jsonValue()).toMatch(/^dialog$|Export could not be shown: .+/);
    expect(await page.$(`[role="row"][data-call-id="${plain.id}"]`)).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
