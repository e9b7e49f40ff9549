import { build } from 'esbuild';
import { launchChromium } from '../../scripts/lib/driver';

/**
 * What recording a call's initiator adds to the hook, in Chromium: the hook's own pipeline built into a page
 * (wrapCallBridge → hook channel → a MessageChannel → the relay's validation, all on the page's thread as in
 * the extension), calls made from an app-like depth to a bridge answering on a microtask, in alternating
 * blocks of 1,000 with the initiator on (deferInitiator: the Error made on the call, its stack read and
 * parsed when the batch is sent) and off. A block's cost: the calls, the hook's flush of what they gathered
 * (settling initiators, posting) and the relay's time receiving and validating them (the clone read in the
 * relay's handler), per call; idle waits are not counted.
 */
export async function benchInitiator(): Promise<{ calls: number; withoutUs: number; withUs: number; addedUs: number }> {
  const bundle = await build({
    stdin: {
      contents: `
        import { createHookChannel } from './src/capture/hookChannel';
        import { deferInitiator } from './src/capture/initiator';
        import { wrapCallBridge } from './src/capture/wrapCallBridge';
        import { parseHookMessage } from './src/protocol/validate';
        const bridge = (command, payload) => Promise.resolve({ command, echo: payload });
        let received = 0;
        let relayMs = 0;
        const mc = new MessageChannel();
        mc.port1.onmessage = (e) => { const t = performance.now(); const r = parseHookMessage(e.data); if (r.ok) for (const ev of r.value.events) if (ev.type === 'call' || ev.type === 'call-end') received++; relayMs += performance.now() - t; };
        const channel = createHookChannel(window);
        window.postMessage({ type: 'forge-bridge-devtools:channel' }, '*', [mc.port2]);
        let id = 0;
        const make = (initiator) => wrapCallBridge(bridge, { emit: channel.emit, now: () => performance.timeOrigin + performance.now(), nextId: () => ++id, callbackKeysFor: () => [], ...(initiator ? { initiator: deferInitiator } : {}) });
        const arms = { with: make(true), without: make(false) };
        async function limitedInvoke(call, key) { return call('invoke', { functionKey: key, payload: { page: 1, query: 'project = SBX' } }); }
        async function invoke(call, key) { return limitedInvoke(call, key); }
        async function appHandler(call, key) { return invoke(call, key); }
        const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
        const drained = async (expected) => { while (received < expected) await new Promise((r) => setTimeout(r, 1)); };
        globalThis.__bench = async (rounds, block) => {
          const times = { with: [], without: [] };
          let expected = 0;
          for (let r = -1; r < rounds; r++) {
            for (const arm of r % 2 ? ['with', 'without'] : ['without', 'with']) {
              const t0 = performance.now();
              for (let j = 0; j < block; j++) await appHandler(arms[arm], 'getIssues');
              channel.flush();
              const pageMs = performance.now() - t0;
              expected += block; // calls ended (a start and its end in one message go as one 'call' event)
              relayMs = 0;
              await drained(expected);
              if (r >= 0) times[arm].push(((pageMs + relayMs) / block) * 1000);
            }
          }
          return { without: median(times.without), with: median(times.with) };
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
    const rounds = 20;
    const block = 1000;
    const r = await page.evaluate((n: number, b: number) => (globalThis as unknown as { __bench(n: number, b: number): Promise<{ with: number; without: number }> }).__bench(n, b), rounds, block);
    return { calls: rounds * block, withoutUs: r.without, withUs: r.with, addedUs: r.with - r.without };
  } finally {
    await browser.close();
  }
}
