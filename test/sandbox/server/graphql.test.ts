import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../index';
import { gql, invoke, invokeRemoteCall, requestRemoteFit, startSandboxForFile } from './test-support';

let sandbox: Sandbox;
startSandboxForFile((started) => (sandbox = started));
beforeEach(() => {
  sandbox.resetKnobs();
  sandbox.clearRemoteLog();
});

const resolver = (functionKey: string, payload?: unknown) => invoke(sandbox, 'resolver-panel', { functionKey, payload });

describe('forge_ui_invokeExtension: resolvers', () => {
  it('runs getText, getIssues and echo in-process, with metrics and a fresh FCT', async () => {
    const text = await resolver('getText');
    expect(text.success).toBe(true);
    expect(typeof text.response!.body).toBe('string');
    expect(text.errors).toBeNull();
    expect(text.metrics).toMatchObject({ appTimeMs: expect.any(Number), appRuntimeType: expect.any(String) });
    expect(Number(text.contextToken!.expiresAt)).toBeGreaterThan(Date.now());
    expect(typeof text.contextToken!.expiresAt).toBe('string');
    expect(decodeJwt(text.contextToken!.jwt)).toMatchObject({ iss: 'forge/context-token', context: { moduleKey: 'resolver-panel' } });

    const issues = await resolver('getIssues');
    expect(Array.isArray(issues.response!.body)).toBe(true);
    expect((issues.response!.body as unknown[]).length).toBeGreaterThan(0);

    const payload = { a: 1, nested: { b: [true, null, 'x'] } };
    expect((await resolver('echo', payload)).response!.body).toEqual(payload);
  });

  it('also accepts the operation name useInvokeExtensionRelayMutation', async () => {
    const r = await invoke(sandbox, 'resolver-panel', { functionKey: 'echo', payload: { relay: true } }, { operationName: 'useInvokeExtensionRelayMutation' });
    expect(r.response!.body).toEqual({ relay: true });
  });

  it('reports a failing resolver as success:false with errors', async () => {
    const r = await resolver('fail', { message: 'boom' });
    expect(r.success).toBe(false);
    expect(r.response).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.message).toBe('There was an error invoking the function - boom');
    expect(r.errors![0]!.extensions.statusCode).toBe(500);
    const unknown = await resolver('nope');
    expect(unknown.errors![0]!.message).toContain("Resolver has no definition for 'nope'.");
  });

  it('measures appTimeMs of a slow resolver', async () => {
    const r = await resolver('slow', { ms: 200 });
    expect(r.success).toBe(true);
    expect(r.metrics!.appTimeMs).toBeGreaterThanOrEqual(195);
    expect(r.metrics!.appTimeMs).toBeLessThan(2000);
  });

  it('returns big payloads, and refuses responses over 5 MB and requests over 500 KB', async () => {
    const big = await resolver('big', { kb: 300 });
    expect(((big.response!.body as { data: string }).data).length).toBe(300 * 1024);
    const tooBig = await resolver('big', { kb: 5200 });
    expect(tooBig.success).toBe(false);
    expect(tooBig.errors![0]!.message).toMatch(/5 MB/);
    const tooLarge = await resolver('echo', { data: 'x'.repeat(600 * 1024) });
    expect(tooLarge.success).toBe(false);
    expect(tooLarge.errors![0]!.message).toMatch(/500 KB/);
  });

  it('validates the contextToken: a valid FCT is accepted, an expired one is an error', async () => {
    const ok = await sandbox.platform.mintFct({ moduleKey: 'resolver-panel' });
    expect((await invoke(sandbox, 'resolver-panel', { functionKey: 'getText' }, { contextToken: ok.jwt })).success).toBe(true);

    sandbox.setKnobs({ fctLifetimeSec: 1, clockSkewSec: -60 });
    const expired = await sandbox.platform.mintFct({ moduleKey: 'resolver-panel' });
    sandbox.setKnobs({ clockSkewSec: 0 });
    const r = await invoke(sandbox, 'resolver-panel', { functionKey: 'getText' }, { contextToken: expired.jwt });
    expect(r.success).toBe(false);
    expect(r.errors![0]!.extensions).toEqual({ errorType: 'CONTEXT_TOKEN_EXPIRED', statusCode: 401 });

    const garbage = await invoke(sandbox, 'resolver-panel', { functionKey: 'getText' }, { contextToken: 'not.a.jwt' });
    expect(garbage.errors![0]!.extensions.errorType).toBe('CONTEXT_TOKEN_INVALID');
    const otherModule = await invoke(sandbox, 'resolver-panel', { functionKey: 'getText' }, { contextToken: (await sandbox.platform.mintFct({ moduleKey: 'macro' })).jwt });
    expect(otherModule.success).toBe(false);
  });

  it("runs a module's remote resolver (resolver.endpoint) for invoke(functionKey), with the remote runtime's metrics", async () => {
    const issues = await invoke(sandbox, 'issue-panel', { functionKey: 'getIssues' });
    expect(issues.success).toBe(true);
    expect((issues.response!.body as unknown[]).length).toBeGreaterThan(0);
    expect(issues.metrics).toMatchObject({ appRuntimeType: 'remote' });
    expect((await resolver('getText')).metrics).toMatchObject({ appRuntimeType: 'nodejs' });
    const unknown = await invoke(sandbox, 'issue-panel', { functionKey: 'noSuchFunction' });
    expect(unknown.success).toBe(false);
    expect(unknown.errors![0]!.message).toContain("Resolver has no definition for 'noSuchFunction'");
  });

  it('refuses an unknown extension and unknown operations', async () => {
    const out = await gql(sandbox, 'forge_ui_invokeExtension', { input: { extensionId: 'nope', payload: { call: { functionKey: 'getText' }, context: {} } } });
    expect((out.data!.invokeExtension as { errors: { extensions: { statusCode: number } }[] }).errors[0]!.extensions.statusCode).toBe(404);
    const res = await fetch(`${sandbox.siteOrigin}/gateway/api/graphql`, { method: 'POST', body: JSON.stringify({ operationName: 'Other', query: 'query Other { me }' }) });
    expect(res.status).toBe(400);
  });
});

describe('forge_ui_invokeExtension: invokeRemote (ui-remote-fetch)', () => {
  type Bridge = { success: boolean; payload?: { status: number; headers: Record<string, string[]>; body: any }; error?: { status: number; headers: Record<string, string[]>; body: any } };
  const bridge = (r: { response: { body: unknown } | null }) => r.response!.body as Bridge;

  it('calls the remote server-side with a FIT, b3 ids, the endpoint auth tokens, the caller headers and the JSON body', async () => {
    const r = await invokeRemoteCall(sandbox, '/tasks/?team=Forge', { method: 'POST', headers: { 'x-header-key': 'x-header-value', authorization: 'Bearer evil' }, body: { title: 'Write docs' } });
    expect(r.success).toBe(true);
    expect(bridge(r)).toMatchObject({ success: true, payload: { status: 201, body: { task: { title: 'Write docs', team: 'Forge' } } } });
    expect(bridge(r).payload!.headers['content-type']).toEqual(['application/json; charset=utf-8']);
    expect(r.metrics!.appTimeMs).toEqual(expect.any(Number));
    expect(decodeJwt(r.contextToken!.jwt).iss).toBe('forge/context-token');

    const [entry] = sandbox.remoteLog();
    expect(entry).toBeDefined();
    const h = entry!.headers;
    expect(entry!.fit.verified).toBe(true);
    expect(h.authorization).not.toBe('Bearer evil');
    expect(h['x-b3-traceid']).toMatch(/^[0-9a-f]{32}$/);
    expect(h['x-b3-spanid']).toMatch(/^[0-9a-f]{16}$/);
    // remote-endpoint: auth { appSystemToken: true, appUserToken: true }
    expect(h['x-forge-oauth-system']).toMatch(/^\S{20,}$/);
    expect(h['x-forge-oauth-user']).toMatch(/^\S{20,}$/);
    expect(h['x-forge-oauth-system']).not.toBe(h['x-forge-oauth-user']);
    expect(h['x-header-key']).toBe('x-header-value');
    expect(h['content-type']).toBe('application/json');
    expect(entry!.bodySize).toBe(JSON.stringify({ title: 'Write docs' }).length);
    const claims = entry!.fit.claims as any;
    expect(claims.app.module).toEqual({ type: 'jira:issuePanel', key: 'issue-panel' });
    expect(claims.context).toMatchObject({ moduleKey: 'issue-panel', localId: 'local-issue-panel' });
  });

  it('a direct request with a FIT from signInvocationTokenForUI carries no oauth tokens', async () => {
    const fit = await requestRemoteFit(sandbox);
    expect(fit.baseUrl).toBe(sandbox.remoteOrigin);
    // A string of epoch milliseconds (facts §8.1).
    expect(fit.expiresAt).toBe(String((decodeJwt(fit.jwt).exp as number) * 1000));
    const res = await fetch(`${fit.baseUrl}/tasks`, { headers: { authorization: `Bearer ${fit.jwt}`, origin: sandbox.siteOrigin } });
    expect(res.status).toBe(200);
    const [entry] = sandbox.remoteLog();
    expect(entry!.headers['x-forge-oauth-system']).toBeUndefined();
    expect(entry!.headers['x-forge-oauth-user']).toBeUndefined();
    expect(entry!.via).toBe('requestRemote');
  });

  it('signInvocationTokenForUI refuses an unknown remote and an expired FCT', async () => {
    const fct = await sandbox.platform.mintFct({ moduleKey: 'issue-panel' });
    const unknown = await gql(sandbox, 'signInvocationTokenForUI', { input: { forgeContextToken: fct.jwt, remoteKey: 'nope' } });
    expect(unknown.data!.signInvocationTokenForUI).toMatchObject({ success: false, forgeInvocationToken: null });
    sandbox.setKnobs({ clockSkewSec: -2000 });
    const old = await sandbox.platform.mintFct({ moduleKey: 'issue-panel' });
    sandbox.setKnobs({ clockSkewSec: 0 });
    const expired = await gql(sandbox, 'signInvocationTokenForUI', { input: { forgeContextToken: old.jwt, remoteKey: 'remote-a' } });
    expect(expired.data!.signInvocationTokenForUI).toMatchObject({ success: false, errors: [{ extensions: { errorType: 'CONTEXT_TOKEN_EXPIRED' } }] });
  });

  it('maps 200 to payload with header arrays and parsed JSON; text bodies stay text', async () => {
    const r = await invokeRemoteCall(sandbox, '/tasks');
    expect(bridge(r).success).toBe(true);
    expect(bridge(r).payload!.status).toBe(200);
    expect(Array.isArray(bridge(r).payload!.body.tasks)).toBe(true);
    expect(bridge(r).payload!.headers['x-total-count']).toEqual([String(bridge(r).payload!.body.tasks.length)]);
    const text = await invokeRemoteCall(sandbox, '/text');
    expect(bridge(text).payload!.body).toMatch(/^Plain text/);
  });

  it('maps a 404 with a JSON body to success:false with error { status, headers, body }', async () => {
    const r = await invokeRemoteCall(sandbox, '/status/404');
    expect(r.success).toBe(true);
    expect(bridge(r)).toEqual({ success: false, error: { status: 404, headers: expect.any(Object), body: { status: 404, message: 'Not Found' } } });
  });

  it('rejects a 500 without a body, and a non-2xx with a non-JSON content type', async () => {
    const r = await invokeRemoteCall(sandbox, '/status/500?body=none');
    expect(r.success).toBe(false);
    expect(r.response).toBeNull();
    expect(r.errors![0]!.message).toMatch(/^Invalid response from remote - /);
    const text = await invokeRemoteCall(sandbox, '/status/404?type=text');
    expect(text.success).toBe(false);
    expect(text.errors![0]!.message).toMatch(/^Invalid response from remote - /);
  });

  it('turns a 401 into "Remote could not verify the Forge Invocation Token"', async () => {
    const r = await invokeRemoteCall(sandbox, '/status/401');
    expect(r.success).toBe(false);
    expect(r.errors![0]!.message).toBe('Remote could not verify the Forge Invocation Token');
    expect(r.errors![0]!.extensions.statusCode).toBe(401);
  });

  it('treats a 3xx as an error', async () => {
    const r = await invokeRemoteCall(sandbox, '/status/302');
    expect(r.success).toBe(false);
    expect(r.errors![0]!.message).toMatch(/redirect/i);
    expect(sandbox.remoteLog().map((e) => e.path)).toEqual(['/status/302']); // not followed
  });

  it('times out after remoteTimeoutMs with the documented message', async () => {
    sandbox.setKnobs({ remoteTimeoutMs: 300 });
    const t0 = Date.now();
    const r = await invokeRemoteCall(sandbox, '/slow?ms=3000');
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(r.success).toBe(false);
    expect(r.errors![0]!.message).toBe('Remote invocation timed out after 0.3 seconds');
    expect(r.metrics!.appTimeMs).toBeGreaterThanOrEqual(290);
  });

  it('the default timeout message says 25 seconds', async () => {
    expect(sandbox.knobs().remoteTimeoutMs).toBe(25_000);
  });

  it('refuses request bodies over 500 KB and responses over 5 MB', async () => {
    const big = await invokeRemoteCall(sandbox, '/tasks', { method: 'POST', body: { data: 'x'.repeat(510 * 1024) } });
    expect(big.success).toBe(false);
    expect(big.errors![0]!.message).toMatch(/500 KB/);
    expect(sandbox.remoteLog()).toHaveLength(0); // never sent
    const huge = await invokeRemoteCall(sandbox, '/download?kb=6000');
    expect(huge.success).toBe(false);
    expect(huge.errors![0]!.message).toMatch(/5 MB/);
    const fine = await invokeRemoteCall(sandbox, '/download?kb=4000');
    expect(fine.success).toBe(true);
  });

  it('measures appTimeMs as the remote time', async () => {
    const r = await invokeRemoteCall(sandbox, '/slow?ms=250');
    expect(r.metrics!.appTimeMs).toBeGreaterThanOrEqual(245);
  });

  it('refuses invokeRemote from a module without an endpoint', async () => {
    const r = await invoke(sandbox, 'resolver-panel', { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' });
    expect(r.success).toBe(false);
    expect(sandbox.remoteLog()).toHaveLength(0);
  });
});
