import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';
import { KnobError, KnobStore, defaultKnobs, mergeKnobs } from './knobs';
import { invoke, invokeRemoteCall, makeFakeAssets, requestRemoteFit } from './test-support';

let sandbox: Sandbox;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const assets = await makeFakeAssets();
  cleanup = assets.cleanup;
  sandbox = await startSandbox({ build: false, assetsDir: assets.dir, knobs: { latency: { product: { ms: 0, jitterMs: 0 } } } });
});
afterAll(async () => {
  await sandbox?.stop();
  await cleanup?.();
});
beforeEach(() => {
  sandbox.resetKnobs();
  sandbox.clearRemoteLog();
});

const postKnobs = (patch: unknown) =>
  fetch(`${sandbox.siteOrigin}/__sandbox/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });

describe('knobs', () => {
  it('have the documented defaults', () => {
    const k = defaultKnobs();
    expect(k).toMatchObject({
      fitLifetimeSec: 25,
      fctLifetimeSec: 900,
      clockSkewSec: 0,
      environmentType: 'DEVELOPMENT',
      apiBaseUrl: 'production',
      remoteTimeoutMs: 25_000,
      fitRenewBeforeExpiryMs: 5_000,
      requestRemoteSendsB3: false,
      requestRemoteFrom: 'host',
    });
    expect(Object.values(k.faults).every((v) => v === 0)).toBe(true);
    expect(k.latency.graphql).toEqual({ ms: 0, jitterMs: 0 });
  });

  it('merge deeply, reject unknown keys and bad values', () => {
    const k = mergeKnobs(defaultKnobs(), { latency: { remote: { ms: 50 } }, faults: { remote401: true } });
    expect(k.latency.remote).toEqual({ ms: 50, jitterMs: 0 });
    expect(k.faults.remote401).toBe('always');
    expect(() => mergeKnobs(k, { nope: 1 })).toThrow(KnobError);
    expect(() => mergeKnobs(k, { environmentType: 'PROD' })).toThrow(/environmentType/);
    expect(() => mergeKnobs(k, { fitLifetimeSec: -1 })).toThrow(KnobError);
    expect(() => mergeKnobs(k, { faults: { remote500: 1.5 } })).toThrow(KnobError);
    expect(mergeKnobs(k, { clockSkewSec: -30 }).clockSkewSec).toBe(-30);
  });

  it('count faults down', () => {
    const store = new KnobStore({ faults: { remote500: 2 } });
    expect([store.takeFault('remote500'), store.takeFault('remote500'), store.takeFault('remote500')]).toEqual([true, true, false]);
    store.set({ faults: { remote500: 'always' } });
    expect([store.takeFault('remote500'), store.takeFault('remote500')]).toEqual([true, true]);
  });

  it('are read and merged over HTTP, and published in config.json', async () => {
    const res = await postKnobs({ environmentType: 'PRODUCTION', requestRemoteSendsB3: true, latency: { graphql: { jitterMs: 5 } } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ environmentType: 'PRODUCTION', requestRemoteSendsB3: true });
    expect(sandbox.knobs().environmentType).toBe('PRODUCTION');
    const config = (await (await fetch(`${sandbox.siteOrigin}/__sandbox/config.json`)).json()) as Record<string, any>;
    expect(config).toMatchObject({
      siteOrigin: sandbox.siteOrigin,
      cdnOrigin: sandbox.cdnOrigin,
      remoteOrigin: sandbox.remoteOrigin,
      remotes: { 'remote-a': sandbox.remoteOrigin },
      knobs: { environmentType: 'PRODUCTION', requestRemoteSendsB3: true, fitRenewBeforeExpiryMs: 5000, requestRemoteFrom: 'host', latency: { graphql: { ms: 0, jitterMs: 5 } } },
    });
    expect(config.cdnOrigin).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await postKnobs({ bogus: true })).status).toBe(400);
    expect((await postKnobs({ requestRemoteFrom: 'elsewhere' })).status).toBe(400);
    expect(((await (await fetch(`${sandbox.siteOrigin}/__sandbox/knobs`)).json()) as { environmentType: string }).environmentType).toBe('PRODUCTION');
    const reset = await fetch(`${sandbox.siteOrigin}/__sandbox/knobs`, { method: 'DELETE' });
    expect(((await reset.json()) as { environmentType: string }).environmentType).toBe('DEVELOPMENT');
  });

  it('add per-hop latency', async () => {
    sandbox.setKnobs({ latency: { graphql: { ms: 150 }, remote: { ms: 200 } } });
    let t0 = Date.now();
    await invoke(sandbox, 'resolver-panel', { functionKey: 'getText' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
    t0 = Date.now();
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(345);
    expect(r.metrics!.appTimeMs).toBeGreaterThanOrEqual(195);
    sandbox.setKnobs({ latency: { product: { ms: 120 }, fct: { ms: 120 } } });
    t0 = Date.now();
    await fetch(`${sandbox.siteOrigin}/rest/api/3/myself`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
    t0 = Date.now();
    await fetch(`${sandbox.siteOrigin}/rest/internal/2/forge/context/token`, { method: 'POST', body: JSON.stringify({ moduleKey: 'issue-panel' }) });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
  });
});

describe('fault knobs', () => {
  it('remote401 for the next N requests', async () => {
    sandbox.setKnobs({ faults: { remote401: 1 } });
    const first = await invokeRemoteCall(sandbox, '/tasks');
    expect(first.errors![0]!.message).toBe('Remote could not verify the Forge Invocation Token');
    expect(sandbox.knobs().faults.remote401).toBe(0);
    const second = await invokeRemoteCall(sandbox, '/tasks');
    expect(second.success).toBe(true);
    expect(sandbox.remoteLog().map((e) => [e.fault, e.status])).toEqual([
      ['remote401', 401],
      [undefined, 200],
    ]);
  });

  it('remote500 always (a JSON body, so invokeRemote resolves with the error)', async () => {
    sandbox.setKnobs({ faults: { remote500: 'always' } });
    for (let i = 0; i < 3; i++) {
      const r = await invokeRemoteCall(sandbox, '/tasks');
      expect(r.response!.body).toMatchObject({ success: false, error: { status: 500 } });
    }
    const fit = await sandbox.platform.mintFit();
    expect((await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}` } })).status).toBe(500);
    expect(sandbox.knobs().faults.remote500).toBe('always');
  });

  it('remoteHang makes invokeRemote time out', async () => {
    sandbox.setKnobs({ remoteTimeoutMs: 250, faults: { remoteHang: 1 } });
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(r.errors![0]!.message).toBe('Remote invocation timed out after 0.25 seconds');
    expect(sandbox.remoteLog()[0]).toMatchObject({ fault: 'remoteHang' });
    expect(sandbox.remoteLog()[0]!.status).toBeUndefined();
    expect((await invokeRemoteCall(sandbox, '/tasks')).success).toBe(true);
  });

  it('remoteDrop destroys the connection', async () => {
    sandbox.setKnobs({ faults: { remoteDrop: 2 } });
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(r.success).toBe(false);
    expect(r.errors![0]!.message).toMatch(/^Invalid response from remote - /);
    const fit = await sandbox.platform.mintFit();
    await expect(fetch(`${sandbox.remoteOrigin}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}` } })).rejects.toThrow();
    expect(sandbox.remoteLog().map((e) => e.fault)).toEqual(['remoteDrop', 'remoteDrop']);
  });

  it('expiredFit: the platform mints expired FITs, which the remote refuses', async () => {
    sandbox.setKnobs({ faults: { expiredFit: 2 } });
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(r.errors![0]!.message).toBe('Remote could not verify the Forge Invocation Token');
    const fit = await requestRemoteFit(sandbox);
    expect(Number(fit.expiresAt)).toBeLessThan(Date.now());
    expect((await fetch(`${fit.baseUrl}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}` } })).status).toBe(401);
    expect(sandbox.remoteLog().map((e) => e.fit.code)).toEqual(['ERR_JWT_EXPIRED', 'ERR_JWT_EXPIRED']);
    expect((await invokeRemoteCall(sandbox, '/tasks')).success).toBe(true);
  });

  it('tamperedFit: the platform mints FITs with altered signatures, which the remote refuses', async () => {
    sandbox.setKnobs({ faults: { tamperedFit: 'always' } });
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(r.errors![0]!.message).toBe('Remote could not verify the Forge Invocation Token');
    const fit = await requestRemoteFit(sandbox);
    expect((await fetch(`${fit.baseUrl}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}` } })).status).toBe(401);
    expect(sandbox.remoteLog().map((e) => e.fit.code)).toEqual(['ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
  });
});
