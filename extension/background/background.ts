import browser from 'webextension-polyfill';
import { PORT_DEVTOOLS, PORT_PANEL, PORT_RELAY } from '../../src/protocol';
import { syncCustomOrigins } from './customOrigins';
import { injectIntoOpenTabs } from './injectOpenTabs';
import { startBrowserRecorderService } from './recorderService';

// Listeners are registered synchronously, at the top level, so that an event that wakes a stopped
// worker (a relay reconnecting, a panel opening) is delivered to them.
const service = startBrowserRecorderService();

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PORT_RELAY) service.acceptRelay(port);
  else if (port.name === PORT_PANEL) service.acceptPanel(port);
  else if (port.name === PORT_DEVTOOLS) service.acceptDevtools(port);
  else port.disconnect();
});

browser.tabs.onRemoved.addListener((tabId) => service.closeTab(tabId));

browser.permissions.onAdded.addListener(() => void syncCustomOrigins());
browser.permissions.onRemoved.addListener(() => void syncCustomOrigins());

browser.runtime.onInstalled.addListener(() => {
  void syncCustomOrigins();
  void injectIntoOpenTabs();
  // Firefox's WebDriver BiDi cannot open extension pages, so a test build opens its own harness page.
  if (__FBDT_TEST_BUILD__) void browser.tabs.create({ url: '/extension/panel/panel.html?harness=1', active: false });
});

/** For people who drive a browser in their own end-to-end tests: see the README. */
(globalThis as Record<string, unknown>).forgeBridgeDevTools = {
  exportTrace: (tabId: number, options?: { redact?: boolean }) => service.exportTrace(tabId, options),
  tabs: () => service.tabIds(),
  counts: (tabId: number) => service.counts(tabId),
};
