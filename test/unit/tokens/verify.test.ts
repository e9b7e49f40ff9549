import { describe, expect, it, vi } from 'vitest';
import { createJwksCache, JWKS_PRODUCTION, JWKS_STAGING, verifyToken } from '../../../src/tokens';
import { APP, keyPair, signFit } from './keys';

const SANDBOX = 'http://localhost:4000/.well-known/jwks.json';
const T0 = 1_800_000_000;

async function setup() {
  const { privateKey, jwks } = await keyPair();
  const fetchJwks = vi.fn(async (url: string) => {
    if (url === SANDBOX) return jwks;
    throw new Error('offline');
  });
  const options = (extra = {}) => ({ fetchJwks, trustedJwksUrls: [SANDBOX], expectedAudience: APP, now: (T0 + 3) * 1000, cache: createJwksCache({ now: () => 0 }), ...extra });
  return { privateKey, fetchJwks, options };
}

describe('verifyToken', () => {
  it('verifies a good FIT against a trusted key set after the environment one could not be fetched', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const result = await verifyToken(await signFit(privateKey, { iat: T0 }), options());
    expect(result).toMatchObject({ status: 'verified', jwksUrl: SANDBOX, checks: { signature: 'ok', issuer: 'ok', audience: 'ok', lifetime: 'ok' } });
    expect(fetchJwks.mock.calls.map((c) => c[0])).toEqual([JWKS_PRODUCTION, SANDBOX]);
  });

  it('says invalid for a tampered payload, an expired token and a wrong audience, naming which', async () => {
    const { privateKey, options } = await setup();
    const good = await signFit(privateKey, { iat: T0 });
    const [h, p, sig] = good.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.principal = 'someone-else';
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect(await verifyToken(tampered, options())).toMatchObject({ status: 'invalid', reason: expect.stringContaining('signature does not match'), checks: { signature: 'failed' } });
    expect(await verifyToken(good, options({ now: (T0 + 60) * 1000 }))).toMatchObject({ status: 'invalid', reason: expect.stringContaining('expired at'), checks: { lifetime: 'expired' } });
    expect(await verifyToken(good, options({ now: (T0 + 28) * 1000 }))).toMatchObject({ status: 'verified' });
    const other = await signFit(privateKey, { iat: T0, aud: 'ari:cloud:ecosystem::app/other' });
    expect(await verifyToken(other, options())).toMatchObject({ status: 'invalid', reason: expect.stringContaining('is not this app'), checks: { audience: 'failed' } });
  });

  it('says not verified (never invalid) for an unknown kid or when offline', async () => {
    const { privateKey, options } = await setup();
    const unknown = await signFit(privateKey, { iat: T0, kid: 'forge/invocation-token/other' });
    expect(await verifyToken(unknown, options())).toMatchObject({ status: 'not-verified', reason: expect.stringMatching(/^not verified: .*no key forge\/invocation-token\/other/) });
    const offline = await verifyToken(await signFit(privateKey, { iat: T0 }), options({ trustedJwksUrls: [] }));
    expect(offline).toMatchObject({ status: 'not-verified', reason: expect.stringContaining('unreachable (offline)') });
  });

  it('never fetches a key URL the token names (jku, x5u)', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const token = await signFit(privateKey, { iat: T0, extraHeader: { jku: 'https://evil.example/jwks.json', x5u: 'https://evil.example/cert' } });
    await verifyToken(token, options());
    expect(fetchJwks.mock.calls.map((c) => c[0])).not.toContain('https://evil.example/jwks.json');
    expect(fetchJwks.mock.calls.flat().join(' ')).not.toContain('evil.example');
  });

  it('refuses alg none and HS256', async () => {
    const { options } = await setup();
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${part({ alg: 'none' })}.${part({ iss: 'forge/invocation-token', aud: APP })}.`;
    expect(await verifyToken(none, options())).toMatchObject({ status: 'invalid', reason: expect.stringContaining('algorithm none is not accepted') });
    const hs = `${part({ alg: 'HS256', kid: 'k' })}.${part({ iss: 'forge/invocation-token' })}.c2ln`;
    expect(await verifyToken(hs, options())).toMatchObject({ status: 'invalid', checks: { signature: 'failed' } });
  });

  it('fetches a key set once for two verifications, and picks staging from app.apiBaseUrl', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const opts = options();
    await verifyToken(await signFit(privateKey, { iat: T0 }), opts);
    await verifyToken(await signFit(privateKey, { iat: T0 + 1 }), opts);
    expect(fetchJwks.mock.calls.filter((c) => c[0] === SANDBOX)).toHaveLength(1);
    fetchJwks.mockClear();
    await verifyToken(await signFit(privateKey, { iat: T0, apiBaseUrl: 'https://api.stg.atlassian.com/ex/jira/abc' }), options());
    expect(fetchJwks.mock.calls[0]![0]).toBe(JWKS_STAGING);
  });
});
