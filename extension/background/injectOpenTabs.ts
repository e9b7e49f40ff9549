import browser from 'webextension-polyfill';
import { RELAY_RUNNING_MARK } from '../../src/relay/relayMark';

/**
 * Content scripts declared in the manifest reach only documents loaded after install. On install and
 * update, put the hook and relay into frames that are already open, so a page loaded before the
 * extension is still recorded from now on (the hook then finds the bridge already present).
 *
 * Only frames the manifest's scripts have not reached: a frame loaded meanwhile has its hook and relay,
 * and a second hook there would wait for an offer the relay (which runs once per document) never makes,
 * then take the first one the page posts. The check runs in the isolated world, which no page can reach.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const hook = scripts.find((s) => (s as { world?: string }).world === 'MAIN');
  const relay = scripts.find((s) => (s as { world?: string }).world !== 'MAIN');
  if (!hook?.js || !relay?.js || !hook.matches) return 0;
  const tabs = await browser.tabs.query({ url: hook.matches });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const probes = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: (mark: string) => (globalThis as Record<symbol, unknown>)[Symbol.for(mark)] === true,
        args: [RELAY_RUNNING_MARK],
      });
      const frameIds = probes.filter((p) => p.result !== true).map((p) => p.frameId);
      if (frameIds.length === 0) continue;
      // The hook first, as in the manifest: it is listening when the relay offers it a channel.
      await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds }, files: hook.js, world: 'MAIN' });
      await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds }, files: relay.js });
      injected += 1;
    } catch {
      // A frame the extension may not touch (another origin inside the tab); the others still get it.
    }
  }
  return injected;
}
