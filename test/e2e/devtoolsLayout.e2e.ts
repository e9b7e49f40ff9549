import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { panelFrame, runAction, showPanel } from '../../scripts/lib/driver';
import type { LayoutFacts } from '../../extension/panel/layoutProbe';
import { openFirefoxDevtools, xDisplay } from './support/firefoxDevtools';
import { firefoxAppFrame } from './support/firefoxHarness';
import { startSandbox, type Sandbox } from '../sandbox';
import { openInDevtools, type DevtoolsSession } from './support/devtoolsSession';

// Issue 16's layout in real Chromium DevTools, docked to the right of the sandbox site at a narrow (600 px) and a
// wide (1,400 px) width, in DevTools' light and dark themes: a screenshot of DevTools for each under
// test-results/, and the layout rules read from the panel's DOM.
//
// The same in Firefox ESR's own DevTools (headful, under an Xvfb of its own unless DISPLAY is set): no automation
// reaches a DevTools panel's document there, so the test build's panel answers a layout probe
// (extension/panel/layoutProbe.ts) that the harness tab relays, and the screenshot is taken of the X display.

const DEVTOOLS_URL = 'devtools://devtools/bundled/devtools_app.html';
const WIDTHS = [600, 1400] as const;
const THEMES = ['light', 'dark'] as const;

let sandbox: Sandbox;
let session: DevtoolsSession;
let panel: Frame;
let theme: (typeof THEMES)[number] = 'light';

async function devtoolsPage(): Promise<Page> {
  const target = session.chromium.browser.targets().find((t) => t.url().startsWith(DEVTOOLS_URL));
  if (!target) throw new Error('no DevTools window');
  return target.asPage();
}

/**
 * Docks DevTools at `width` px: the split between the page and DevTools (AdvancedApp's root split, whose sidebar is
 * DevTools docked to the right). DevTools' internals are not an API (toolchain.md): the width read back is checked.
 */
async function dockAt(width: number): Promise<void> {
  const page = await devtoolsPage();
  await page.evaluate(`(async () => {
    const emulation = await import('devtools://devtools/bundled/panels/emulation/emulation.js');
    emulation.AdvancedApp.AdvancedApp.instance().rootSplitWidget.setSidebarSize(${width});
  })()`);
  await panel.waitForFunction((w) => Math.abs(window.innerWidth - w) <= 2, { timeout: 5000 }, width).catch(async () => {
    throw new Error(`DevTools did not dock at ${width} px (the panel is ${await panel.evaluate(() => window.innerWidth)} px wide)`);
  });
}

/** DevTools' theme setting; the extension reads it when its panel loads, so DevTools reloads and the panel is shown again. */
async function useTheme(next: (typeof THEMES)[number]): Promise<void> {
  if (next === theme) return;
  const page = await devtoolsPage();
  await page.evaluate(`(async () => {
    const common = await import('devtools://devtools/bundled/core/common/common.js');
    common.Settings.Settings.instance().moduleSetting('ui-theme').set(${JSON.stringify(next === 'dark' ? 'dark' : 'default')});
  })()`);
  await page.reload();
  if (!(await showPanel(session.chromium.browser, session.chromium.extensionId))) throw new Error('the panel could not be selected again after DevTools reloaded');
  panel = await panelFrame(session.chromium.browser, session.chromium.extensionId);
  await panel.waitForSelector('[role="row"][data-call-id]', { timeout: 15_000 });
  theme = next;
}

/**
 * Points at the first row's frame cell, from the toolbar so that the cell gets a mouseover whatever the pointer
 * did before, until the cell has a tooltip (at most 5 tries): docked wider, the list draws the frame column a
 * render after the width changes, and on a busy machine the cell first pointed at was replaced by that render.
 */
async function hoverFrameCell(): Promise<void> {
  await panel.waitForSelector('[role="row"][data-call-id] .col-frame', { timeout: 5000 });
  for (let attempt = 0; attempt < 5; attempt++) {
    await (await panel.$('[role="toolbar"]'))!.hover();
    await (await panel.$('[role="row"][data-call-id] .col-frame'))!.hover();
    if (await panel.$('[role="row"][data-call-id] .col-frame[title]')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How long a screenshot may take: an artifact for people, taken after the test's checks. */
const SCREENSHOT_MS = 20_000;

/**
 * The DevTools part of the window (docked right), as the user sees it. Under Xvfb a capture has waited for a frame
 * the idle DevTools window did not draw until the next test resized it (twice in clean-clone CI runs, at 120 s):
 * the window is brought to the front first, and a capture that still does not come is reported and skipped.
 */
async function screenshot(width: number, suffix = ''): Promise<void> {
  const page = await devtoolsPage();
  const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  await page.bringToFront();
  const path = `test-results/devtools-layout-${theme}-${width}${suffix}.png`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SCREENSHOT_MS)));
  // A capture that fails still fails the test; one that fails after being skipped is not left unhandled.
  const taken = page.screenshot({ path, clip: { x: size.w - width, y: 0, width, height: size.h } }).then(() => 'taken' as const, (error: unknown) => ({ error }));
  const outcome = await Promise.race([taken, late]);
  clearTimeout(timer);
  if (typeof outcome === 'object') throw outcome.error;
  if (outcome === 'late') console.warn(`${path}: no frame to capture within ${SCREENSHOT_MS / 1000} s; screenshot skipped`);
}

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
  sandbox = await startSandbox();
  session = await openInDevtools(sandbox, '?modules=issue-panel');
  ({ panel } = session);
  // Room for DevTools at 1,400 px beside the page.
  const cdp = await session.site.createCDPSession();
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width: 2200, height: 900 } });
  await cdp.detach();
  // Two calls that succeed and two that fail on purpose (the demo labels them so): a 404 and a throwing resolver.
  for (const action of ['requestRemote', 'requestRemote404', 'invokeFail', 'invokeRemote']) await session.run(action);
  await panel.waitForFunction(() => document.querySelectorAll('[role="row"][data-outcome="failed"]').length >= 2 && /requestRemote|remote-a GET/.test(document.body.innerText), { timeout: 15_000 });
});
afterAll(async () => {
  await session?.close();
  await sandbox?.stop();
});

describe.each(THEMES)('the panel in Chromium DevTools, %s theme', (wanted) => {
  describe.each(WIDTHS)('docked at %i px', (width) => {
    beforeAll(async () => {
      await useTheme(wanted);
      await dockAt(width);
      // The list without details first.
      await panel.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
      await panel.waitForFunction(() => !document.querySelector('.details'), { timeout: 5000 });
    });

    it('follows the theme, keeps the toolbar on one row, and saves a screenshot', async () => {
      const look = await panel.evaluate(() => {
        const root = document.querySelector('.panel')!;
        const [r, g, b] = (getComputedStyle(root).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        const bar = document.querySelector('[role="toolbar"][aria-label="Forge Bridge"]')!;
        const centres = [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
        return { theme: root.getAttribute('data-theme'), luminance: 0.2126 * r! + 0.7152 * g! + 0.0722 * b!, rows: new Set(centres).size, items: centres.length, overflows: bar.scrollWidth > bar.clientWidth + 1 };
      });
      expect(look.theme).toBe(wanted);
      if (wanted === 'dark') expect(look.luminance).toBeLessThan(80);
      else expect(look.luminance).toBeGreaterThan(180);
      expect(look.items).toBeGreaterThan(3);
      expect(look.rows).toBe(1);
      expect(look.overflows).toBe(false);
      await screenshot(width);
    });

    it('shows Summary first and widest, the module key where the frame is shown, and failures coloured', async () => {
      // Tooltips are set when the pointer reaches a cell.
      if (width > 800) await hoverFrameCell();
      const list = await panel.evaluate(() => {
        const headers = [...document.querySelectorAll('[role="columnheader"]')].map((h) => ({ text: (h.textContent ?? '').replace(/[▲▼]/g, '').trim(), width: h.getBoundingClientRect().width, right: h.getBoundingClientRect().right }));
        const rows = [...document.querySelectorAll<HTMLElement>('[role="row"][data-call-id]')];
        const failed = rows.filter((r) => r.dataset.outcome === 'failed');
        const ok = rows.filter((r) => r.dataset.outcome === 'ok');
        const style = (r: HTMLElement | undefined) => (r ? { color: getComputedStyle(r).color, background: getComputedStyle(r).backgroundColor } : null);
        const summaries = rows.map((r) => r.querySelector<HTMLElement>('.col-summary')?.innerText ?? '');
        const frames = rows.map((r) => r.querySelector('.col-frame')?.textContent ?? null);
        const titles = rows.map((r) => r.querySelector('.col-frame')?.getAttribute('title') ?? r.getAttribute('title') ?? '');
        return { headers, failedStatuses: failed.map((r) => r.querySelector('.col-status')?.textContent), failed: style(failed[0]), ok: style(ok[0]), summaries, frames, titles, viewport: window.innerWidth };
      });
      const names = list.headers.map((h) => h.text);
      expect(names).toContain('Summary');
      const summary = list.headers.find((h) => h.text === 'Summary')!;
      expect(summary.width).toBe(Math.max(...list.headers.map((h) => h.width)));
      expect(summary.right).toBeLessThanOrEqual(list.viewport);
      expect(list.summaries.some((s) => /remote-a GET \/\S+ → 200/.test(s))).toBe(true);
      if (width === 600) {
        expect(names.slice(0, 2)).toEqual(['Summary', 'Status']);
        expect(names).not.toContain('Time');
        expect(names).not.toContain('Kind');
      } else {
        expect(names).toContain('Frame / module');
        expect(list.frames.filter((f) => f !== null).every((f) => f!.startsWith('issue-panel'))).toBe(true);
        // The module key first; the frame's URL is the tooltip.
        expect(list.titles.some((t) => /^https?:\/\/\S+\/main\//.test(t))).toBe(true);
      }
      // The 404 and the resolver that throws read as failures, in another colour than the calls that worked.
      expect(list.failedStatuses).toEqual(expect.arrayContaining(['404', 'rejected']));
      expect(list.failed).not.toBeNull();
      expect(list.failed!.color).not.toBe(list.ok!.color);
      expect(list.failed!.background).not.toBe(list.ok!.background);
    });

    it('opens details (under the list when narrow, beside it when wide) and leaves the list at least 40 % of the height, Summary and Status in view', async () => {
      await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="row"][data-outcome="failed"]')].find((r) => /404/.test(r.textContent ?? ''))!.click());
      await panel.waitForSelector('.details [role="tab"]', { timeout: 5000 });
      // The columns follow the list's new width a render later (its resize observer): on a busy machine the
      // headers were read before that render, still in the order of the wide list. What they settle on is checked below.
      await panel
        .waitForFunction(() => [...document.querySelectorAll('[role="columnheader"]')].slice(0, 2).map((h) => (h.textContent ?? '').replace(/[▲▼]/g, '').trim()).join() === 'Summary,Status', { timeout: 5000 })
        .catch(() => undefined);
      const split = await panel.evaluate(() => {
        const box = (s: string) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
        };
        const headers = [...document.querySelectorAll('[role="columnheader"]')].map((h) => ({ text: (h.textContent ?? '').replace(/[▲▼]/g, '').trim(), right: h.getBoundingClientRect().right }));
        return { list: box('.grid-outer'), details: box('.details'), split: box('.split'), headers };
      });
      expect(split.list.height / split.split.height).toBeGreaterThanOrEqual(0.4);
      if (width === 600) expect(split.details.top).toBeGreaterThanOrEqual(split.list.bottom - 1);
      else expect(split.details.left).toBeGreaterThanOrEqual(split.list.right - 1);
      expect(split.details.height).toBeGreaterThan(150);
      expect(split.headers.slice(0, 2).map((h) => h.text)).toEqual(['Summary', 'Status']);
      // Status is in view, not scrolled off to the side.
      expect(split.headers[1]!.right).toBeLessThanOrEqual(split.list.right + 1);
      await screenshot(width, '-details');
    });
  });
});

/** The rules both browsers share, on the probe's facts (Firefox). */
function expectLayout(facts: LayoutFacts, wanted: (typeof THEMES)[number], width: number): void {
  expect(facts.theme).toBe(wanted);
  if (wanted === 'dark') expect(facts.luminance).toBeLessThan(80);
  else expect(facts.luminance).toBeGreaterThan(180);
  expect(facts.toolbar.items).toBeGreaterThan(3);
  expect(facts.toolbar.rows).toBe(1);
  expect(facts.toolbar.overflows).toBe(false);
  const names = facts.headers.map((h) => h.text);
  expect(names).toContain('Summary');
  if (width < 800) expect(names.slice(0, 2)).toEqual(['Summary', 'Status']);
  expect(facts.headers.find((h) => h.text === 'Summary')!.width).toBe(Math.max(...facts.headers.map((h) => h.width)));
  if (width < 800) expect(names).not.toContain('Time');
  const failed = facts.statuses.filter((s) => s.failed);
  const ok = facts.statuses.find((s) => !s.failed)!;
  expect(failed.map((s) => s.text)).toEqual(expect.arrayContaining(['404', 'rejected']));
  expect(failed[0]!.colour).not.toBe(ok.colour);
  expect(failed[0]!.background).not.toBe(ok.background);
}

describe.each(THEMES)('the panel in Firefox DevTools, %s theme', (wanted) => {
  describe.each(WIDTHS)('docked at %i px', (width) => {
    const windowWidth = width + 800;
    let stopDisplay = () => undefined as void;
    let firefox: Awaited<ReturnType<typeof openFirefoxDevtools>> | undefined;
    beforeAll(async () => {
      const x = await xDisplay(windowWidth, 900);
      stopDisplay = x.stop;
      firefox = await openFirefoxDevtools({ display: x.display, url: `${sandbox.siteUrl}?modules=issue-panel`, width: windowWidth, toolboxWidth: width, theme: wanted });
      const app = await firefoxAppFrame(firefox.site, 'main', 'issue-panel');
      for (const action of ['requestRemote', 'requestRemote404', 'invokeFail', 'invokeRemote']) await runAction(app, action);
    });
    afterAll(async () => {
      await firefox?.close();
      stopDisplay();
    });

    it('follows the theme, one toolbar row, Summary first and widest, failures coloured; screenshot saved', async () => {
      let facts = await firefox!.layout();
      for (let i = 0; i < 30 && facts.statuses.filter((s) => s.failed).length < 2; i++) {
        await new Promise((r) => setTimeout(r, 200));
        facts = await firefox!.layout();
      }
      expect(Math.abs(facts.width - width)).toBeLessThan(20);
      expectLayout(facts, wanted, width);
      await firefox!.screenshot(`test-results/firefox-devtools-layout-${wanted}-${width}.png`);
    });

    it('opens details and leaves the list at least 40 % of the height, Summary and Status in view', async () => {
      const facts = await firefox!.layout({ action: 'open-failed', status: '404' });
      expect(facts.details).not.toBeNull();
      const { list, details, split } = facts.details!;
      expect(list.height / split.height).toBeGreaterThanOrEqual(0.4);
      if (width < 800) expect(details.top).toBeGreaterThanOrEqual(list.bottom - 1);
      else expect(details.left).toBeGreaterThanOrEqual(list.right - 1);
      expect(facts.headers.slice(0, 2).map((h) => h.text)).toEqual(['Summary', 'Status']);
      expect(facts.headers[1]!.right).toBeLessThanOrEqual(list.right + 1);
      await firefox!.screenshot(`test-results/firefox-devtools-layout-${wanted}-${width}-details.png`);
    });
  });
});
