import { describe, expect, it } from 'vitest';
import { harTime } from '../../../src/network/harTime';
import { random } from '../ui/randomSession';

describe('harTime', () => {
  it('writes what toISOString writes, for times in order and out of order, fractions of a millisecond included', () => {
    const rand = random(3);
    let t = 1_800_000_000_000;
    for (let i = 0; i < 20_000; i++) {
      t += rand() < 0.9 ? rand() * 5 : rand() * 1e7;
      const ms = rand() < 0.05 ? rand() * 4e12 : t;
      expect(harTime(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('writes the epoch for an unknown time, and a far-future time as toISOString does without throwing', () => {
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(harTime(ms)).toBe('1970-01-01T00:00:00.000Z');
    expect(harTime(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
    expect(harTime(1e16)).toBe('1970-01-01T00:00:00.000Z');
  });
});
