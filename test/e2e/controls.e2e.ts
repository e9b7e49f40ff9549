import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFrame, exportTrace, launchChromium, runAction, tabIdOf, waitForTrace, type ChromiumSession } from '../../scripts/lib/driver';
import type { TraceV2 } from '../../src/protocol';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;
let chromium: ChromiumSession;

beforeAll(async () => {
  sandbox = await startSandbox();
  chromium = await launchChromium({ extensionDir: 'dist/chrome' });
});
afterAll(async () => {
  await chromium?.close();
  await sandbox?.stop();
});

/** The sandbox site in a tab, and the panel for that tab in another (an extension page: the real background behind it). */
async function siteAndPanel(): Promise<{ site: Page; panel: Page; tabId: number }> {
  const site = await chromium.newPage();
  await site.goto(`${sandbox.siteUrl}?modules=issue-panel`);
  await appFrame(site, { moduleKey: 'issue-panel' });
  const tabId = await tabIdOf(chromium, site);
  const panel = await chromium.newPage();
  await panel.goto(`chrome-extension://${chromium.extensionId}/extension/panel/panel.html?tabId=${tabId}`);
  await panel.waitForSelector('[role="row"][data-command="getContext"]', { timeout: 20_000 });
  return { site, panel, tabId };
}

const shownCount = (panel: Page) => panel.$eval('[data-testid="call-count"]', (el) => el.textContent);
const settled = (t: TraceV2) => t.calls.every((c) => c.status !== 'pending');

describe('Record, Clear and Preserve log, end to end (the panel page against the real background, Chromium)', () => {
  it('records nothing while paused, and again once resumed', async () => {
    const { site, panel, tabId } = await siteAndPanel();
    const app = await appFrame(site, { moduleKey: 'issue-panel' });
    const before = await waitForTrace(chromium, tabId, (t) => t.calls.length >= 2 && settled(t));
    await panel.click('button[title="Pause recording"]');
    await panel.waitForSelector('button[title="Resume recording"][aria-pressed="true"]');
    const whilePaused = await runAction(app, 'getContext');
    await panel.click('button[title="Resume recording"]');
    await panel.waitForSelector('button[title="Pause recording"][aria-pressed="false"]');
    expect(whilePaused).toMatchObject({ ok: true });
    expect(await runAction(app, 'requestRemote')).toMatchObject({ ok: true });
    // The call made after resuming arrives; the one made while paused never does.
    const after = await waitForTrace(chromium, tabId, (t) => t.calls.some((c) => c.kind === 'requestRemote') && settled(t));
    expect(after.calls.slice(before.calls.length).map((c) => c.command)).toEqual(['fetchRemote']);
    expect(after.calls.filter((c) => c.command === 'getContext')).toHaveLength(before.calls.filter((c) => c.command === 'getContext').length);
    await panel.waitForFunction((n) => document.querySelector('[data-testid="call-count"]')?.textContent === `${n} calls`, { timeout: 10_000 }, after.calls.length);
    await panel.close();
    await site.close();
  });

  it('clears the tab\'s calls in the panel and in the recorder', async () => {
    const { site, panel, tabId } = await siteAndPanel();
    await waitForTrace(chromium, tabId, (t) => t.calls.length >= 2);
    await panel.click('button[title="Clear the calls of this tab"]');
    await panel.waitForFunction(() => document.querySelector('[data-testid="call-count"]')?.textContent === '0 calls', { timeout: 10_000 });
    expect((await exportTrace(chromium, tabId)).calls).toEqual([]);
    // Recording goes on after a clear.
    await runAction(await appFrame(site, { moduleKey: 'issue-panel' }), 'getContext');
    const trace = await waitForTrace(chromium, tabId, (t) => t.calls.length === 1 && settled(t));
    expect(trace.calls[0]!.command).toBe('getContext');
    expect(await shownCount(panel)).toBe('1 calls');
    await panel.close();
    await site.close();
  });

  it('keeps calls across a navigation with Preserve log on, and starts afresh with it off', async () => {
    const { site, panel, tabId } = await siteAndPanel();
    const first = await waitForTrace(chromium, tabId, (t) => t.calls.length >= 2 && settled(t));
    const firstIds = first.calls.map((c) => c.id);
    await panel.click('label[title="Keep calls across navigations"] input');
    await waitForTrace(chromium, tabId, (t) => t.settings.preserveLog);
    await site.reload();
    await appFrame(site, { moduleKey: 'issue-panel' });
    const kept = await waitForTrace(chromium, tabId, (t) => t.segments.length === 2 && t.calls.some((c) => c.segment === t.segments[1]!.index) && settled(t));
    expect(kept.calls.map((c) => c.id).slice(0, firstIds.length)).toEqual(firstIds);

    await panel.click('label[title="Keep calls across navigations"] input');
    await waitForTrace(chromium, tabId, (t) => !t.settings.preserveLog);
    await site.reload();
    await appFrame(site, { moduleKey: 'issue-panel' });
    const fresh = await waitForTrace(chromium, tabId, (t) => t.segments.length === 1 && t.calls.length > 0 && settled(t));
    expect(fresh.calls.some((c) => firstIds.includes(c.id) || kept.calls.some((k) => k.id === c.id))).toBe(false);
    await panel.waitForFunction((n) => document.querySelector('[data-testid="call-count"]')?.textContent === `${n} calls`, { timeout: 10_000 }, fresh.calls.length);
    await panel.close();
    await site.close();
  });
});
