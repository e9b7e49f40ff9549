import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/network';
import { collectTokens, decodeJwt, explainClaims, findJwts, tokenHash, tokenTypeOf, tokenWarnings } from '../../../src/tokens';
import { call, entry, fitMint, jwt, requestRemote } from '../network/fixtures';

const T0 = 1_800_000_000;
const fit = (iat: number, extra: Record<string, unknown> = {}) =>
  jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', jti: `j${iat}`, iat, nbf: iat, exp: iat + 25, app: { id: 'a', environment: { type: 'DEVELOPMENT', id: 'env-1' } }, ...extra });

function sent(token: string, at: number, extra = {}) {
  return entry({ url: 'http://remote.test/tasks', category: 'forge-jwt', startedAt: at, requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }], ...extra });
}

describe('decode helpers', () => {
  it('decodes, finds JWTs in text, types them and hashes tokens without jti', () => {
    const token = fit(T0);
    expect(decodeJwt(`Bearer ${token}`)).toMatchObject({ ok: true, claims: { iss: 'forge/invocation-token' } });
    expect(decodeJwt('abc')).toEqual({ ok: false, error: expect.stringContaining('three dot-separated parts') });
    expect(findJwts(`{"a":"${token}","b":"eyJnotreally.eyJx.y"}`)).toEqual([token]);
    expect(tokenTypeOf({ iss: 'forge/invocation-token' })).toBe('FIT');
    expect(tokenTypeOf({ iss: 'unknown' }, 'graphql-fct')).toBe('FCT');
    expect(tokenTypeOf({ iss: 'auth0' })).toBe('JWT');
    expect(tokenHash('a.b.c')).toMatch(/^h:[0-9a-f]{16}$/);
    expect(tokenHash('a.b.c')).not.toBe(tokenHash('a.b.d'));
  });
});

describe('collectTokens', () => {
  it('records each FIT once with its mint and each request that carried it, linked to the calls', () => {
    const token = fit(T0);
    const mint = fitMint(T0 * 1000 + 10);
    mint.responseBody = JSON.stringify({ data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: token, expiresAt: (T0 + 25) * 1000 }, metadata: { baseUrl: 'http://remote.test' } } } });
    const c1 = call('fetchRemote', requestRemote('/tasks'), T0 * 1000, T0 * 1000 + 100);
    const c2 = call('fetchRemote', requestRemote('/tasks'), T0 * 1000 + 500, T0 * 1000 + 600);
    const network = [mint, sent(token, T0 * 1000 + 30), sent(token, T0 * 1000 + 510)];
    const tokens = collectTokens({ calls: [c1, c2], network, matches: correlate([c1, c2], network) });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ id: `j${T0}`, type: 'FIT', iat: T0, exp: T0 + 25, reportedExpiresAt: (T0 + 25) * 1000 });
    expect(tokens[0]!.uses.filter((u) => u.source === 'authorization-header').map((u) => u.callId)).toEqual([c1.id, c2.id]);
    expect(tokens[0]!.uses.some((u) => u.source === 'graphql-fit')).toBe(true);
  });

  it('skips a cut or foreign body without throwing', () => {
    const broken = fitMint(1);
    broken.responseBody = broken.responseBody!.slice(0, 40);
    expect(collectTokens({ calls: [], network: [broken], matches: [] })).toEqual(expect.any(Array));
  });
});

describe('tokenWarnings', () => {
  it('warns of a token used after expiry or with under 2 s left, and notes the missing licence calmly', () => {
    const token = fit(T0);
    const network = [sent(token, (T0 + 24) * 1000), sent(token, (T0 + 26.2) * 1000)];
    const tokens = collectTokens({ calls: [], network, matches: [] });
    const warnings = tokenWarnings({ tokens, network });
    expect(warnings.map((w) => [w.code, w.severity])).toEqual([
      ['near-expiry', 'warning'],
      ['expired-at-use', 'error'],
      ['no-license', 'info'],
    ]);
    expect(warnings[0]!.message).toContain('only 1.0 s left');
    expect(warnings[1]!.message).toContain('1.2 s after it expired');
    expect(warnings[2]!.message).toContain('expected for a requestRemote FIT');
  });

  it('warns of clock skew: iat against the browser at mint time, and the remote Date header', () => {
    const token = fit(T0 + 8);
    const mint = fitMint(T0 * 1000);
    mint.responseBody = JSON.stringify({ data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: token, expiresAt: 0 } } } });
    const remote = sent(token, (T0 + 9) * 1000, { durationMs: 10, responseHeaders: [{ name: 'Date', value: new Date((T0 - 10) * 1000).toUTCString() }] });
    const network = [mint, remote];
    const codes = tokenWarnings({ tokens: collectTokens({ calls: [], network, matches: [] }), network }).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['clock-skew-iat', 'clock-skew-date']));
  });

  it('warns when the audience or the environment changes between FITs, and when a renewal cost time', () => {
    const a = fit(T0);
    const b = fit(T0 + 30, { aud: 'ari:cloud:ecosystem::app/2', app: { id: 'a', environment: { type: 'PRODUCTION', id: 'env-2' }, license: { isActive: true } } });
    const network = [sent(a, T0 * 1000 + 100), sent(b, (T0 + 30) * 1000 + 100)];
    const tokens = collectTokens({ calls: [], network, matches: [] });
    const warnings = tokenWarnings({ tokens, network, renewals: [{ callId: 'c', tokenId: tokens[1]!.id, extraMs: 85 }] });
    expect(warnings.map((w) => w.code)).toEqual(['no-license', 'aud-changed', 'env-changed', 'renewal-cost']);
    expect(warnings.at(-1)!.message).toBe('The call waited 85 ms for a new FIT before its request went out.');
  });
});

describe('explainClaims', () => {
  it('groups claims with plain meanings and relative times', () => {
    const groups = explainClaims(decodeJwt(fit(T0)).ok ? (decodeJwt(fit(T0)) as { claims: Record<string, unknown> }).claims : {}, (T0 + 5) * 1000);
    expect(groups.map((g) => g.group)).toEqual(['Identity', 'Timing', 'App', 'Environment']);
    const exp = groups.find((g) => g.group === 'Timing')!.rows.find((r) => r.key === 'exp')!;
    expect(exp.value).toContain('in 20 s');
    expect(exp.meaning).toContain('25 s');
  });
});
