import { describe, expect, it } from 'vitest';
import { decodeJwt, findJwts, tokenHash, tokenTypeOf } from '../../../src/tokens';
import { fct, fit, jwt, T0 } from './fixtures';

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('decodeJwt', () => {
  it('reads header and claims, also from a Bearer value with spaces around it', () => {
    const token = fit(T0);
    expect(decodeJwt(`  Bearer ${token} `)).toEqual({ ok: true, header: { alg: 'RS256', kid: 'forge/invocation-token/wf-1' }, claims: expect.objectContaining({ iss: 'forge/invocation-token', iat: T0, exp: T0 + 25 }) });
  });

  it('names what is wrong instead of throwing, and never repeats the token', () => {
    expect(decodeJwt('abc')).toEqual({ ok: false, error: expect.stringContaining('three dot-separated parts') });
    const notJson = `${part({ alg: 'RS256' })}.bm90IGpzb24.sig`;
    const result = decodeJwt(notJson);
    expect(result.ok).toBe(false);
    // The header decodes, the claims do not: "claims unreadable" with the header, not "not a JWT" (forge-facts §8.2).
    expect(result).toMatchObject({ ok: false, header: { alg: 'RS256' }, error: expect.stringMatching(/^claims unreadable/) });
    const badHeader = decodeJwt(`bm90IGpzb24.${part({ iss: 'x' })}.sig`);
    expect(badHeader).toEqual({ ok: false, error: expect.stringMatching(/^Not a readable JWT/) });
    expect(!result.ok && result.error).not.toContain(notJson);
    expect(decodeJwt(42 as unknown as string)).toEqual({ ok: false, error: expect.any(String) });
  });
});

describe('findJwts', () => {
  it('finds each distinct JWT in a body, with alg none too, and skips what only looks like one', () => {
    const a = fit(T0);
    const b = fct(T0);
    const none = `${part({ alg: 'none' })}.${part({ sub: 'x' })}.`;
    const noAlg = `${part({ typ: 'JWT' })}.${part({ sub: 'x' })}.c2ln`;
    const body = JSON.stringify({ first: a, again: a, second: { jwt: b }, none, noAlg, dotted: 'eyJnot.eyJreally.x' });
    expect(findJwts(body)).toEqual([a, b, none]);
  });

  it('does not take a piece of a longer base64url run or of a five-part JWE', () => {
    const a = fit(T0);
    expect(findJwts(`xyz${a}`)).toEqual([]);
    expect(findJwts(`${a}.more.parts`)).toEqual([]);
    expect(findJwts(`Bearer ${a}`)).toEqual([a]);
    expect(findJwts(`the token ${a}. Next sentence`)).toEqual([a]);
    expect(findJwts(null)).toEqual([]);
  });
});

describe('tokenTypeOf', () => {
  const fitKid = { alg: 'RS256', kid: 'forge/invocation-token/wf-1' };
  const fctKid = { alg: 'RS256', kid: 'forge/context-token/ct-1' };
  const plain = { alg: 'RS256' };

  it('FIT by issuer, or by kid when there is no issuer; not when another issuer is claimed', () => {
    expect(tokenTypeOf(plain, { iss: 'forge/invocation-token' })).toBe('FIT');
    expect(tokenTypeOf(fitKid, {})).toBe('FIT');
    expect(tokenTypeOf(fitKid, { iss: 'someone-else' })).toBe('JWT');
  });

  it('FCT by issuer, kid, or by having travelled as a GraphQL contextToken; a FIT issuer wins', () => {
    expect(tokenTypeOf(plain, { iss: 'forge/context-token' })).toBe('FCT');
    expect(tokenTypeOf(fctKid, { iss: 'unknown' })).toBe('FCT');
    expect(tokenTypeOf(plain, { iss: 'unknown' }, 'graphql-fct')).toBe('FCT');
    expect(tokenTypeOf(plain, { iss: 'unknown' }, 'graphql-request')).toBe('FCT');
    expect(tokenTypeOf(plain, { iss: 'unknown' }, 'authorization-header')).toBe('JWT');
    expect(tokenTypeOf(plain, { iss: 'forge/invocation-token' }, 'graphql-fct')).toBe('FIT');
  });

  it('still reads claims alone (the older one-argument form)', () => {
    expect(tokenTypeOf({ iss: 'forge/invocation-token' })).toBe('FIT');
    expect(tokenTypeOf({ iss: 'auth0' })).toBe('JWT');
  });
});

describe('tokenHash', () => {
  it('is the 64-bit FNV-1a of the text, as h:<16 hex>', () => {
    // Reference values of FNV-1a 64 (offset basis, "a", "foobar").
    expect(tokenHash('')).toBe('h:cbf29ce484222325');
    expect(tokenHash('a')).toBe('h:af63dc4c8601ec8c');
    expect(tokenHash('foobar')).toBe('h:85944171f73967e8');
  });

  it('tells apart tokens that differ only in the signature', () => {
    const token = jwt({ jti: 'same' });
    expect(tokenHash(token)).not.toBe(tokenHash(`${token.slice(0, -1)}A`));
    expect(tokenHash(token.split('.').join('.'))).toBe(tokenHash(token));
  });
});
