import { build } from 'esbuild';
import { launchChromium } from '../../scripts/lib/driver';

/**
 * What recording a call's initiator adds to the hook, in Chromium: captureInitiator (src/capture/initiator)
 * called from a realistic depth (an app function → @forge/bridge-like wrappers → the hook's trap), timed in
 * blocks of 1,000 against the same path without it. The whole hook's cost with the initiator on is in the
 * "hook" bench (the built extension records initiators by default).
 */
export async function benchInitiator(): Promise<{ calls: number; withoutUs: number; withUs: number; addedUs: number }> {
  const bundle = await build({
    stdin: {
      contents: `
        import { captureInitiator } from './src/capture/initiator';
        const none = () => null;
        function trap(capture) { return capture(1); }
        function limitedInvoke(capture) { return trap(capture); }
        function invoke(capture) { return limitedInvoke(capture); }
        function appHandler(capture) { return invoke(capture); }
        globalThis.__bench = (n, block) => {
          const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
          const arms = { with: [], without: [] };
          for (let i = 0; i < 200; i++) { appHandler(captureInitiator); appHandler(none); }
          for (let i = 0; i < n; i += block) {
            for (const [arm, fn] of [['without', none], ['with', captureInitiator]]) {
              const t0 = performance.now();
              for (let j = 0; j < block; j++) appHandler(fn);
              arms[arm].push(((performance.now() - t0) / block) * 1000);
            }
          }
          return { without: median(arms.without), with: median(arms.with) };
        };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const browser = await launchChromium({});
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const calls = 20_000;
    const r = await page.evaluate((n: number, block: number) => (globalThis as unknown as { __bench(n: number, b: number): { with: number; without: number } }).__bench(n, block), calls, 1000);
    return { calls, withoutUs: r.without, withUs: r.with, addedUs: r.with - r.without };
  } finally {
    await browser.close();
  }
}
