import { describe, expect, it, vi } from 'vitest';
import type { TokenRecord } from '../../../src/protocol';
import { createJwksCache, momentOfUse, recordedVerdicts, signingInput, withRecordedVerdicts } from '../../../src/tokens';
import { redactTrace } from '../../../src/trace';
import { plantedTrace } from '../trace/fixtures';
import { T0 } from './fixtures';
import { keyPair, signFit } from './keys';

const TRUSTED = 'http://localhost:4000/.well-known/jwks.json';
const LATER = (T0 + 120) * 1000; // two minutes after issue: every 25 s FIT has expired by now

function record(jwt: string, uses: TokenRecord['uses'], firstSeenAt = T0 * 1000): TokenRecord {
  return { id: `h:${jwt.length}`, type: 'FIT', jwt, header: {}, claims: {}, iat: T0, nbf: T0, exp: T0 + 25, reportedExpiresAt: null, firstSeenAt, lastUsedAt: firstSeenAt, uses };
}

async function setup() {
  const { privateKey, jwks } = await keyPair();
  const fetchJwks = vi.fn(async (url: string): Promise<unknown> => {
    if (url === TRUSTED) return jwks;
    throw new Error('offline');
  });
  const options = { fetchJwks, trustedJwksUrls: [TRUSTED], cache: createJwksCache({ now: () => LATER }), now: () => LATER };
  return { privateKey, fetchJwks, options };
}

describe('tokens judged at the moment of use, and the verdict kept for a redacted trace', () => {
  it('takes the first time the token was sent to a remote as its moment of use', () => {
    const t = record('a.b.c', [{ at: 5, source: 'graphql-fit' }, { at: 9, source: 'authorization-header' }, { at: 12, source: 'authorization-header' }], 1);
    expect(momentOfUse(t)).toBe(9);
    expect(momentOfUse(record('a.b.c', [{ at: 5, source: 'graphql-fit' }], 1))).toBe(5);
    expect(momentOfUse(record('a.b.c', [], 1))).toBe(1);
  });

  it('calls a FIT valid when it was sent 3 s after issue, though it has long expired now', async () => {
    const { privateKey, options } = await setup();
    const jwt = await signFit(privateKey, { iat: T0 });
    const [judged] = await withRecordedVerdicts([record(jwt, [{ at: (T0 + 3) * 1000, source: 'authorization-header' }])], options);
    expect(judged!.verification).toMatchObject({ status: 'verified', jwksUrl: TRUSTED, checkedAt: (T0 + 3) * 1000, recordedAt: LATER, checks: { lifetime: 'ok' } });
  });

  it('calls a FIT invalid (expired) when it was already expired when sent', async () => {
    const { privateKey, options } = await setup();
    const jwt = await signFit(privateKey, { iat: T0 });
    const [judged] = await withRecordedVerdicts([record(jwt, [{ at: (T0 + 85.9) * 1000, source: 'authorization-header' }])], options);
    expect(judged!.verification).toMatchObject({ status: 'invalid', checks: { lifetime: 'expired' }, checkedAt: (T0 + 85.9) * 1000 });
  });

  it('says not verified, and why, when no key set answers; never fetches a URL the token names', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const jwt = await signFit(privateKey, { iat: T0, extraHeader: { jku: 'https://attacker.example/jwks.json', x5u: 'https://attacker.example/x5u' } });
    const [judged] = await withRecordedVerdicts([record(jwt, [{ at: (T0 + 3) * 1000, source: 'authorization-header' }])], { ...options, trustedJwksUrls: [] });
    expect(judged!.verification).toMatchObject({ status: 'not-verified', reason: expect.stringContaining('unreachable (offline)') });
    expect(fetchJwks.mock.calls.map((c) => c[0]).some((u) => String(u).includes('attacker'))).toBe(false);
  });

  it('leaves a token whose signature redaction already removed without a made-up verdict', async () => {
    const { privateKey, fetchJwks, options } = await setup();
    const jwt = signingInput(await signFit(privateKey, { iat: T0 })) + '.REDACTED-SIGNATURE';
    const [judged] = await withRecordedVerdicts([record(jwt, [])], options);
    expect(judged!.verification).toBeUndefined();
    expect(fetchJwks).not.toHaveBeenCalled();
  });

  it('keeps the verdict through redaction, findable by header and claims once the signature is gone', async () => {
    const { privateKey, options } = await setup();
    const jwt = await signFit(privateKey, { iat: T0 });
    const trace = plantedTrace();
    const tokens = await withRecordedVerdicts([record(jwt, [{ at: (T0 + 3) * 1000, source: 'authorization-header' }])], options);
    const redacted = redactTrace({ ...trace, tokens });
    const token = redacted.tokens[0]!;
    expect(token.jwt).not.toBe(jwt);
    expect(token.jwt.endsWith('.REDACTED-SIGNATURE')).toBe(true);
    expect(token.verification?.status).toBe('verified');
    expect(recordedVerdicts(redacted.tokens).get(signingInput(token.jwt))?.status).toBe('verified');
  });
});
