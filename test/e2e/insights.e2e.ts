import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import { inWorker, workerOf } from '../../scripts/lib/driver';
import { RECORD_INITIATOR_KEY } from '../../src/settings/initiator';
import { useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

let session: DevtoolsSession;
let panel: Frame;

// The resolver panel (resolver invoke) in the slow-start scenario: the app's first calls wait 1.5 s after the frame starts loading.
const MODULE = 'resolver-panel';
// DevTools starts slowly on a loaded machine: wait up to a minute for the panel.
// Call sites are off by default (Settings → "Record call sites"): turned on before the site opens.
useDevtoolsSession('?modules=resolver-panel&startDelayMs=1500', (s) => ({ panel } = session = s), {
  panelTimeoutMs: 60_000,
  before: (chromium) => inWorker(chromium, (key: string) => chrome.storage.local.set({ [key]: true }), RECORD_INITIATOR_KEY),
});

const rulesShown = () => panel.evaluate(() => [...document.querySelectorAll('[data-testid="finding"]')].map((e) => e.getAttribute('data-rule')));

describe('findings and initiators against the Forge sandbox (Chromium, real DevTools)', () => {
  it('lists the findings the sandbox scenarios trigger, and a click on the evidence selects the call', async () => {
    await session.run('invokeMisnamed', MODULE);
    await session.run('invokeGetIssues', MODULE);
    await session.run('repeatGetContext', MODULE);
    await session.run('chain', MODULE);
    const app = await session.app(MODULE);
    // A burst towards the bridge's limit: 420 invoke calls at once (84 % of 500 in 25 s).
    await app.evaluate(() => (window as unknown as { __sandboxApp: { burst(n: number, a: string): Promise<unknown> } }).__sandboxApp.burst(420, 'invokeGetIssues'));
    await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.startsWith('Findings'))!.click());
    const wanted = ['missing-resolver', 'bridge-rate-limit', 'repeated-call', 'sequential-chain', 'slow-start'];
    await panel.waitForFunction((w: string[]) => w.every((r) => [...document.querySelectorAll('[data-testid="finding"]')].some((e) => e.getAttribute('data-rule') === r)), { timeout: 30_000 }, wanted);
    const rules = await rulesShown();
    expect(rules).toEqual(expect.arrayContaining(wanted));
    // Most costly first: errors (the failing resolver among them) before every warning, warnings before notes.
    const severities = await panel.evaluate(() => [...document.querySelectorAll('[data-testid="finding"]')].map((e) => e.getAttribute('data-severity')));
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(severities.map((x) => rank[x!])).toEqual(severities.map((x) => rank[x!]).sort());
    expect(severities[rules.indexOf('missing-resolver')]).toBe('error');
    const text = await panel.evaluate(() => document.querySelector('[data-rule="missing-resolver"]')!.textContent);
    expect(text).toContain("invoke('getIssue') failed");
    expect(text).toContain("invoke('getIssues')");
    const evidenceId = await panel.evaluate(() => {
      const link = document.querySelector<HTMLElement>('[data-rule="missing-resolver"] [data-testid="evidence"]')!;
      link.click();
      return link.getAttribute('data-call-id');
    });
    await panel.waitForSelector('[role="row"][aria-selected="true"]');
    expect(await panel.evaluate(() => document.querySelector('[role="row"][aria-selected="true"]')!.getAttribute('data-call-id'))).toBe(evidenceId);
  });

  it('exportTrace returns the findings, so a CI test can fail on them', async () => {
    const tabId = await session.tabId();
    const worker = workerOf(session.chromium);
    const trace = (await worker.evaluate((id: number) => (globalThis as unknown as { forgeBridgeDevTools: { exportTrace(id: number): Promise<unknown> } }).forgeBridgeDevTools.exportTrace(id), tabId)) as { findings?: { rule: string; severity: string }[] };
    expect(trace.findings?.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('missing-resolver');
    expect(trace.findings?.map((f) => f.rule)).toEqual(expect.arrayContaining(['bridge-rate-limit', 'slow-start']));
  });

  it('names the sandbox app\'s source line as the initiator, and its link opens Sources in DevTools', async () => {
    // The selected call is the misnamed resolver (above): its details show the initiator.
    await panel.waitForSelector('[data-testid="initiator"]');
    const frames = await panel.evaluate(() => [...document.querySelectorAll('[data-testid="initiator"] li')].map((li) => li.getAttribute('title') ?? ''));
    const appFrames = frames.filter((t) => /\/main\/app\.js:\d+:\d+$/.test(t));
    expect(appFrames.length, frames.join('\n')).toBeGreaterThan(0);
    // One of them is the line of the sandbox app that made the call.
    const source = await (await fetch(appFrames[0]!.replace(/:\d+:\d+$/, ''))).text();
    const lines = source.split('\n');
    const named = appFrames.map((t) => Number(/:(\d+):\d+$/.exec(t)![1])).map((n) => lines[n - 1] ?? '');
    // esbuild writes the app's invoke('getIssue') as (0, import_bridge.invoke)("getIssue").
    expect(named.some((l) => /invoke\)?\(['"]getIssue['"]\)/.test(l)), `${frames.join('\n')}\n${named.join('\n')}`).toBe(true);
    // The app's bundle carries its source map inline: the frame also names the original file and line.
    await panel.waitForSelector('[data-testid="initiator-original"]', { timeout: 10_000 });
    const originals = await panel.evaluate(() => [...document.querySelectorAll('[data-testid="initiator-original"]')].map((e) => e.textContent ?? ''));
    const actions = (await import('node:fs')).readFileSync('test/sandbox/web/apps/custom-ui/actions.ts', 'utf8').split('\n');
    const mapped = originals.map((t) => /custom-ui\/actions\.ts:(\d+):\d+/.exec(t)).filter((m) => m !== null);
    expect(mapped.some((m) => actions[Number(m![1]) - 1]!.includes("invoke('getIssue')")), originals.join('\n')).toBe(true);
    const index = appFrames.findIndex((_, i) => named[i]!.includes('getIssue'));
    await panel.evaluate((i) => [...document.querySelectorAll<HTMLElement>('[data-testid="open-source"]')].filter((b) => /app\.js:\d+/.test(b.textContent ?? ''))[i]!.click(), index);
    await panel.waitForSelector('[data-testid="open-source-status"]', { timeout: 10_000 });
    expect(await panel.evaluate(() => document.querySelector('[data-testid="open-source-status"]')!.textContent)).toMatch(/^Opened app\.js:\d+ in Sources\.$/);
  });
});
