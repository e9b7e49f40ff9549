import { describe, expect, it } from 'vitest';
import { grouped, kb, ms, plural } from '../../../src/insights/words';
import { random } from '../ui/randomSession';

describe('numbers in findings', () => {
  it('grouped gives what toLocaleString("en-US") gives, for integers of every length, negatives, -0 and non-integers', () => {
    const rand = random(5);
    const numbers = [0, -0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, 0.5, 1234.5678, -0.0004, Number.NaN, Infinity, -Infinity];
    for (let n = 0; n < 5_000; n++) {
      const digits = 1 + Math.floor(rand() * 16);
      const v = Math.floor(rand() * 10 ** digits) * (rand() < 0.2 ? -1 : 1);
      numbers.push(rand() < 0.1 ? v + rand() : v);
    }
    for (const v of numbers) expect(grouped(v), String(v)).toBe(v.toLocaleString('en-US'));
  });

  it('plural, ms and kb write grouped numbers', () => {
    expect(plural(1, 'call')).toBe('1 call');
    expect(plural(12_345, 'call')).toBe('12,345 calls');
    expect(ms(1234.4)).toBe('1,234 ms');
    expect(ms(12_345)).toBe('12.3 s');
    expect(kb(5_000_000)).toBe('4.77 MB');
    expect(kb(2_048_000)).toBe('1.95 MB');
    expect(kb(1_000_000)).toBe('977 KB');
  });
});
