import { describe, expect, it, vi } from 'vitest';
import { createJwksCache, JWKS_PRODUCTION, JWKS_STAGING, jwksUrlFor, verifyToken, type VerifyOptions } from '../../../src/tokens';
import { APP_ID, T0 } from './fixtures';
import { keyPair, signFit } from './keys';

const TRUSTED = 'http://localhost:4000/.well-known/jwks.json';
const NOW = (T0 + 3) * 1000;

/** A key pair whose JWKS is served at `servedAt` (the trusted URL unless told); every other URL is offline. */
async function setup(servedAt: string = TRUSTED) {
  const { privateKey, jwks } = await keyPair();
  const fetchJwks = vi.fn(async (url: string): Promise<unknown> => {
    if (url === servedAt) return jwks;
    throw new Error('offline');
  });
  const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ fetchJwks, trustedJwksUrls: [TRUSTED], expectedAudience: APP_ID, now: NOW, cache: createJwksCache({ now: () => NOW }), ...extra });
  return { privateKey, jwks, fetchJwks, options };
}

const fetched = (fetchJwks: ReturnType<typeof vi.fn>) => fetchJwks.mock.calls.map((c) => c[0]);
const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('verifyToken: good and bad FITs', () => {
  it('verifies a good FIT with the first key set that has its kid, trying the environment one first', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const result = await verifyToken(await signFit(privateKey, { iat: T0 }), options({ trustedJwksUrls: [TRUSTED, 'https://later.example/jwks.json'] }));
    expect(result).toEqual({ status: 'verified', reason: `signature valid (${TRUSTED}); the audience is this app`, jwksUrl: TRUSTED, checks: { signature: 'ok', issuer: 'ok', audience: 'ok', lifetime: 'ok' }, checkedAt: NOW });
    expect(fetched(fetchJwks)).toEqual([JWKS_PRODUCTION, TRUSTED]);
  });

  it('says invalid for a tampered payload, naming the signature', async () => {
    const { privateKey, options } = await setup();
    const [h, p, sig] = (await signFit(privateKey, { iat: T0 })).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.principal = 'someone-else';
    const result = await verifyToken(`${h}.${part(claims)}.${sig}`, options());
    expect(result).toMatchObject({ status: 'invalid', reason: expect.stringContaining('the signature does not match'), jwksUrl: TRUSTED, checks: { signature: 'failed', issuer: 'skipped', audience: 'skipped', lifetime: 'skipped' } });
  });

  it('says invalid when expired beyond the tolerance, and verified within it', async () => {
    const { privateKey, options } = await setup();
    const token = await signFit(privateKey, { iat: T0 });
    const expired = await verifyToken(token, options({ now: (T0 + 60) * 1000 }));
    expect(expired).toMatchObject({ status: 'invalid', reason: `invalid: expired at ${new Date((T0 + 25) * 1000).toISOString()}, 35.0 s before the check (5 s tolerance)`, checks: { signature: 'ok', issuer: 'ok', audience: 'ok', lifetime: 'expired' } });
    expect(await verifyToken(token, options({ now: (T0 + 29) * 1000 }))).toMatchObject({ status: 'verified' });
    expect(await verifyToken(token, options({ now: (T0 + 29) * 1000, clockToleranceSec: 0 }))).toMatchObject({ status: 'invalid', checks: { lifetime: 'expired' } });
  });

  it('says invalid for a token not valid yet', async () => {
    const { privateKey, options } = await setup();
    const result = await verifyToken(await signFit(privateKey, { iat: T0 + 10 }), options());
    expect(result).toMatchObject({ status: 'invalid', reason: expect.stringContaining('7.0 s after the check'), checks: { lifetime: 'not-yet-valid' } });
  });

  it('says invalid for the wrong audience, and does not check aud when no app is expected', async () => {
    const { privateKey, options } = await setup();
    const other = await signFit(privateKey, { iat: T0, aud: 'ari:cloud:ecosystem::app/other' });
    expect(await verifyToken(other, options())).toMatchObject({
      status: 'invalid',
      reason: `invalid: audience "ari:cloud:ecosystem::app/other" is not this app (${APP_ID})`,
      checks: { signature: 'ok', issuer: 'ok', audience: 'failed', lifetime: 'skipped' },
    });
    expect(await verifyToken(other, options({ expectedAudience: null }))).toMatchObject({ status: 'verified', checks: { audience: 'skipped' } });
  });

  it('holds a token signed with a FIT key to the FIT issuer, and requires the claims every FIT has', async () => {
    const { privateKey, options } = await setup();
    const wrongIssuer = await signFit(privateKey, { iat: T0, iss: 'forge/other' });
    expect(await verifyToken(wrongIssuer, options())).toMatchObject({ status: 'invalid', reason: 'invalid: issuer "forge/other" is not forge/invocation-token', checks: { issuer: 'failed', audience: 'skipped' } });
    const noJti = await signFit(privateKey, { iat: T0, jti: null });
    expect(await verifyToken(noJti, options())).toMatchObject({ status: 'invalid', reason: 'invalid: the token has no jti claim, which Forge remotes require' });
  });
});

describe('verifyToken: where keys come from', () => {
  it('says not verified (never invalid) for an unknown kid, naming each key set asked', async () => {
    const { privateKey, options } = await setup();
    const result = await verifyToken(await signFit(privateKey, { iat: T0, kid: 'forge/invocation-token/other' }), options());
    expect(result).toEqual({
      status: 'not-verified',
      reason: `not verified: ${JWKS_PRODUCTION} unreachable (offline); no key forge/invocation-token/other in ${TRUSTED}`,
      jwksUrl: null,
      checks: { signature: 'skipped', issuer: 'skipped', audience: 'skipped', lifetime: 'skipped' },
      checkedAt: NOW,
    });
  });

  it('says not verified when offline', async () => {
    const { privateKey, options } = await setup('nowhere');
    const result = await verifyToken(await signFit(privateKey, { iat: T0 }), options());
    expect(result).toMatchObject({ status: 'not-verified', reason: `not verified: ${JWKS_PRODUCTION} unreachable (offline); ${TRUSTED} unreachable (offline)` });
  });

  it('says not verified when the key with that kid cannot check an RS256 token', async () => {
    const { privateKey, jwks, options } = await setup();
    jwks.keys[0]!.alg = 'RS512';
    const result = await verifyToken(await signFit(privateKey, { iat: T0 }), options());
    expect(result.status).toBe('not-verified');
    expect(result.reason).toMatch(new RegExp(`^not verified: the key in ${TRUSTED} cannot check this token`));
  });

  it('never fetches a key URL the token names (jku, x5u) nor uses an embedded certificate (x5c)', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const jku = 'https://attacker.example/jwks.json';
    const token = await signFit(privateKey, { iat: T0, kid: 'attacker-key', extraHeader: { jku, x5u: 'https://attacker.example/cert.pem', x5c: ['MIIB'] } });
    const result = await verifyToken(token, options());
    expect(fetchJwks).not.toHaveBeenCalledWith(jku);
    expect(fetched(fetchJwks).every((url) => !url.includes('attacker.example'))).toBe(true);
    expect(fetched(fetchJwks)).toEqual([JWKS_PRODUCTION, TRUSTED]);
    expect(result.status).toBe('not-verified');
  });

  it('refuses alg none and HS256 without fetching any key', async () => {
    const { fetchJwks, options } = await setup();
    const claims = part({ iss: 'forge/invocation-token', aud: APP_ID, iat: T0, exp: T0 + 25 });
    const none = await verifyToken(`${part({ alg: 'none' })}.${claims}.`, options());
    expect(none).toMatchObject({ status: 'invalid', reason: 'invalid: algorithm none is not accepted (Forge tokens are signed with RS256)', checks: { signature: 'failed' } });
    const hs = await verifyToken(`${part({ alg: 'HS256', kid: 'forge/invocation-token/wf-test' })}.${claims}.c2ln`, options());
    expect(hs).toMatchObject({ status: 'invalid', reason: expect.stringContaining('algorithm HS256 is not accepted'), checks: { signature: 'failed' } });
    expect(fetchJwks).not.toHaveBeenCalled();
  });

  it('says invalid, without throwing, for what is not a JWT', async () => {
    const { options } = await setup();
    expect(await verifyToken('not a token', options())).toMatchObject({ status: 'invalid', reason: expect.stringContaining('three dot-separated parts') });
  });

  it('fetches a key set once for two verifications (cache hit)', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const shared = options();
    await verifyToken(await signFit(privateKey, { iat: T0 }), shared);
    await verifyToken(await signFit(privateKey, { iat: T0 + 1 }), shared);
    expect(fetched(fetchJwks)).toEqual([JWKS_PRODUCTION, TRUSTED]);
  });

  it("chooses the staging key set from the token's own app.apiBaseUrl", async () => {
    const { privateKey, fetchJwks, options } = await setup(JWKS_STAGING);
    const result = await verifyToken(await signFit(privateKey, { iat: T0, apiBaseUrl: 'https://api.stg.atlassian.com/ex/jira/c1' }), options());
    expect(result).toMatchObject({ status: 'verified', jwksUrl: JWKS_STAGING });
    expect(fetched(fetchJwks)).toEqual([JWKS_STAGING]);
  });
});

describe('jwksUrlFor', () => {
  it('is staging only for api.stg.atlassian.com, production otherwise (the app environment does not matter)', () => {
    expect(jwksUrlFor({ app: { apiBaseUrl: 'https://api.stg.atlassian.com/ex/confluence/c1' } })).toBe(JWKS_STAGING);
    expect(jwksUrlFor({ app: { apiBaseUrl: 'https://api.atlassian.com/ex/jira/c1', environment: { type: 'STAGING' } } })).toBe(JWKS_PRODUCTION);
    expect(jwksUrlFor({ app: { apiBaseUrl: 'https://api.stg.atlassian.com.attacker.example/' } })).toBe(JWKS_PRODUCTION);
    expect(jwksUrlFor({})).toBe(JWKS_PRODUCTION);
  });
});
