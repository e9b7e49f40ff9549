import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../src/transport/backoff';

describe('reconnectDelay', () => {
  it('doubles from 50 ms up to a 2 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 10_000].map((n) => reconnectDelay(n))).toEqual([50, 100, 200, 400, 800, 1600, 2000, 2000, 2000, 2000]);
  });

  it('treats nonsense attempts as the first', () => {
    expect([-1, NaN, Infinity].map((n) => reconnectDelay(n))).toEqual([50, 50, 50]);
  });

  it('follows a given policy, with an optional spread into [delay/2, delay]', () => {
    expect(reconnectDelay(3, { baseMs: 10, capMs: 1000 })).toBe(80);
    expect(reconnectDelay(2, { baseMs: 100, capMs: 1000, random: () => 0 })).toBe(200);
    expect(reconnectDelay(2, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(300);
    expect(reconnectDelay(9, { baseMs: 100, capMs: 1000, random: () => 0.999 })).toBeCloseTo(999.5, 5);
  });
});
