import browser from 'webextension-polyfill';
import { startNetworkFeed } from './networkFeed';

// The devtools page registers the panel and feeds the recorder the inspected tab's Forge traffic; the panel
// itself talks to the recorder.
void browser.devtools.panels.create('Forge Bridge', '/icon-16.png', '/extension/panel/panel.html');
startNetworkFeed(browser.devtools.inspectedWindow.tabId);
