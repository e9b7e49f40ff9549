import { describe, expect, it } from 'vitest';
import { appFrame, launchChromium, runScenario } from '../../scripts/lib/driver';
import { startSandbox, type Sandbox } from '../sandbox';
import { startHostileSite, waitUntilHooked } from './support/hostileSite';

/**
 * The app's own view of a full scenario (every action once), normalised by the app for per-run noise.
 * Each run gets a fresh sandbox (the remote keeps state) on the same ports (URLs appear in results).
 */
async function scenarioOutcomes(withExtension: boolean, query: string, ports?: Sandbox['ports']): Promise<{ outcomes: unknown; ports: Sandbox['ports'] }> {
  const sandbox = await startSandbox(ports ? { ports } : {});
  const browser = await launchChromium(withExtension ? { extensionDir: 'dist/chrome' } : {});
  try {
    const page = await browser.newPage();
    await page.goto(`${sandbox.siteUrl}${query}`);
    const app = await appFrame(page, { moduleKey: 'issue-panel' });
    const outcomes = await runScenario(app, 'all');
    return { outcomes, ports: sandbox.ports };
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}

describe('the hook never changes what the app sees', () => {
  for (const [label, query] of [
    ['post-robot transport', '?modules=issue-panel'],
    ['port-rpc transport, frozen bridge', '?modules=issue-panel&transport=port-rpc&frozen=1'],
  ] as const) {
    it(`gives the app identical results and errors with and without the extension (${label})`, async () => {
      const without = await scenarioOutcomes(false, query);
      const withExt = await scenarioOutcomes(true, query, without.ports);
      expect(Array.isArray(without.outcomes) && without.outcomes.length).toBeGreaterThan(10);
      expect(JSON.stringify(without.outcomes)).toContain('"ok":false'); // the scenario includes failing calls
      expect(withExt.outcomes).toEqual(without.outcomes);
    });
  }
});

describe('the hook never changes what the app sees of getters, proxies and class instances', () => {
  async function observe(withExtension: boolean, siteUrl: string): Promise<unknown> {
    const browser = await launchChromium(withExtension ? { extensionDir: 'dist/chrome' } : {});
    try {
      if (withExtension) await waitUntilHooked(browser, siteUrl);
      const page = await browser.newPage();
      await page.goto(`${siteUrl}/differential`);
      if (withExtension) expect(await page.evaluate(() => typeof Object.getOwnPropertyDescriptor(window, '__bridge')?.get)).toBe('function');
      return await page.evaluate(() => (window as unknown as { __differential(): Promise<unknown> }).__differential());
    } finally {
      await browser.close();
    }
  }

  it('gives the app the same values, identities, prototypes, getter calls and proxy traps with and without the extension', async () => {
    const site = await startHostileSite();
    try {
      const without = (await observe(false, site.url)) as { seen: Record<string, unknown>; log: string[] };
      const withExt = await observe(true, site.url);
      // The app's own reads ran its getters and traps (so a hook that ran them too would show in the log).
      expect(without.log).toEqual(expect.arrayContaining(['Money#dollars', 'result proxy get answer', 'result computed getter', 'list[1] getter', 'payload lazy getter', 'error message getter', 'Money#toJSON']));
      expect(without.seen).toMatchObject({ sameEcho: true, madeIsMoney: true, sameError: true, errorMessage: 'from a getter' });
      expect(withExt).toEqual(without);
    } finally {
      await site.close();
    }
  });
});
