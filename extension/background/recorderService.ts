import browser from 'webextension-polyfill';
import { startRecorderService } from '../../src/background/recorderService';
import { IdbStore } from '../../src/recorder/idbStore';
import { fetchJwksJson } from '../../src/tokens';

/** The recorder service (src/background) on the browser's tabs, storage and IndexedDB. */
export function startBrowserRecorderService() {
  return startRecorderService({
    store: new IdbStore(),
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    readSetting: async (key) => (await browser.storage.local.get(key))[key],
    onSettingChanged: (listener) =>
      browser.storage.onChanged.addListener((changes, area) => {
        if (area !== 'local') return;
        for (const [key, change] of Object.entries(changes)) listener(key, change.newValue);
      }),
    extensionBaseUrl: browser.runtime.getURL(''),
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    fetchJwks: (url) => fetchJwksJson(url),
    now: Date.now,
  });
}
