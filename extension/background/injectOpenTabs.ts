import browser from 'webextension-polyfill';

/**
 * Content scripts declared in the manifest reach only documents loaded after install. On install and
 * update, put the hook and relay into frames that are already open, so a page loaded before the
 * extension is still recorded from now on (the hook then finds the bridge already present).
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
      // The hook first, as in the manifest: it is listening when the relay offers it a channel.
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: hook.js, world: 'MAIN' });
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: relay.js });
      injected += 1;
    } catch {
      // A frame the extension may not touch (another origin inside the tab); the others still get it.
    }
  }
  return injected;
}
