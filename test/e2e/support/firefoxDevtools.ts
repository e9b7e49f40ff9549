import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { harnessPage, launchFirefox, selectFirefoxPanel, type FirefoxSession } from '../../../scripts/lib/driver';
import type { LayoutFacts, ProbeAction } from '../../../extension/panel/layoutProbe';
import { firefoxPanelAnswers, firefoxTabId, firefoxWaitForTrace } from './firefoxHarness';

const run = promisify(execFile);

/** An X display for Firefox's windows: DISPLAY when set, else an Xvfb of our own (stopped by `stop`). */
export async function xDisplay(width: number, height: number): Promise<{ display: string; stop(): void }> {
  if (process.env['DISPLAY']) return { display: process.env['DISPLAY'], stop: () => undefined };
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it gave its display`)));
  });
  return { display: `:${number}`, stop: () => xvfb.kill() };
}

export interface FirefoxDevtools {
  session: FirefoxSession;
  harness: Page;
  site: Page;
  /** The panel's layout (extension/panel/layoutProbe.ts), after an optional action. */
  layout(action?: ProbeAction): Promise<LayoutFacts>;
  /** The whole display, DevTools included, as a PNG. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Firefox ESR, headful on `display`, with the test build and DevTools docked right at `toolboxWidth` px in
 * `theme`, on `url`, the Forge Bridge panel selected. The toolbox opens on the page (`-devtools`) with the
 * Inspector; selectFirefoxPanel (scripts/lib/firefox.ts) brings up the extension's panel.
 */
export async function openFirefoxDevtools(opts: { display: string; url: string; width: number; toolboxWidth: number; theme: 'light' | 'dark' }): Promise<FirefoxDevtools> {
  const env = { ...process.env, DISPLAY: opts.display };
  const saved = process.env['DISPLAY'];
  process.env['DISPLAY'] = opts.display;
  const session = await launchFirefox({
    extensionDir: 'dist/firefox-test',
    headless: false,
    args: ['-devtools', `--width=${opts.width}`, '--height=900'],
    prefs: { 'devtools.toolbox.host': 'right', 'devtools.toolbox.sidebar.width': opts.toolboxWidth, 'devtools.theme': opts.theme },
  }).finally(() => {
    if (saved === undefined) delete process.env['DISPLAY'];
    else process.env['DISPLAY'] = saved;
  });
  try {
    const harness = await harnessPage(session.browser);
    const site = (await session.browser.pages()).find((p) => p !== harness) ?? (await session.browser.newPage());
    await site.goto(opts.url);
    await site.bringToFront();
    const layout = async (action: ProbeAction = { action: 'facts' }) => {
      const facts = await harness.evaluate((a) => (window as unknown as { fbdtHarness: { panelLayout(a: unknown): Promise<LayoutFacts | null> } }).fbdtHarness.panelLayout(a), action);
      if (!facts) throw new Error('the panel in Firefox DevTools did not answer the layout probe');
      return facts;
    };
    // The DevTools page has made the panel once it feeds the recorder the tab's network (its port is up).
    const tabId = await firefoxTabId(harness, site.url());
    await firefoxWaitForTrace(harness, tabId, (t) => 'settings' in t && t.settings.networkFeed === 'on', 20_000);
    await selectFirefoxPanel(opts.display, opts.toolboxWidth);
    if (!(await firefoxPanelAnswers(harness, 10_000))) throw new Error('Ctrl+[ in Firefox DevTools did not bring up the Forge Bridge panel within 10 s');
    return {
      session,
      harness,
      site,
      layout,
      screenshot: async (path) => {
        await run('python3', ['test/e2e/support/xshot.py', path], { env });
      },
      close: () => session.close(),
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}
