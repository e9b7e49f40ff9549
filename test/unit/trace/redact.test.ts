import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/tokens';
import { previewRedaction, REDACTED_SIGNATURE, redactTrace, toHar } from '../../../src/trace';
import { plantedTrace, SECRETS } from './fixtures';

/** Every way the exports could spell a value. */
function encodings(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
}

describe('redaction (on by default)', () => {
  it('removes every planted secret from the JSON trace and its HAR, in every encoding', () => {
    const trace = plantedTrace();
    const before = JSON.stringify(trace);
    // The fixture really carries them (the test can fail).
    for (const secret of Object.values(SECRETS)) expect(before.includes(secret) || before.includes(Buffer.from(JSON.stringify({ token: SECRETS.bodySecret, note: 'keep me' })).toString('base64'))).toBe(true);
    const redacted = redactTrace(trace);
    for (const text of [JSON.stringify(redacted), JSON.stringify(toHar(redacted))]) {
      for (const secret of Object.values(SECRETS)) {
        for (const form of encodings(secret)) expect(text.includes(form), `${secret} as ${form}`).toBe(false);
      }
    }
  });

  it('keeps what a reader needs: token claims, non-secret payload and query values', () => {
    const redacted = redactTrace(plantedTrace());
    const token = redacted.tokens.find((t) => t.id === 'f'.repeat(40))!;
    expect(token.jwt.endsWith(`.${REDACTED_SIGNATURE}`)).toBe(true);
    expect(decodeJwt(token.jwt)).toMatchObject({ ok: true, claims: { iss: 'forge/invocation-token', jti: 'f'.repeat(40) } });
    const text = JSON.stringify(redacted);
    expect(text).toContain('keep me');
    expect(text).toContain('page=2');
    const base64 = redacted.network.find((e) => e.responseBodyEncoding === 'base64')!;
    expect(JSON.parse(Buffer.from(base64.responseBody!, 'base64').toString())).toEqual({ token: '[redacted]', note: 'keep me' });
    const auth = redacted.network.find((e) => e.category === 'product')!.requestHeaders[0]!;
    expect(auth).toEqual({ name: 'Authorization', value: 'Basic [redacted]' });
  });

  it('counts what it removes by kind, before saving, and leaves the input untouched', () => {
    const trace = plantedTrace();
    const before = JSON.stringify(trace);
    const counts = previewRedaction(trace);
    // Two FITs: the one the mint returned and the planted one the request carried.
    expect(counts).toMatchObject({ jwtSignatures: 2, oauthTokens: 2, cookies: 2, authorization: 1 });
    expect(counts.sensitiveKeys).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(trace)).toBe(before);
    expect(redactTrace(trace, { keys: [] }).redaction!.counts.sensitiveKeys).toBe(0);
  });
});
