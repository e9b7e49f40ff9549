import { describe, expect, it } from 'vitest';
import { meaningOf } from '../../../src/tokens/claimMeanings';

describe('claim meanings', () => {
  it('gives a FIT and an FCT their own meaning of the same claim name, over the shared table', () => {
    expect(meaningOf('aud', 'FIT')).not.toBe('');
    expect(meaningOf('aud', 'FCT')).not.toBe('');
    expect(meaningOf('aud', 'FIT')).not.toBe(meaningOf('aud', 'FCT'));
    expect(meaningOf('jti', 'FCT')).toBe(meaningOf('jti', 'FIT'));
    expect(meaningOf('jti', 'FIT')).toMatch(/Token id/);
  });

  it('reads array entries by their generic path and falls back to the nearest documented parent', () => {
    expect(meaningOf('context.extension.issue.key', 'FIT')).toBe(meaningOf('context.extension', 'FIT'));
    expect(meaningOf('context.extension', 'FIT')).not.toBe('');
  });

  it('gives no meaning to names an object would inherit, from a token anyone can write', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'context.constructor.name', 'valueOf']) {
      for (const type of ['FIT', 'FCT', 'JWT'] as const) expect(typeof meaningOf(key, type), `${type} ${key}`).toBe('string');
    }
    expect(meaningOf('constructor', 'FIT')).toBe('');
    expect(meaningOf('__proto__', 'JWT')).toBe('');
  });
});
