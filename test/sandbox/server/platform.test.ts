import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, APP_ID, APP_VERSION, ENVIRONMENT_ID, INSTALLATION_ID } from '../app-manifest';
import type { Sandbox } from '../index';
import { invokeRemoteCall, requestRemoteFit, startSandboxForFile } from './test-support';

let sandbox: Sandbox;
startSandboxForFile((started) => (sandbox = started));
beforeEach(() => {
  sandbox.resetKnobs();
  sandbox.clearRemoteLog();
});

describe('platform keys and JWKS', () => {
  it('serves the FIT public key at the cdn /.well-known/jwks.json', async () => {
    const res = await fetch(sandbox.jwksUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const jwks = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    const key = jwks.keys[0]!;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: sandbox.platform.kid });
    expect(String(key.kid)).toMatch(/^forge\/invocation-token\/wf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(key.d).toBeUndefined(); // no private parts
    // RSA 2048
    expect(Buffer.from(String(key.n), 'base64url').length).toBe(256);
    // A minted FIT verifies against exactly what was served.
    const fit = await sandbox.platform.mintFit();
    await expect(jwtVerify(fit.jwt, createLocalJWKSet(jwks as never), { issuer: 'forge/invocation-token', audience: APP_ID })).resolves.toBeTruthy();
  });
});

describe('FIT minting', () => {
  it('has the header and claims of forge-facts §3', async () => {
    const { jwt, expiresAt } = await sandbox.platform.mintFit({ kind: 'invokeRemote', moduleKey: 'issue-panel' });
    const header = decodeProtectedHeader(jwt);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBe(sandbox.platform.kid);
    expect(header.kid!.startsWith('forge/invocation-token/wf-')).toBe(true);
    const c = decodeJwt(jwt) as Record<string, any>;
    expect(c.iss).toBe('forge/invocation-token');
    expect(c.aud).toBe(APP_ID);
    expect(c.exp - c.iat).toBe(25);
    expect(c.nbf).toBe(c.iat);
    expect(Math.abs(c.iat - Date.now() / 1000)).toBeLessThan(3);
    expect(expiresAt).toBe(c.exp * 1000);
    expect(c.jti).toMatch(/^[0-9a-f]{40}$/);
    expect(c.principal).toBe(ACCOUNT_ID);
    expect(c.app).toMatchObject({
      installationId: INSTALLATION_ID,
      id: APP_ID,
      appVersion: APP_VERSION,
      environment: { type: 'DEVELOPMENT', id: ENVIRONMENT_ID },
      module: { type: 'jira:issuePanel', key: 'issue-panel' },
      installation: { id: INSTALLATION_ID },
    });
    expect(c.app.apiBaseUrl).toMatch(/^https:\/\/api\.atlassian\.com\/ex\/jira\/[0-9a-f-]{36}$/);
    // As the docs' 2026 example (facts §8.3): the product's name, its API base URL and cloudId.
    expect(c.app.installation.contexts[0]).toEqual({ name: 'jira', apiBaseUrl: c.app.apiBaseUrl, cloudId: c.context.cloudId });
    expect(c.app.version).toBeUndefined();
    expect(c.app.license).toBeUndefined(); // not PRODUCTION
    expect(c.context).toMatchObject({ moduleKey: 'issue-panel', siteUrl: sandbox.siteOrigin, environmentType: 'DEVELOPMENT', extension: { type: 'jira:issuePanel' } });
  });

  it('puts app.license on PRODUCTION invokeRemote FITs only, never on requestRemote FITs', async () => {
    sandbox.setKnobs({ environmentType: 'PRODUCTION' });
    const invokeFit = decodeJwt((await sandbox.platform.mintFit({ kind: 'invokeRemote' })).jwt) as Record<string, any>;
    expect(invokeFit.app.environment.type).toBe('PRODUCTION');
    // The docs' 2026 licence (facts §8.3): active, not the deprecated isActive; modes; supportEntitlementNumber null.
    expect(invokeFit.app.license).toMatchObject({ active: true, type: expect.any(String), modes: ['USER_ACCESS'], supportEntitlementNumber: null });
    expect(invokeFit.app.license).not.toHaveProperty('isActive');
    const requestFit = decodeJwt((await sandbox.platform.mintFit({ kind: 'requestRemote' })).jwt) as Record<string, any>;
    expect(requestFit.app.license).toBeUndefined();
    // The FIT from signInvocationTokenForUI (the real requestRemote path) has none either.
    const viaGraphql = decodeJwt((await requestRemoteFit(sandbox)).jwt) as Record<string, any>;
    expect(viaGraphql.app.environment.type).toBe('PRODUCTION');
    expect(viaGraphql.app.license).toBeUndefined();
    // And the FIT the platform sends on invokeRemote carries it.
    await invokeRemoteCall(sandbox, '/tasks');
    const sent = sandbox.remoteLog().at(-1)!;
    expect((sent.fit.claims as any).app.license).toBeDefined();
  });

  it('uses the macro module type for a Confluence macro and the site apiBaseUrl when asked', async () => {
    sandbox.setKnobs({ apiBaseUrl: 'site' });
    const c = decodeJwt((await sandbox.platform.mintFit({ moduleKey: 'macro' })).jwt) as Record<string, any>;
    expect(c.app.module).toEqual({ type: 'xen:macro', key: 'macro' });
    expect(c.app.apiBaseUrl).toBe(`${sandbox.siteOrigin}/ex/confluence/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f`);
    // The site serves product REST under that base URL.
    const res = await fetch(`${c.app.apiBaseUrl}/wiki/rest/api/content`);
    expect(res.status).toBe(200);
  });

  it('follows the lifetime and clock-skew knobs', async () => {
    sandbox.setKnobs({ fitLifetimeSec: 60, clockSkewSec: -120 });
    const c = decodeJwt((await sandbox.platform.mintFit()).jwt) as Record<string, number>;
    expect(c.exp! - c.iat!).toBe(60);
    const expected = Math.floor(Date.now() / 1000) - 120;
    expect(Math.abs(c.iat! - expected)).toBeLessThanOrEqual(2);
    expect(c.nbf).toBe(c.iat);
  });

  it('skew also shifts FITs minted by signInvocationTokenForUI and FCTs', async () => {
    sandbox.setKnobs({ clockSkewSec: 3600 });
    const fit = await requestRemoteFit(sandbox);
    const c = decodeJwt(fit.jwt) as Record<string, number>;
    expect(c.iat! - Date.now() / 1000).toBeGreaterThan(3590);
    expect(fit.expiresAt).toBe(String(c.exp! * 1000));
    const fct = await sandbox.platform.mintFct({ moduleKey: 'issue-panel' });
    expect((fct.claims.iat as number) - Date.now() / 1000).toBeGreaterThan(3590);
  });

  it('can mint expired and tampered FITs', async () => {
    const expired = decodeJwt((await sandbox.platform.mintFit({}, { expired: true })).jwt);
    expect(expired.exp!).toBeLessThan(Date.now() / 1000 - 30);
    const good = await sandbox.platform.mintFit();
    const tampered = (await sandbox.platform.mintFit({}, { tampered: true })).jwt;
    const [h, p, s] = tampered.split('.');
    expect(h && p).toBeTruthy();
    expect(Buffer.from(s!, 'base64url').length).toBe(256);
    expect(s).not.toBe(good.jwt.split('.')[2]);
    expect(decodeJwt(tampered).iss).toBe('forge/invocation-token'); // still decodes
  });
});

describe('FCT minting', () => {
  it('serves { extensionId, token, expiresAt, expiresIn } with the chosen claims', async () => {
    const before = Date.now();
    const res = await fetch(`${sandbox.siteOrigin}/rest/internal/2/forge/context/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensionId: 'ari:cloud:ecosystem::extension/x/y/static/macro', moduleKey: 'macro', localId: 'L1' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { extensionId: string; token: string; expiresAt: number; expiresIn: number };
    expect(body.extensionId).toBe('ari:cloud:ecosystem::extension/x/y/static/macro');
    expect(body.expiresIn).toBe(900);
    expect(body.expiresAt).toBeGreaterThanOrEqual(before + 899_000);
    expect(decodeProtectedHeader(body.token)).toMatchObject({ alg: 'RS256', kid: expect.stringMatching(/^forge\/context-token\//) });
    const c = decodeJwt(body.token) as Record<string, any>;
    // The real FCT's claims (facts §8.2): aud "forge", top-level accountId, appId, contextIds, extensionId, extensionType, unlicensed.
    expect(c).toMatchObject({ iss: 'forge/context-token', aud: 'forge', accountId: ACCOUNT_ID, appId: APP_ID, appVersion: expect.any(String), extensionId: expect.stringMatching(/^ari:cloud:ecosystem::extension\/.*\/static\/macro$/), extensionType: 'xen:macro', unlicensed: false, jti: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(c.contextIds).toEqual([expect.stringMatching(/^ari:cloud:confluence::site\//)]);
    expect(c).not.toHaveProperty('principal');
    expect(c.context).toMatchObject({ moduleKey: 'macro', localId: 'L1', extension: { type: 'xen:macro' } });
    expect(c.exp - c.iat).toBe(900);
  });

  it('refuses an unknown extension', async () => {
    const res = await fetch(`${sandbox.siteOrigin}/rest/internal/2/forge/context/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensionId: 'nope', moduleKey: 'nope' }),
    });
    expect(res.status).toBe(404);
  });
});
