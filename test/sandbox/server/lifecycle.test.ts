import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../index';
import { makeFakeAssets } from './test-support';

let assetsDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const assets = await makeFakeAssets();
  assetsDir = assets.dir;
  cleanup = assets.cleanup;
});
afterAll(async () => {
  await cleanup?.();
});

/** Resolves true when nothing listens on the port any more (we can bind it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('startSandbox / stop', () => {
  it('listens on loopback origins and frees every port on stop, even with open keep-alive and hanging requests', async () => {
    const sandbox = await startSandbox({ build: false, assetsDir, knobs: { faults: { remoteHang: 'always' } } });
    expect(sandbox.siteOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.remoteOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.cdnOrigin).toBe(`http://localhost:${sandbox.ports.cdn}`);
    expect(sandbox.jwksUrl).toBe(`${sandbox.cdnOrigin}/.well-known/jwks.json`);
    expect(sandbox.siteUrl.startsWith(sandbox.siteOrigin)).toBe(true);
    // Keep-alive connections, and a request the remote never answers.
    await (await fetch(sandbox.siteUrl)).text();
    await (await fetch(`${sandbox.cdnOrigin}/global-bridge.js`)).text();
    const fit = await sandbox.platform.mintFit();
    const hanging = fetch(`${sandbox.remoteOrigin}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}` } }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const ports = Object.values(sandbox.ports);
    for (const p of ports) expect(await portIsFree(p)).toBe(false);
    const t0 = Date.now();
    await sandbox.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await hanging).toBeInstanceOf(Error);
    for (const p of ports) expect(await portIsFree(p)).toBe(true);
    await sandbox.stop(); // idempotent
  });

  it('starts again on the same fixed ports after stop', async () => {
    const ports = { site: await freePort(), cdn: await freePort(), remote: await freePort() };
    const first = await startSandbox({ build: false, assetsDir, ports });
    expect(first.ports).toEqual(ports);
    expect((await fetch(`${first.siteOrigin}/__sandbox/config.json`)).status).toBe(200);
    await first.stop();
    const second = await startSandbox({ build: false, assetsDir, ports });
    try {
      expect(second.siteOrigin).toBe(first.siteOrigin);
      expect(second.cdnOrigin).toBe(first.cdnOrigin);
      const res = await fetch(`${second.siteOrigin}/__sandbox/config.json`);
      expect(((await res.json()) as { remoteOrigin: string }).remoteOrigin).toBe(`http://127.0.0.1:${ports.remote}`);
      // A third start on the same ports while the second runs fails, and leaves the second untouched.
      await expect(startSandbox({ build: false, assetsDir, ports })).rejects.toThrow(/EADDRINUSE/);
      expect((await fetch(`${second.siteOrigin}/__sandbox/config.json`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('stops the slow work in flight (a slow resolver) without waiting for it', async () => {
    const sandbox = await startSandbox({ build: false, assetsDir });
    const pending = fetch(`${sandbox.siteOrigin}/gateway/api/graphql`, {
      method: 'POST',
      body: JSON.stringify({
        operationName: 'forge_ui_invokeExtension',
        variables: { input: { extensionId: 'resolver-panel', payload: { call: { functionKey: 'slow', payload: { ms: 60_000 } }, context: {} } } },
      }),
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await sandbox.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await pending).toBeInstanceOf(Error);
  });

});
