import { describe, expect, it } from 'vitest';
import { newPass } from '../../../src/redact/pass';
import { redactValue } from '../../../src/redact/walk';

const GITHUB_A = 'ghp_' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2';
const GITHUB_B = 'ghp_' + 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8';
const NPM = 'npm_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5';

describe('credentials used as object keys', () => {
  it('redacts the key name itself, keeps the values and the order, and numbers names that collide', () => {
    const value = { cache: { [GITHUB_A]: { user: 'ann' }, [GITHUB_B]: { user: 'bob' }, [`prefix ${NPM}`]: 1, aPerfectlyOrdinaryLongPropertyName: 'kept' } };
    const out = redactValue(value, newPass()) as { cache: Record<string, unknown> };
    const text = JSON.stringify(out);
    for (const secret of [GITHUB_A, GITHUB_B, NPM]) expect(text).not.toContain(secret);
    const keys = Object.keys(out.cache);
    expect(keys).toHaveLength(4);
    expect(keys[3]).toBe('aPerfectlyOrdinaryLongPropertyName');
    expect(new Set(keys).size).toBe(4);
    expect(keys[1]).toBe(`${keys[0]} #2`);
    expect(Object.values(out.cache).slice(0, 2)).toEqual([{ user: 'ann' }, { user: 'bob' }]);
    expect(out.cache.aPerfectlyOrdinaryLongPropertyName).toBe('kept');
  });

  it('leaves an object without credential keys as it came (no copy)', () => {
    const value = { someLongButHarmlessPropertyNameHere: { issueKey: 'SBX-1' } };
    expect(redactValue(value, newPass())).toBe(value);
  });
});
