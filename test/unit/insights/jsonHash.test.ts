import { describe, expect, it } from 'vitest';
import { jsonHash, UNSURE } from '../../../src/insights/jsonHash';
import { repeatedCalls } from '../../../src/insights/repeatedCalls';
import type { InsightInput } from '../../../src/insights/types';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { call } from '../network/fixtures';
import { random } from '../ui/randomSession';
import { repeatedCalls as repeatedCallsBefore } from './before/repeatedCalls';

/** Random JSON data from a small alphabet, so that equal JSON comes up often; numbers include -0, NaN, fractions. */
function randomValue(rand: () => number, depth = 0): SnapshotValue {
  const r = rand();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (depth > 2 || r < 0.45) return pick<SnapshotValue>(['a', 'b', '', 'x'.repeat(200), 'x'.repeat(199) + 'y', 1, 2, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 0.5, 1e21, 2 ** 33, null, true, false]);
  if (r < 0.7) return Array.from({ length: Math.floor(rand() * 3) }, () => randomValue(rand, depth + 1));
  const out: Record<string, SnapshotValue> = {};
  for (const key of ['k', '1', 'a', 'k']) if (rand() < 0.5) out[key] = randomValue(rand, depth + 1);
  return out;
}

describe('jsonHash', () => {
  it('gives equal hashes to values with equal JSON, and tells most others apart', () => {
    const rand = random(7);
    const values = Array.from({ length: 3000 }, () => randomValue(rand));
    const byJson = new Map<string, number>();
    const byHash = new Map<number, Set<string>>();
    let equalPairs = 0;
    for (const value of values) {
      const json = JSON.stringify(value);
      const hash = jsonHash(value);
      expect(hash).not.toBe(UNSURE);
      if (byJson.has(json)) {
        equalPairs++;
        expect(hash, json).toBe(byJson.get(json));
      } else byJson.set(json, hash);
      byHash.set(hash, (byHash.get(hash) ?? new Set()).add(json));
    }
    expect(equalPairs).toBeGreaterThan(500);
    // Few distinct JSON texts share a hash.
    expect(byJson.size - byHash.size).toBeLessThan(byJson.size / 100);
  });

  it('reads the seed, order and long strings', () => {
    expect(jsonHash({ a: 1 }, 'invoke')).not.toBe(jsonHash({ a: 1 }, 'getContext'));
    expect(jsonHash({ a: 1, b: 2 })).not.toBe(jsonHash({ b: 2, a: 1 }));
    expect(jsonHash(['x'.repeat(1000) + 'a'])).not.toBe(jsonHash(['x'.repeat(1000) + 'b']));
    expect(jsonHash(-0)).toBe(jsonHash(0));
    expect(jsonHash([Number.NaN])).toBe(jsonHash([null]));
  });

  it('is unsure of what JSON.stringify leaves out, converts or calls', () => {
    const withToJson = Object.assign([1], { toJSON: () => 'x' });
    for (const odd of [undefined, { a: undefined }, [() => 1], new Date(0), { toJSON: () => 1 }, 1n, Symbol('s'), new Map(), [, 1], withToJson]) expect(jsonHash(odd)).toBe(UNSURE);
  });
});

describe('repeated-call with requests the hash is unsure of', () => {
  it('finds what the JSON-only rule finds', () => {
    const odd: unknown[] = [{ a: undefined, b: 1 }, { b: 1 }, new Date(0), '1970-01-01T00:00:00.000Z', { q: 'x' }];
    const rand = random(3);
    let found = 0;
    for (let seed = 0; seed < 20; seed++) {
      let t = 1_800_000_000_000;
      const calls = Array.from({ length: 60 }, () => {
        t += Math.floor(rand() * 400);
        const request = (rand() < 0.2 ? odd[Math.floor(rand() * odd.length)] : randomValue(rand)) as SnapshotValue;
        return call(rand() < 0.7 ? 'invoke' : 'getContext', request, t, t + 5);
      });
      const input: InsightInput = { calls, frames: [], network: [], matches: [], tokenWarnings: [], renewals: [] };
      const now = repeatedCalls.run(input);
      expect(now, `seed ${seed}`).toEqual(repeatedCallsBefore.run(input));
      found += now.length;
    }
    expect(found).toBeGreaterThan(20);
  });
});
