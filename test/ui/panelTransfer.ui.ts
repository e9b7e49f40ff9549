import { describe, expect, it } from 'vitest';
import { aria, callRecord, chooseFile, fill, rowCount, text } from './page';
import { sample, useHarness } from './panelHarness';

const { openWith } = useHarness();

describe('the panel as a plain page: export, redaction preview, token decoding and import', () => {
  it('exports with a redaction preview and saves a redacted trace by default', async () => {
    const page = await openWith();
    await page.locator(aria('button', 'Export')).click();
    expect(await text(page, '[data-testid="redaction-preview"]')).toContain('× JWT signatures');
    await page.locator(aria('button', 'Save trace')).click();
    await page.waitForFunction(() => (window as unknown as { __ui: { saved: unknown[] } }).__ui.saved.length === 1);
    const saved = await page.evaluate(() => (window as unknown as { __ui: { saved: { name: string; text: string }[] } }).__ui.saved[0]!);
    expect(saved.name).toMatch(/^forge-bridge-.*\.json$/);
    const trace = JSON.parse(saved.text) as { version: number; redaction: unknown; calls: unknown[] };
    expect(trace).toMatchObject({ version: 3, calls: expect.any(Array) });
    expect(trace.redaction).not.toBeNull();
    expect(trace.calls).toHaveLength(5);
    await page.close();
  });

  it('lists apart what looks like a secret but is kept, and removes those too in one action', async () => {
    // A random API key under a name the rules do not know, and a GitHub token in free text.
    const opaque = 'Zx9Kq2LmP8vR4tW7yB3nC6dFhJ5sA1gE';
    const ghp = `ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)}`;
    const calls = [...sample(), callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke connect', request: { value: { functionKey: 'connect', payload: { vendorRef: opaque, note: `use ${ghp}` } }, bytes: 90, truncated: false } })];
    const page = await openWith(calls);
    await page.locator(aria('button', 'Export')).click();
    expect(await text(page, '[data-testid="redaction-preview"]')).toContain('1 × Known credential formats in text (GitHub token 1)');
    const kept = await text(page, '[data-testid="redaction-kept"]');
    expect(kept).toContain('Kept, though it looks like a secret: 1 long opaque value');
    expect(kept).toContain('vendorRef: Zx9K… (32 characters)');
    expect(kept).not.toContain(opaque);
    await page.locator(aria('button', 'Remove these too')).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="redaction-preview"]')?.textContent?.includes('1 × Long opaque values you chose to remove'), { timeout: 5000 });
    await page.locator(aria('button', 'Save trace')).click();
    await page.waitForFunction(() => (window as unknown as { __ui: { saved: unknown[] } }).__ui.saved.length === 1);
    const saved = await page.evaluate(() => (window as unknown as { __ui: { saved: { text: string }[] } }).__ui.saved[0]!.text);
    expect(saved).not.toContain(opaque);
    expect(saved).not.toContain(ghp);
    expect(saved).toContain('vendorRef');
    await page.close();
  });

  it('decodes a pasted token, explains its claims, and says why it could not verify it here', async () => {
    const page = await openWith();
    await page.locator(aria('tab', 'Decode token')).click();
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const jwt = `${part({ alg: 'RS256', kid: 'forge/invocation-token/wf-1' })}.${part({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', iat: now, exp: now + 25, app: { id: 'a' } })}.c2ln`;
    const paste = (value: string) => fill(page, '#paste-token', value);
    await paste(`Authorization: Bearer ${jwt}`);
    expect(await text(page, '.token h3')).toBe('Forge Invocation Token (FIT)');
    expect(await text(page, '[data-testid="countdown"]')).toMatch(/^expires in 2\d(\.\d)? s$/);
    await page.waitForFunction(() => /not verified/.test(document.querySelector('[data-testid="verification"]')?.textContent ?? ''), { timeout: 5000 });
    expect(await text(page, '[data-testid="verification"]')).toContain('no network access here');
    await paste('not a token');
    expect(await text(page, '[role="alert"]')).toContain('Not a JWT');
    await page.close();
  });

  it('imports a trace into the panel beside the live tab, says what it shows, and goes back to live', async () => {
    const page = await openWith();
    const { plantedTrace } = await import('../unit/trace/fixtures');
    const { redactTrace, traceJsonParts } = await import('../../src/trace');
    // Fewer calls than the live tab's five, so the view that shows is told apart by its count.
    const planted = plantedTrace();
    const trace = { ...planted, calls: planted.calls.slice(0, 2) };
    // The file as Export writes it (trace format version 3).
    await chooseFile(page, 'report.json', traceJsonParts(redactTrace(trace)).join(''));
    expect(await text(page, '[data-testid="opened-file"]')).toContain('Showing report.json (2 calls, redacted)');
    expect(await rowCount(page)).toBe('2 calls');
    await page.locator(aria('button', 'Back to the live tab')).click();
    expect(await rowCount(page)).toBe('5 calls');
    await chooseFile(page, 'notes.json', '{"todo":[]}');
    expect(await text(page, '[data-testid="import-error"]')).toBe('notes.json: This is JSON, but neither a Forge Bridge trace nor a HAR file (its top-level keys: todo).');
    expect(await rowCount(page)).toBe('5 calls');
    await page.close();
  });
});
