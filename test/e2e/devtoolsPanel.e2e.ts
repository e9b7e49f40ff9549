import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import type { Sandbox } from '../sandbox';
import { useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

// Real sites send the invoke as a Relay persisted query (forge-facts §8.1); older ones the classic operation.
const FORMS = [
  { form: 'persisted', invoke: 'useinvokeextensionrelaymutation' },
  { form: 'classic', invoke: 'forge_ui_invokeextension' },
] as const;

describe.each(FORMS)('the panel inside real DevTools (Chromium), against the Forge sandbox ($form GraphQL)', ({ form, invoke }) => {
  let session: DevtoolsSession;
  let sandbox: Sandbox;
  let panel: Frame;

  useDevtoolsSession('?modules=issue-panel', (s, sb) => ((sandbox = sb), ({ panel } = session = s)), { knobs: { graphqlForm: form } });

  const panelText = () => panel.evaluate(() => document.body.innerText);

  it('shows the calls the app makes, live, and a screenshot is saved', async () => {
    await panel.waitForFunction(() => document.body.innerText.includes('getContext'), { timeout: 15_000 });
    await session.run('invokeRemote');
    await session.run('requestRemote');
    await panel.waitForFunction(
      () => /invokeRemote (GET|POST) \/\S+ → 2\d\d/.test(document.body.innerText) && /requestRemote remote-a (GET|POST) \/\S+ → 2\d\d/.test(document.body.innerText),
      { timeout: 15_000 },
    );
    expect(await panelText()).toMatch(/requestRemote remote-a/);
    await mkdir('test-results', { recursive: true });
    const devtools = session.chromium.browser.targets().find((t) => t.url().startsWith('devtools://devtools/bundled/devtools_app.html'));
    const devtoolsPage = await devtools!.asPage();
    await devtoolsPage.screenshot({ path: `test-results/devtools-panel-${form}.png` });
  });

  it('feeds the recorder the tab\'s Forge traffic while DevTools is open: invokeExtension, the FIT mint, the FIT-bearing request', async () => {
    type Session = { networkFeed: string; network: { category: string; operationName: string | null; url: string; requestHeaders: { name: string; value: string }[] }[] };
    const tabId = await session.tabId();
    const read = () =>
      panel.evaluate(async (id) => {
        const port = chrome.runtime.connect({ name: 'fbdt-panel' });
        const first = await new Promise<{ type: string; session?: unknown }>((resolve) => {
          port.onMessage.addListener((m) => resolve(m as { type: string; session?: unknown }));
          port.postMessage({ type: 'subscribe', tabId: id });
        });
        port.disconnect();
        return first.session as Session;
      }, tabId);
    // Entries arrive after their bodies are read and a batch is sent: poll for a few seconds.
    let state = await read();
    for (let i = 0; i < 50 && !(state.network.some((e) => e.category === 'forge-jwt') && state.network.some((e) => e.operationName?.toLowerCase() === 'signinvocationtokenforui')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      state = await read();
    }
    expect(state.networkFeed, JSON.stringify(state).slice(0, 300)).toBe('on');
    const operations = state.network.filter((e) => e.category === 'forge-graphql').map((e) => e.operationName?.toLowerCase());
    expect(operations).toEqual(expect.arrayContaining([invoke, 'signinvocationtokenforui']));
    const fitBearing = state.network.filter((e) => e.category === 'forge-jwt');
    expect(fitBearing.length).toBeGreaterThan(0);
    expect(fitBearing[0]!.url.startsWith(sandbox.remoteOrigin)).toBe(true);
    expect(fitBearing[0]!.requestHeaders.find((h) => h.name.toLowerCase() === 'authorization')?.value).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
