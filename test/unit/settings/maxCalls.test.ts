import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/protocol/limits';
import { parseMaxCalls, readMaxCalls } from '../../../src/settings/maxCalls';

describe('the per-tab bound on calls (a setting)', () => {
  it('takes whole numbers in range, with thousands separators', () => {
    expect(parseMaxCalls('50000')).toEqual({ ok: true, value: 50_000 });
    expect(parseMaxCalls(' 25,000 ')).toEqual({ ok: true, value: 25_000 });
    expect(parseMaxCalls('1 000')).toEqual({ ok: true, value: 1000 });
    expect(parseMaxCalls(String(LIMITS.minMaxCallsPerTab))).toEqual({ ok: true, value: LIMITS.minMaxCallsPerTab });
    expect(parseMaxCalls(String(LIMITS.maxMaxCallsPerTab))).toEqual({ ok: true, value: LIMITS.maxMaxCallsPerTab });
  });

  it('refuses what is not a whole number in range, saying the range', () => {
    for (const bad of ['', 'lots', '-5', '1e6', '12.5', '0x100', String(LIMITS.minMaxCallsPerTab - 1), String(LIMITS.maxMaxCallsPerTab + 1), '9'.repeat(30)]) {
      const result = parseMaxCalls(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.reason).toContain('1,000,000');
    }
  });

  it('reads the stored value back, or the default for anything a bad write left there', () => {
    expect(readMaxCalls(20_000)).toBe(20_000);
    for (const stored of [undefined, null, '20000', 0, -1, 1.5, Number.NaN, LIMITS.maxMaxCallsPerTab + 1, { value: 5 }]) expect(readMaxCalls(stored)).toBe(LIMITS.defaultMaxCallsPerTab);
  });
});
