import browser from 'webextension-polyfill';

const HOOK_ID = 'fbdt-custom-hook';
const RELAY_ID = 'fbdt-custom-relay';

/** Origins the user granted beyond the manifest's own (Settings → add an origin). */
export async function customOrigins(): Promise<string[]> {
  const fixed = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => !fixed.has(o));
}

/**
 * Keeps the dynamically registered hook and relay in step with the granted custom origins: the same
 * scripts, world and timing as the manifest's, for the hosts the manifest does not name.
 */
export async function syncCustomOrigins(): Promise<void> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const hook = scripts.find((s) => (s as { world?: string }).world === 'MAIN');
  const relay = scripts.find((s) => (s as { world?: string }).world !== 'MAIN');
  if (!hook?.js || !relay?.js) return;
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [HOOK_ID, RELAY_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
  const matches = await customOrigins();
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: HOOK_ID, matches, js: hook.js, runAt: 'document_start', allFrames: true, world: 'MAIN', persistAcrossSessions: true },
    { id: RELAY_ID, matches, js: relay.js, runAt: 'document_start', allFrames: true, persistAcrossSessions: true },
  ]);
}
