import type { Frame } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForTrace } from '../../scripts/lib/driver';
import type { TraceV2 } from '../../src/protocol';
import { useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

// The toolbar's Record, Clear and Preserve log, clicked in the real panel inside Chromium DevTools; what
// they did is read both from the panel and from the background's own export of the tab.
describe('toolbar controls in real DevTools (Chromium)', () => {
  let session: DevtoolsSession;
  let tabId: number;

  const summaries = (t: TraceV2) => t.calls.map((c) => c.summary);
  const trace = (done: (t: TraceV2) => boolean) => waitForTrace(session.chromium, tabId, done, { timeoutMs: 20_000 });
  const rowCount = (panel: Frame) => panel.$eval('[role="grid"]', (g) => Number(g.getAttribute('aria-rowcount')) - 1).catch(() => 0);
  const click = async (selector: string) => (await session.panel.waitForSelector(selector, { visible: true, timeout: 10_000 }))!.click();

  /** The toolbar's "More" menu stays open until closed, so only a closed one is clicked open. */
  const openMoreMenu = async () => {
    const open = await session.panel.$eval('summary[aria-label="More"]', (s) => (s.parentElement as HTMLDetailsElement).open);
    if (!open) await click('summary[aria-label="More"]');
  };

  useDevtoolsSession('?modules=issue-panel', (s) => (session = s));
  beforeAll(async () => {
    tabId = await session.tabId();
    await trace((t) => summaries(t).some((s) => s.includes('getContext')));
  });

  it('Clear empties the tab in the panel and in the background, and later calls are recorded', async () => {
    await click('button[aria-label="Clear"]');
    await trace((t) => t.calls.length === 0);
    await session.panel.waitForFunction(() => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 1) === 1, { timeout: 10_000 });
    await session.run('invokeRemote');
    const after = await trace((t) => t.calls.length > 0 && t.calls.every((c) => c.status !== 'pending'));
    expect(summaries(after)).toHaveLength(1);
    expect(summaries(after)[0]).toMatch(/^invokeRemote GET \/tasks/);
    await session.panel.waitForFunction(() => document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === '2', { timeout: 10_000 });
  });

  it('Pause keeps calls made while paused out of the recording; Resume records again', async () => {
    const before = (await trace(() => true)).calls.length;
    await click('button[aria-label="Pause recording"]');
    await session.panel.waitForSelector('button[aria-label="Resume recording"]', { timeout: 5_000 });
    await session.run('invoke');
    await session.run('invokeGetIssues');
    // The relay sends every 25 ms; a second is far longer, so these calls reach the worker while it is paused.
    await new Promise((r) => setTimeout(r, 1_000));
    await click('button[aria-label="Resume recording"]');
    await session.run('requestJira');
    const after = await trace((t) => summaries(t).some((s) => /myself/.test(s)) && t.calls.every((c) => c.status !== 'pending'));
    expect(after.calls).toHaveLength(before + 1);
    expect(summaries(after).filter((s) => /echo|getIssues/.test(s))).toEqual([]);
    expect(await rowCount(session.panel)).toBe(before + 1);
  });

  it('a call started while paused stays out when it ends after Resume', async () => {
    const before = (await trace(() => true)).calls.length;
    await click('button[aria-label="Pause recording"]');
    await session.panel.waitForSelector('button[aria-label="Resume recording"]', { timeout: 5_000 });
    // A resolver that answers after 1.5 s: its start reaches the worker while paused, its end after Resume.
    const app = await session.app();
    await app.evaluate(() => {
      const w = window as unknown as { __sandboxApp: { run(a: string): Promise<unknown> }; __made?: Promise<unknown> };
      w.__made = w.__sandboxApp.run('invokeSlow');
    });
    await new Promise((r) => setTimeout(r, 300));
    await click('button[aria-label="Resume recording"]');
    expect(await app.evaluate(() => (window as unknown as { __made: Promise<{ ok: boolean }> }).__made)).toMatchObject({ ok: true });
    await session.run('requestJira');
    const after = await trace((t) => t.calls.length > before && summaries(t).at(-1)!.includes('myself') && t.calls.every((c) => c.status !== 'pending'));
    expect(summaries(after).filter((s) => /slow/.test(s))).toEqual([]);
    expect(after.calls).toHaveLength(before + 1);
  });

  it('Preserve log keeps the calls of the page before a reload; without it a reload starts afresh', async () => {
    const kept = (await trace(() => true)).calls.map((c) => c.id);
    expect(kept.length).toBeGreaterThan(0);
    await openMoreMenu();
    await click('label[title="Keep calls across navigations"] input[type="checkbox"]');
    await trace((t) => t.settings.preserveLog === true);
    await session.site.reload();
    const preserved = await trace((t) => t.segments.length === 2 && summaries(t).filter((s) => s.includes('getContext')).length > 0 && t.calls.length > kept.length);
    expect(preserved.settings.preserveLog).toBe(true);
    expect(preserved.calls.map((c) => c.id)).toEqual(expect.arrayContaining(kept));

    await openMoreMenu();
    await click('label[title="Keep calls across navigations"] input[type="checkbox"]');
    await trace((t) => t.settings.preserveLog === false);
    await session.site.reload();
    const fresh = await trace((t) => t.segments.length === 1 && t.calls.length > 0 && !t.calls.some((c) => kept.includes(c.id)) && summaries(t).some((s) => s.includes('getContext')));
    expect(fresh.calls.filter((c) => kept.includes(c.id))).toEqual([]);
  });
});
