import type { Frame, Page } from 'puppeteer-core';
import { appFrame, launchChromium, openSiteWithPanel, panelFrame, runAction, tabIdOf, type ChromiumSession } from '../../../scripts/lib/driver';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type StartSandboxOptions } from '../../sandbox';

export { openCallTab } from '../../../scripts/lib/driver';

export interface DevtoolsSession {
  chromium: ChromiumSession;
  site: Page;
  /** The extension's panel inside the site tab's DevTools window. */
  panel: Frame;
  tabId(): Promise<number>;
  /** The sandbox app frame for a module (default the Custom UI issue panel), ready for actions. */
  app(moduleKey?: string): Promise<Frame>;
  run(action: string, moduleKey?: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Chromium with the extension, the sandbox site open in a tab, and that tab's DevTools showing the panel. */
export async function openInDevtools(sandbox: Sandbox, query: string, before?: (chromium: ChromiumSession) => Promise<void>, options: { panelTimeoutMs?: number } = {}): Promise<DevtoolsSession> {
  const chromium = await launchChromium({ extensionDir: 'dist/chrome', devtools: true });
  try {
    await before?.(chromium);
    const { site, shown } = await openSiteWithPanel(chromium, `${sandbox.siteUrl}${query}`, options.panelTimeoutMs);
    if (!shown) throw new Error('the Forge Bridge panel could not be selected in DevTools');
    const panel = await panelFrame(chromium.browser, chromium.extensionId, options.panelTimeoutMs);
    const app = (moduleKey = 'issue-panel') => appFrame(site, { moduleKey });
    return {
      chromium,
      site,
      panel,
      app,
      run: async (action, moduleKey) => runAction(await app(moduleKey), action),
      tabId: () => tabIdOf(chromium, site),
      close: () => chromium.close(),
    };
  } catch (error) {
    await chromium.close();
    throw error;
  }
}

export interface DevtoolsFixtureOptions {
  knobs?: StartSandboxOptions['knobs'];
  /** Runs on the launched browser before the site opens (trusting a key set, say). */
  before?: (chromium: ChromiumSession, sandbox: Sandbox) => Promise<void>;
  panelTimeoutMs?: number;
}

/**
 * Starts the sandbox and a DevTools session showing the panel before the enclosing suite's tests, hands both
 * to `ready`, and closes them after the suite.
 */
export function useDevtoolsSession(query: string, ready: (session: DevtoolsSession, sandbox: Sandbox) => void, options: DevtoolsFixtureOptions = {}): void {
  let sandbox: Sandbox | undefined;
  let session: DevtoolsSession | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options.knobs ? { knobs: options.knobs } : {});
    const started = sandbox;
    session = await openInDevtools(started, query, options.before && ((chromium) => options.before!(chromium, started)), { panelTimeoutMs: options.panelTimeoutMs });
    ready(session, started);
  });
  afterAll(async () => {
    await session?.close();
    await sandbox?.stop();
  });
}
