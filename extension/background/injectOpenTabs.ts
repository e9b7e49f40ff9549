import browser from 'webextension-polyfill';
import { injectionTargets, type DocumentProbe } from '../../src/background/openTabInjection';
import { RELAY_RUNNING_MARK } from '../../src/relay/relayMark';

type Injection = Parameters<typeof browser.scripting.executeScript>[0];

/**
 * Content scripts declared in the manifest reach only documents loaded after install. On install and
 * update, put the hook and relay into documents that are already open, so a page loaded before the
 * extension is still recorded from now on (the hook then finds the bridge already present).
 *
 * Only documents the manifest's scripts have not reached (src/background/openTabInjection.ts): a document
 * loaded meanwhile has its hook and relay, and a second hook there would cost the page twice. The check runs
 * in the isolated world, which no page can reach. Returns how many documents got the hook and relay.
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
    let probes: DocumentProbe[];
    try {
      probes = await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: (mark: string) => (globalThis as Record<symbol, unknown>)[Symbol.for(mark)] === true,
        args: [RELAY_RUNNING_MARK],
      });
    } catch {
      // A tab the extension may not touch.
      continue;
    }
    for (const target of injectionTargets(tab.id, probes)) {
      try {
        // The hook first, as in the manifest: it is listening when the relay offers it a channel.
        await browser.scripting.executeScript({ target, files: hook.js, world: 'MAIN' } as Injection);
        await browser.scripting.executeScript({ target, files: relay.js } as Injection);
        injected += 1;
      } catch {
        // A document that went meanwhile, or one the extension may not touch; the others still get theirs.
      }
    }
  }
  return injected;
}
