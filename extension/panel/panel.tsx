import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Panel } from '../../src/ui/Panel';
import '../../src/ui/panel.css';
import { extensionEnvironment } from './environment';
import { createPortSource } from './portSource';

/** Inside DevTools the inspected tab; as an ordinary page, `?tabId=N`. */
function inspectedTabId(): number | null {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  return browser.devtools?.inspectedWindow?.tabId ?? null;
}

const root = document.getElementById('app')!;
if (__FBDT_TEST_BUILD__ && new URLSearchParams(location.search).has('harness')) {
  void import('./harness').then((m) => m.installHarness());
} else if (__FBDT_TEST_BUILD__ && browser.devtools?.inspectedWindow) {
  void import('./layoutProbe').then((m) => m.installLayoutProbe());
}
const tabId = inspectedTabId();
if (tabId === null) {
  render(<p class="empty">Open this panel from DevTools, or as a page with <code>?tabId=N</code>.</p>, root);
} else {
  render(<Panel source={createPortSource()} tabId={tabId} env={extensionEnvironment({ viewer: false })} />, root);
}
