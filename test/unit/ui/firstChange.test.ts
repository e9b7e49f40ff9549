import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { firstDifference, noteChangedFrom } from '../../../src/ui/firstChange';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('firstDifference with lists noted as made from another', () => {
  it('knows where a noted list changed, and compares lists it was not noted against', () => {
    const a = [1, 2, 3];
    const b = [1, 2, 4, 5];
    noteChangedFrom(b, a, 1);
    expect(firstDifference(a, b)).toBe(1);
    expect(firstDifference(a, b, (x) => x, 0)).toBe(0);
    expect(firstDifference([1, 2, 3], b)).toBe(2);
    const c = [1, 2, 4, 5, 6];
    noteChangedFrom(c, b, 4);
    expect(firstDifference(b, c)).toBe(4);
    expect(firstDifference(a, c)).toBe(2);
  });

  it('keeps no earlier list alive: a live tab notes every update’s calls and rows', async () => {
    const { latest, earlier } = chain(50);
    // A WeakRef holds its target until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(earlier.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(firstDifference(latest, latest)).toBe(latest.length);
  });
});

/** `n` lists, each made from the one before by appending an item: the last, and weak references to the others. */
function chain(n: number): { latest: { i: number }[]; earlier: WeakRef<{ i: number }[]>[] } {
  let list = Array.from({ length: 1000 }, (_, i) => ({ i }));
  const earlier: WeakRef<{ i: number }[]>[] = [];
  for (let k = 0; k < n; k++) {
    const next = [...list, { i: list.length }];
    noteChangedFrom(next, list, list.length);
    earlier.push(new WeakRef(list));
    list = next;
  }
  return { latest: list, earlier };
}
