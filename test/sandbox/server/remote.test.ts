import { beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../index';
import { invokeRemoteCall, requestRemoteFit, startSandboxForFile } from './test-support';

let sandbox: Sandbox;
startSandboxForFile((started) => (sandbox = started));
beforeEach(() => {
  sandbox.resetKnobs();
  sandbox.clearRemoteLog();
});

const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe('remote FIT verification (jose, JWKS fetched from the cdn)', () => {
  it('accepts a valid FIT', async () => {
    const fit = await sandbox.platform.mintFit();
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer(fit.jwt) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tasks: unknown[] };
    expect(body.tasks.length).toBeGreaterThan(0);
    const entry = sandbox.remoteLog().at(-1)!;
    expect(entry.fit).toMatchObject({ present: true, verified: true });
    expect(entry.fit.claims?.jti).toBe(fit.claims.jti);
  });

  it('refuses a tampered FIT with 401 and the reason', async () => {
    const fit = await sandbox.platform.mintFit({}, { tampered: true });
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer(fit.jwt) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; reason: string; code: string };
    expect(body.error).toBe('invalid_fit');
    expect(body.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const entry = sandbox.remoteLog().at(-1)!;
    expect(entry.fit.verified).toBe(false);
    expect(entry.fit.claims?.iss).toBe('forge/invocation-token'); // decoded anyway, for the log
  });

  it('refuses an expired FIT with 401', async () => {
    const fit = await sandbox.platform.mintFit({}, { expired: true });
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer(fit.jwt) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('ERR_JWT_EXPIRED');
  });

  it('tolerates 5 s of clock skew but not more', async () => {
    sandbox.setKnobs({ clockSkewSec: 4 });
    expect((await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer((await sandbox.platform.mintFit()).jwt) })).status).toBe(200);
    sandbox.setKnobs({ clockSkewSec: 30 }); // nbf 30 s in the future
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer((await sandbox.platform.mintFit()).jwt) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a request without a FIT, and an FCT passed off as a FIT', async () => {
    const none = await fetch(`${sandbox.remoteOrigin}/tasks`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: string }).error).toBe('missing_fit');
    const fct = await sandbox.platform.mintFct({ moduleKey: 'issue-panel' });
    expect((await fetch(`${sandbox.remoteOrigin}/tasks`, { headers: bearer(fct.jwt) })).status).toBe(401);
  });
});

describe('remote CORS', () => {
  it('answers a preflight from the site origin', async () => {
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, {
      method: 'OPTIONS',
      headers: { origin: sandbox.siteOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(sandbox.siteOrigin);
    const allowHeaders = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-b3-traceid', 'x-b3-spanid']));
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(sandbox.remoteLog().at(-1)).toMatchObject({ method: 'OPTIONS', via: 'preflight', cors: 'allowed', status: 204 });
  });

  it('refuses a preflight from another origin', async () => {
    const res = await fetch(`${sandbox.remoteOrigin}/tasks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // The cdn origin too, unless requestRemote comes from the iframe.
    const fromCdn = await fetch(`${sandbox.remoteOrigin}/tasks`, { method: 'OPTIONS', headers: { origin: sandbox.cdnOrigin, 'access-control-request-method': 'GET' } });
    expect(fromCdn.status).toBe(403);
    sandbox.setKnobs({ requestRemoteFrom: 'iframe' });
    const fromCdn2 = await fetch(`${sandbox.remoteOrigin}/tasks`, { method: 'OPTIONS', headers: { origin: sandbox.cdnOrigin, 'access-control-request-method': 'GET' } });
    expect(fromCdn2.status).toBe(204);
    expect(fromCdn2.headers.get('access-control-allow-origin')).toBe(sandbox.cdnOrigin);
  });

  it('sets Access-Control-Allow-Origin on actual responses (even 401s) and exposes Date', async () => {
    const fit = await requestRemoteFit(sandbox);
    const res = await fetch(`${fit.baseUrl}/tasks`, { headers: { ...bearer(fit.jwt), origin: sandbox.siteOrigin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(sandbox.siteOrigin);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/\bdate\b/i);
    expect(res.headers.get('date')).toBeTruthy();
    const unauth = await fetch(`${fit.baseUrl}/tasks`, { headers: { origin: sandbox.siteOrigin } });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('access-control-allow-origin')).toBe(sandbox.siteOrigin);
    const other = await fetch(`${fit.baseUrl}/tasks`, { headers: { ...bearer(fit.jwt), origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('remote routes', () => {
  let jwt: string;
  beforeEach(async () => {
    jwt = (await sandbox.platform.mintFit({}, {})).jwt;
  });

  it('POST /tasks creates a task', async () => {
    const res = await fetch(`${sandbox.remoteOrigin}/tasks/?team=Forge`, {
      method: 'POST',
      headers: { ...bearer(jwt), 'content-type': 'application/json' },
      body: JSON.stringify({ taskName: 'My cool Forge task' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { task: { id: string; title: string; team: string } };
    expect(body.task).toMatchObject({ title: 'My cool Forge task', team: 'Forge' });
    const list = (await (await fetch(`${sandbox.remoteOrigin}/tasks?team=Forge`, { headers: bearer(jwt) })).json()) as { tasks: { id: string }[] };
    expect(list.tasks.map((t) => t.id)).toContain(body.task.id);
  });

  it('GET /slow waits, /text is text/plain, /status/{code} has JSON, empty and text variants', async () => {
    const t0 = Date.now();
    const slow = await fetch(`${sandbox.remoteOrigin}/slow?ms=150`, { headers: bearer(jwt) });
    expect(slow.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    const text = await fetch(`${sandbox.remoteOrigin}/text`, { headers: bearer(jwt) });
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    const s418 = await fetch(`${sandbox.remoteOrigin}/status/418`, { headers: bearer(jwt) });
    expect(s418.status).toBe(418);
    expect(await s418.json()).toEqual({ status: 418, message: "I'm a Teapot" });
    const none = await fetch(`${sandbox.remoteOrigin}/status/500?body=none`, { headers: bearer(jwt) });
    expect(none.status).toBe(500);
    expect(await none.text()).toBe('');
    const textStatus = await fetch(`${sandbox.remoteOrigin}/status/404?type=text`, { headers: bearer(jwt) });
    expect(textStatus.headers.get('content-type')).toMatch(/^text\/plain/);
    const redirect = await fetch(`${sandbox.remoteOrigin}/status/302`, { headers: bearer(jwt), redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/tasks');
  });

  it('POST /upload reports multipart form data', async () => {
    const form = new FormData();
    form.append('username', 'user-1');
    form.append('file', new Blob(['hello file'], { type: 'text/plain' }), 'testfile.txt');
    const res = await fetch(`${sandbox.remoteOrigin}/upload`, { method: 'POST', headers: bearer(jwt), body: form });
    expect(res.status).toBe(200);
    const { received } = (await res.json()) as { received: { format: string; fields: Record<string, string>; files: { field: string; name: string; type: string; size: number }[] } };
    expect(received.format).toBe('multipart');
    expect(received.fields).toEqual({ username: 'user-1' });
    expect(received.files).toEqual([expect.objectContaining({ field: 'file', name: 'testfile.txt', type: 'text/plain', size: 10 })]);
  });

  it('POST /upload reports the JSON-flattened FormData of requestRemote (file* keys as data URLs)', async () => {
    const flattened = {
      username: 'user-1',
      file: `data:text/plain;base64,${Buffer.from('hello file').toString('base64')}`,
      __fileName: 'testfile.txt',
      __fileType: 'text/plain',
      file2: Buffer.from([1, 2, 3]).toString('base64'),
      __file2Name: 'b.bin',
      __file2Type: 'application/octet-stream',
    };
    const res = await fetch(`${sandbox.remoteOrigin}/upload`, { method: 'POST', headers: { ...bearer(jwt), 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(flattened) });
    const { received } = (await res.json()) as { received: { format: string; fields: Record<string, string>; files: { field: string; name: string; size: number }[] } };
    expect(received.format).toBe('json-flattened');
    expect(received.fields).toEqual({ username: 'user-1' });
    expect(received.files.map((f) => [f.field, f.name, f.size])).toEqual([
      ['file', 'testfile.txt', 10],
      ['file2', 'b.bin', 3],
    ]);
  });

  it('GET /download is a binary attachment', async () => {
    const res = await fetch(`${sandbox.remoteOrigin}/download?kb=2`, { headers: bearer(jwt) });
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(2048);
    expect(bytes[255]).toBe(255);
  });

  it('unknown routes are 404 JSON', async () => {
    const res = await fetch(`${sandbox.remoteOrigin}/nope`, { headers: bearer(jwt) });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('remote log', () => {
  it('GET /__log lists requests with headers, body size, via and FIT result; DELETE clears it', async () => {
    const fit = await sandbox.platform.mintFit();
    await fetch(`${sandbox.remoteOrigin}/tasks`, { method: 'POST', headers: { ...bearer(fit.jwt), 'content-type': 'application/json' }, body: '{"title":"x"}' });
    const { entries } = (await (await fetch(`${sandbox.remoteOrigin}/__log`)).json()) as { entries: any[] };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: 'POST',
      path: '/tasks',
      bodySize: 13,
      via: 'unknown',
      status: 201,
      headers: { authorization: `Bearer ${fit.jwt}` },
      fit: { verified: true, claims: { jti: fit.claims.jti } },
    });
    expect((await fetch(`${sandbox.remoteOrigin}/__log`, { method: 'DELETE' })).status).toBe(204);
    expect(((await (await fetch(`${sandbox.remoteOrigin}/__log`)).json()) as { entries: unknown[] }).entries).toEqual([]);
    expect(sandbox.remoteLog()).toEqual([]);
  });

  it('tells invokeRemote (oauth headers) from requestRemote (Origin) apart', async () => {
    await invokeRemoteCall(sandbox, '/tasks');
    const fit = await requestRemoteFit(sandbox);
    await fetch(`${fit.baseUrl}/tasks`, { headers: { ...bearer(fit.jwt), origin: sandbox.siteOrigin } });
    expect(sandbox.remoteLog().map((e) => e.via)).toEqual(['invokeRemote', 'requestRemote']);
  });
});
