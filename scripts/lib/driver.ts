/**
 * The one browser driver (puppeteer-core) for `npm start`, the end-to-end tests and the benchmarks.
 * puppeteer-core because it alone drives both browsers here: Chromium over CDP (loading the extension through
 * Extensions.loadUnpacked, which branded Chrome 137+ still honours, and reaching the panel inside DevTools) and
 * Firefox ESR over WebDriver BiDi (Playwright's Firefox driver fails against Debian's firefox-esr).
 */
export { browserPath } from './browsers';
export { launchChromium, type ChromiumOptions, type ChromiumSession } from './chromium';
export { openSiteWithPanel, panelFrame, PANEL_TITLE, showPanel } from './devtoolsPanel';
export { openCallTab } from './panelDom';
export { attachedWorkerOf, exportTrace, inWorker, stopWorker, tabIdOf, trustJwksUrls, waitForCalls, waitForTrace, workerOf, type WaitOptions } from './extension';
export { harnessPage, launchFirefox, selectFirefoxPanel, trustJwksUrlsInFirefox, type FirefoxSession } from './firefox';
export { appFrame, runAction, runBurst, runScenario, type Outcome } from './sandboxApp';
