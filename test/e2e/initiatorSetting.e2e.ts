import { describe, expect, it } from 'vitest';
import { tabIdOf, waitForTrace } from '../../scripts/lib/driver';
import type { TraceCall } from '../../src/protocol/model';
import { useHostileBrowser } from './support/hostileSite';

/** Call sites (the Initiator column) are off by default and follow Settings → "Record call sites", live. */

const env = useHostileBrowser();

const keyOf = (c: TraceCall): unknown => (c.request.value as { functionKey?: unknown } | null)?.functionKey;

describe('Record call sites', () => {
  it('records no initiator by default, and the app\'s call site once the setting is turned on in Settings', async () => {
    const page = await env.chromium.newPage();
    await page.goto(`${env.site.url}/app`);
    const tabId = await tabIdOf(env.chromium, page);
    const call = (key: string) =>
      page.evaluate((k: string) => {
        function theAppsHandler() {
          return (window as unknown as { __app: { call(c: string, p: unknown): Promise<unknown> } }).__app.call('invoke', { functionKey: k });
        }
        return theAppsHandler();
      }, key);
    await call('before');

    // The Settings page's own checkbox, as a user turns it on.
    const options = await env.chromium.newPage();
    await options.goto(`chrome-extension://${env.chromium.extensionId}/extension/options/options.html`);
    const box = await options.waitForSelector('[data-testid="record-initiator"]');
    expect(await box!.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
    await box!.click();
    await options.waitForSelector('#initiator-message');

    // The open page learns it over its channel: calls from now on carry their call site.
    await new Promise((r) => setTimeout(r, 300));
    await call('after');
    const trace = await waitForTrace(env.chromium, tabId, (t) => ['before', 'after'].every((k) => t.calls.some((c) => keyOf(c) === k && c.status !== 'pending')), { redact: false });
    const before = trace.calls.find((c) => keyOf(c) === 'before')!;
    const after = trace.calls.find((c) => keyOf(c) === 'after')!;
    expect(before.initiator).toBeUndefined();
    expect(after.initiator?.frames.map((f) => f.fn)).toContain('theAppsHandler');
  });
});
