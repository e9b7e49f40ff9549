import { describe, expect, it } from 'vitest';
import { REDACTED, REDACTED_SIGNATURE } from '../../../src/redact';
import { newPass } from '../../../src/redact/pass';
import { redactString } from '../../../src/redact/walk';
import { jwt } from '../network/fixtures';

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as unknown;

describe("a JWT's claims in text", () => {
  it('lose a secret under a sensitive name or in a known format, and keep the rest, the header and the shape', () => {
    const token = jwt({ sub: 'acct-1', password: 'hunter2-hunter2', note: `key ${'ghp_' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2'}` });
    const out = redactString(`Bearer ${token}`, newPass());
    const redacted = out.slice('Bearer '.length);
    expect(redacted.split('.')[0]).toBe(token.split('.')[0]);
    expect(redacted.split('.')[2]).toBe(REDACTED_SIGNATURE);
    expect(claimsOf(redacted)).toEqual({ sub: 'acct-1', password: REDACTED, note: `key ${REDACTED}` });
  });

  it('are read for the first 2,000 distinct tokens of a pass; past that, a payload goes whole and no secret stays', () => {
    const secret = (i: number) => `claimSecret${i}xyzxyz`;
    const tokens = Array.from({ length: 2_100 }, (_, i) => jwt({ sub: `u${i}`, apiKey: secret(i) }));
    const out = redactString(tokens.join(' '), newPass()).split(' ');
    expect(out).toHaveLength(2_100);
    expect(claimsOf(out[0]!)).toEqual({ sub: 'u0', apiKey: REDACTED });
    expect(claimsOf(out[1_999]!)).toEqual({ sub: 'u1999', apiKey: REDACTED });
    expect(claimsOf(out[2_000]!)).toBe(REDACTED);
    for (const [i, token] of out.entries()) expect(Buffer.from(token.split('.')[1]!, 'base64url').toString().includes(secret(i)), `token ${i}`).toBe(false);
  });

  it('of a token seen again are not read again, and do not count toward the bound', () => {
    const same = jwt({ sub: 'same', scope: 'read:jira-work' });
    const pass = newPass();
    const out = redactString(Array.from({ length: 3_000 }, () => same).join(' '), pass).split(' ');
    expect(pass.claimsRead).toBe(1);
    expect(claimsOf(out[2_999]!)).toEqual({ sub: 'same', scope: 'read:jira-work' });
  });
});
