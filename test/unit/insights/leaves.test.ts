import { describe, expect, it } from 'vitest';
import { eachLeaf, NO_KEYS } from '../../../src/insights/leaves';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { random } from '../ui/randomSession';
import { leafStrings } from './before/leaves';

/** Nested objects and arrays of strings and numbers, some with more than the 500 leaves a walk reads. */
function randomValue(rand: () => number, depth: number): SnapshotValue {
  const r = rand();
  if (depth > 4 || r < 0.3) return rand() < 0.5 ? `s${Math.floor(rand() * 1000)}` : Math.floor(rand() * 100_000);
  const n = Math.floor(rand() * (depth === 0 && rand() < 0.15 ? 400 : 6));
  if (r < 0.6) return Array.from({ length: n }, () => randomValue(rand, depth + 1));
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, randomValue(rand, depth + 1)]));
}

describe('eachLeaf', () => {
  it('visits the leaves the walk that built an array of them gave, in its order, up to the same cut', () => {
    const rand = random(11);
    let cut = 0;
    for (let n = 0; n < 300; n++) {
      const value = randomValue(rand, 0);
      const seen: string[] = [];
      eachLeaf(value, NO_KEYS, (leaf) => {
        seen.push(String(leaf));
        return false;
      });
      expect(seen).toEqual(leafStrings(value));
      if (seen.length === 500) cut++;
    }
    expect(cut).toBeGreaterThan(3);
  });

  it('stops where the visit says, and a walk started inside a visit does not disturb the one under way', () => {
    const outer: SnapshotValue = { a: ['x1', { b: 'x2' }], c: 'x3', d: [1, 2, 3] };
    const inner: SnapshotValue = { p: ['y1', 'y2'], q: { r: 'y3' } };
    const seen: (string | number)[] = [];
    eachLeaf(outer, NO_KEYS, (leaf) => {
      seen.push(leaf);
      if (leaf === 'x3') eachLeaf(inner, NO_KEYS, (l) => (seen.push(l), l === 'y2'));
      return leaf === 'x2';
    });
    // Depth first from the last key: d's items, then c (and inside it the other walk, to its stop), then a.
    expect(seen).toEqual([3, 2, 1, 'x3', 'y3', 'y2', 'x2']);
  });
});
