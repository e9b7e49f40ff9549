// `npm start`: build the extension, start the Forge sandbox, and show the extension recording it.
//   headful (a display is there): Chromium with the extension and DevTools open on the sandbox site; stays up
//     until the browser is closed or Ctrl+C.
//   headless (no display, CI, or --headless): drives the demo scenario, saves out/panel.png and out/trace.json
//     (redacted), and prints what was recorded.
//   --firefox: Firefox ESR with the extension's test build and the page's DevTools open on the panel (xdotool; needs a display).
//   --no-build: use dist/ as it is.   --out DIR: where the headless demo saves (default out/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Page } from 'puppeteer-core';
import type { AnyTrace } from '../src/protocol/model';
import { toTraceV3 } from '../src/trace';
import { startSandbox, type Sandbox } from '../test/sandbox';
import { FAILS_ON_PURPOSE, FINDING_SCENARIOS } from '../test/sandbox/web/apps/custom-ui/scenarioNames';
import { findBrowser, hasDisplay, installHint, type FoundBrowser } from './lib/browsers';
import { appFrame, exportTrace, harnessPage, launchChromium, launchFirefox, openCallTab, selectFirefoxPanel, openSiteWithPanel, PANEL_TITLE, runScenario, tabIdOf, trustJwksUrls, trustJwksUrlsInFirefox, type ChromiumSession } from './lib/driver';
import { formatSummary, summarizeTrace } from './lib/traceSummary';
import { firefoxPanelAnswers, firefoxTabId, firefoxWaitForTrace } from '../test/e2e/support/firefoxHarness';

const { values: flags } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    firefox: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'out' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
const OUT_DIR = resolve(flags.out);

function fail(message: string): never {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

/** The build this run drives: dist/chrome (and dist/firefox, built beside it), or with --firefox the Firefox test build. */
const BUILD = flags.firefox
  ? { dir: 'dist/firefox-test', args: ['firefox'], env: { FBDT_TEST: '1' }, command: 'npm run build:test', label: 'the Firefox test build (dist/firefox-test)' }
  : { dir: 'dist/chrome', args: [], env: {}, command: 'npm run build', label: 'the extension (dist/chrome, dist/firefox)' };

function build(): void {
  if (flags['no-build']) {
    if (!existsSync(`${BUILD.dir}/manifest.json`)) fail(`--no-build, but ${BUILD.dir} is not built: run \`${BUILD.command}\` first.`);
    return;
  }
  console.log(`Building ${BUILD.label}…`);
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...BUILD.args], { stdio: 'inherit', env: { ...process.env, ...BUILD.env } });
  if (result.status !== 0) fail('the build failed (see above).');
}

function locate(family: 'chromium' | 'firefox'): FoundBrowser {
  try {
    const found = findBrowser(family, { platform: process.platform, env: process.env, exists: existsSync });
    if (found) return found;
  } catch (error) {
    fail((error as Error).message);
  }
  fail(installHint(family, process.platform));
}

async function waitForFeed(chromium: ChromiumSession, tabId: number): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const trace = await exportTrace(chromium, tabId).catch(() => null);
    if (trace && 'settings' in trace && trace.settings.networkFeed === 'on') return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Calls and network entries recorded so far: the trace has settled when neither moves. */
const size = (t: AnyTrace) => `${t.calls.length}/${'network' in t ? t.network.length : 0}`;

/** Polls until every call has settled and neither calls nor network entries have moved for a second. */
async function settledTrace(chromium: ChromiumSession, tabId: number): Promise<AnyTrace> {
  const deadline = Date.now() + 30_000;
  let last: AnyTrace | null = null;
  let stableSince = Date.now();
  for (;;) {
    const trace = await exportTrace(chromium, tabId).catch(() => null);
    if (trace && last && size(trace) === size(last)) {
      if (trace.calls.every((c) => c.status !== 'pending') && Date.now() - stableSince > 1000) return trace;
    } else {
      stableSince = Date.now();
    }
    if (trace) last = trace;
    if (Date.now() > deadline) {
      if (last) return last;
      throw new Error('the extension recorded nothing within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The verified token the panel shows for the selected call, read from its DOM (the screenshot must show it). */
async function shownToken(panel: Frame): Promise<{ row: string; heading: string; verification: string }> {
  await panel
    .waitForFunction(() => !/verifying/.test(document.querySelector('section[aria-label="FIT token"] [data-testid="verification"]')?.textContent ?? 'verifying'), { timeout: 30_000 })
    .catch(() => {
      throw new Error('the Token tab showed no verification result within 30 s');
    });
  const shown = await panel.evaluate(() => ({
    row: document.querySelector('[role="row"][aria-selected="true"] .col-summary')?.textContent ?? '',
    heading: document.querySelector('section[aria-label="FIT token"] h3')?.textContent ?? '',
    verification: document.querySelector('section[aria-label="FIT token"] [data-testid="verification"]')?.textContent ?? '',
  }));
  if (!/\bsignature valid\b/.test(shown.verification)) throw new Error(`the panel did not verify the call's token: "${shown.verification}"`);
  return shown;
}

async function headlessDemo(sandbox: Sandbox, found: FoundBrowser): Promise<void> {
  // DevTools open on the site tab (headless too): its network feed gives the trace tokens and timing phases.
  const chromium = await launchChromium({ executablePath: found.path, extensionDir: 'dist/chrome', headless: true, devtools: true });
  try {
    await trustJwksUrls(chromium, [sandbox.jwksUrl]);
    const blank = await chromium.browser.pages();
    const page = await chromium.newPage();
    for (const p of blank) await p.close();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(sandbox.siteUrl);
    const tabId = await tabIdOf(chromium, page);
    // DevTools opens alongside the tab; its network feed must be listening before the demo makes requests.
    const feedOn = await waitForFeed(chromium, tabId);
    if (!feedOn) console.log('(DevTools did not open in time: the trace will have calls but no network entries or tokens.)');
    console.log('Driving the demo scenario: every bridge command, once, from the Custom UI issue panel…');
    await runScenario(await appFrame(page, { moduleKey: 'issue-panel' }), 'all');
    const trace = await settledTrace(chromium, tabId);

    await mkdir(OUT_DIR, { recursive: true });
    // Saved as Export saves it (version 3: each call names its frame by key).
    await writeFile(join(OUT_DIR, 'trace.json'), JSON.stringify(trace.version === 2 ? toTraceV3(trace) : trace, null, 2));
    const panel = await chromium.newPage();
    await panel.setViewport({ width: 1280, height: 800 });
    await panel.goto(`chrome-extension://${chromium.extensionId}/extension/panel/panel.html?tabId=${tabId}`);
    // Show a requestRemote call's token in the screenshot: its claims, countdown and verification. Each step
    // throws, saying which, when it fails: a screenshot of something else is no demo.
    await openCallTab(panel.mainFrame(), 'fetchRemote', 'Token');
    const token = await shownToken(panel.mainFrame());
    await panel.screenshot({ path: join(OUT_DIR, 'panel.png') });

    console.log(`\n${formatSummary(summarizeTrace(trace))}`);
    const onPurpose = Object.keys(FAILS_ON_PURPOSE).filter((name) => !FINDING_SCENARIOS.has(name)).map((name) => `${name} (${FAILS_ON_PURPOSE[name]})`);
    console.log(`  errors on purpose, to show how failures look: ${onPurpose.join('; ')}`);
    console.log(`\nThe screenshot shows "${token.row}" selected, its ${token.heading}: ${token.verification}.`);
    const redacted = 'redaction' in trace && trace.redaction !== null ? ' (redacted)' : '';
    console.log(`\nSaved ${join(flags.out, 'trace.json')}${redacted} and ${join(flags.out, 'panel.png')} (the panel as it showed this tab).`);
    console.log('With a display, `npm start` opens the browser with DevTools instead; `npm start -- --headless` forces this mode.');
  } finally {
    await chromium.close();
  }
}

async function headful(sandbox: Sandbox, found: FoundBrowser): Promise<void> {
  const chromium = await launchChromium({ executablePath: found.path, extensionDir: 'dist/chrome', headless: false, devtools: true });
  await trustJwksUrls(chromium, [sandbox.jwksUrl]);
  const { shown } = await openSiteWithPanel(chromium, sandbox.siteUrl);
  const name = found.branded ? 'Google Chrome' : 'Chromium';
  console.log(
    shown
      ? `\n${name} is open on the sandbox site with DevTools on the "${PANEL_TITLE}" panel.`
      : `\n${name} is open on the sandbox site with DevTools; pick the "${PANEL_TITLE}" panel in DevTools' tab strip (or its » menu).`,
  );
  console.log('Click the buttons in the app frames to make bridge calls. Close the browser or press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    chromium.browser.on('disconnected', () => done());
    process.once('SIGINT', () => done());
  });
  await chromium.close();
}

/** The width Firefox's toolbox is docked at (right of the page), for the Ctrl+[ that selects the panel. */
const FIREFOX_TOOLBOX_WIDTH = 600;

/**
 * Firefox with DevTools open on the sandbox site (the page's toolbox: `-devtools` opens it on the window's first
 * tab, which then loads the site; web-ext's --devtools would open the add-on's own toolbox instead), the sandbox's
 * key set trusted, and the Forge Bridge panel selected through xdotool when it is installed. Firefox's automation
 * (WebDriver BiDi) may not open extension pages, so this runs the test build (BUILD), whose harness tab is an
 * extension page that can set what Settings would; the harness tab is closed once it has.
 */
async function firefox(sandbox: Sandbox, found: FoundBrowser): Promise<void> {
  const session = await launchFirefox({
    executablePath: found.path,
    extensionDir: BUILD.dir,
    headless: false,
    args: ['-devtools', '--width=1400', '--height=900'],
    prefs: { 'devtools.toolbox.host': 'right', 'devtools.toolbox.sidebar.width': FIREFOX_TOOLBOX_WIDTH },
  });
  try {
    const harness = await harnessPage(session.browser);
    await trustJwksUrlsInFirefox(harness, [sandbox.jwksUrl]);
    const page = (await session.browser.pages()).find((p) => p !== harness) ?? (await session.browser.newPage());
    await page.goto(sandbox.siteUrl);
    await page.bringToFront();
    const shown = await selectPanelInFirefox(harness, page.url());
    await harness.close();
    console.log(`\nFirefox is open on the sandbox site with DevTools${shown ? ` on the "${PANEL_TITLE}" panel` : ''}; the sandbox's key set (${sandbox.jwksUrl}) is trusted.`);
    if (!shown) console.log(`Pick "${PANEL_TITLE}" in DevTools' tab strip (or its » menu).`);
    console.log('Click the buttons in the app frames to make bridge calls. Close the browser or press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      session.browser.on('disconnected', () => done());
      process.once('SIGINT', () => done());
    });
  } finally {
    await session.close();
  }
}

/** Once DevTools feeds the recorder (its page has made the panel), Ctrl+[ typed by xdotool; true if the panel answered. */
async function selectPanelInFirefox(harness: Page, url: string): Promise<boolean> {
  try {
    const tabId = await firefoxTabId(harness, url);
    await firefoxWaitForTrace(harness, tabId, (t) => 'settings' in t && t.settings.networkFeed === 'on', 20_000);
    await selectFirefoxPanel(process.env['DISPLAY'] ?? '', FIREFOX_TOOLBOX_WIDTH);
    return await firefoxPanelAnswers(harness, 10_000);
  } catch (error) {
    console.log(`(The panel could not be selected for you: ${(error as Error).message}.)`);
    return false;
  }
}

async function main(): Promise<void> {
  if (flags.help) {
    console.log('Usage: npm start [-- --headless] [-- --firefox] [-- --no-build] [-- --out DIR]');
    return;
  }
  const browser = locate(flags.firefox ? 'firefox' : 'chromium');
  if (flags.firefox && !hasDisplay(process.platform, process.env)) {
    fail('the Firefox variant opens a browser window and needs a display (DISPLAY or WAYLAND_DISPLAY). Without one, run `npm start` (Chromium, headless demo).');
  }
  build();
  console.log('Starting the Forge sandbox (site, Forge CDN, platform, remote on loopback)…');
  const sandbox = await startSandbox();
  console.log(`  product page ${sandbox.siteUrl}\n  remote       ${sandbox.remoteOrigin}\n  JWKS         ${sandbox.jwksUrl}`);
  try {
    if (flags.firefox) await firefox(sandbox, browser);
    else if (flags.headless || !hasDisplay(process.platform, process.env)) await headlessDemo(sandbox, browser);
    else await headful(sandbox, browser);
  } finally {
    await sandbox.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
