import { describe, expect, it } from 'vitest';
import { ITEMS_PER_PART, jsonParts } from '../../../src/trace/jsonParts';
import { random } from '../ui/randomSession';

/** Values JSON.stringify treats specially, mixed into random trees. */
function randomValue(rand: () => number, depth: number): unknown {
  const leaves: (() => unknown)[] = [
    () => Math.floor(rand() * 1e6) / 7,
    () => 'text "quoted" \\ \n\u2028 ✓ \ud83d\ude00',
    () => '\ud800 lone surrogate',
    () => null,
    () => undefined,
    () => true,
    () => Number.NaN,
    () => -0,
    () => Number.POSITIVE_INFINITY,
    () => () => 1,
    () => new Date(1_800_000_000_000),
    () => ({ toJSON: (key: string) => `toJSON of ${key}` }),
    () => '',
  ];
  if (depth <= 0 || rand() < 0.3) return leaves[Math.floor(rand() * leaves.length)]!();
  const n = Math.floor(rand() * 5);
  if (rand() < 0.5) return Array.from({ length: n }, () => randomValue(rand, depth - 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) out[rand() < 0.1 ? `"k${i}"\n` : `k${i}`] = randomValue(rand, depth - 1);
  return out;
}

describe('jsonParts', () => {
  it('joins to exactly JSON.stringify on random trees, at every split depth', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const value = randomValue(random(seed), 5);
      for (const depth of [0, 1, 2, 4, 8]) expect(jsonParts(value, depth).join(''), `seed ${seed} depth ${depth}`).toBe(JSON.stringify(value) ?? '');
    }
  });

  it('a trace written in parts parses to the same object, its calls a slice of them per part', () => {
    const calls = Array.from({ length: 2.5 * ITEMS_PER_PART }, (_, i) => ({ id: `1:doc#${i}`, request: { value: { password: 'x', n: i } }, response: undefined, startedAt: 1_800_000_000_000.25 + i }));
    const trace = { format: 'forge-bridge-trace', version: 2, calls, network: [], redaction: null, browser: undefined };
    const parts = jsonParts(trace);
    expect(parts.join('')).toBe(JSON.stringify(trace));
    expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(JSON.stringify(trace)));
    // The calls take three parts, not one per call nor one for all.
    expect(parts.length).toBeLessThan(20);
    expect(parts.filter((p) => p.includes('1:doc#'))).toHaveLength(3);
  });

  it('long arrays at the last level: slices join to the whole, holes and oddities included; toJSON items keep their index as key', () => {
    for (const length of [ITEMS_PER_PART - 1, ITEMS_PER_PART, ITEMS_PER_PART + 1, 2 * ITEMS_PER_PART, 3 * ITEMS_PER_PART + 7]) {
      const plain: unknown[] = Array.from({ length }, (_, i) => (i % 97 === 0 ? undefined : i % 89 === 0 ? () => i : { i, s: `"${i}"` }));
      delete plain[5];
      expect(jsonParts({ a: plain }, 2).join(''), `length ${length}`).toBe(JSON.stringify({ a: plain }));
      const withToJson = [...plain.slice(0, -1), { toJSON: (key: string) => `key ${key}` }];
      expect(jsonParts(withToJson, 1).join('')).toBe(JSON.stringify(withToJson));
    }
  });

  it('writes what JSON.stringify writes for top-level oddities', () => {
    for (const v of [null, 1, 'x', [undefined, () => 0], { a: undefined }, [], {}, new Date(0)]) expect(jsonParts(v).join('')).toBe(JSON.stringify(v));
    expect(jsonParts(undefined)).toEqual([]);
  });
});
