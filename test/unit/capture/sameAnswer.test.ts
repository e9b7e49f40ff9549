import { describe, expect, it } from 'vitest';
import { lastAnswers, matches, SAME_ANSWER_COMMANDS, SAME_ANSWER_MISSES, SAME_ANSWER_RETRY } from '../../../src/capture/sameAnswer';
import { takeSnapshot, type SnapshotLimits } from '../../../src/capture/snapshot';
import { LIMITS } from '../../../src/protocol/limits';
import { random } from '../ui/randomSession';

const SMALL: SnapshotLimits = { snapshotBytes: 2000, snapshotStringChars: 12, snapshotDepth: 4, snapshotEntries: 4 };

/** Values of every kind the walk treats: plain data, and what it describes, cuts, escapes or leaves unread. */
function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  const leaves: unknown[] = [0, -0, 1.5, NaN, Infinity, 'a', 'x'.repeat(13), '"q"\n', '', true, false, null, undefined, 10n, Symbol('s'), () => 1, new Date(0), new Map([[1, 2]]), new Error('e')];
  if (depth >= 6 || r < 0.45) return leaves[Math.floor(rand() * leaves.length)];
  if (r < 0.7) {
    const items = Array.from({ length: Math.floor(rand() * 6) }, () => randomValue(rand, depth + 1));
    if (rand() < 0.05) delete items[0]; // a hole
    return items;
  }
  const out: Record<string, unknown> = rand() < 0.05 ? Object.create(null) : {};
  for (const key of ['a', 'b', '$fbdt', '$x', 'k'.repeat(13), 'c', 'd', 'e'].filter(() => rand() < 0.4)) out[key] = randomValue(rand, depth + 1);
  if (rand() < 0.05) Object.defineProperty(out, 'g', { get: () => 1, enumerable: true });
  if (rand() < 0.05) out.self = out;
  return out;
}

/** A copy that is the same data, or the same with one leaf changed (a fresh object, as the bridge answers). */
function copyOf(value: unknown, rand: () => number, change: boolean): unknown {
  if (Object.is(value, 0) && change && rand() < 0.5) return -0; // 0 === -0, the walk tells them apart
  if (value === null || typeof value !== 'object' || value instanceof Map || value instanceof Date || value instanceof Error) return change && rand() < 0.3 ? 'changed' : value;
  if (Array.isArray(value)) return value.map((v) => copyOf(v, rand, change));
  const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if ('value' in d) out[k] = d.value === value ? out : copyOf(d.value, rand, change);
    else Object.defineProperty(out, k, d);
  }
  return out;
}

describe('matches: an answer the same as the earlier snapshot', () => {
  it('is true only when the walk would make that very snapshot, on random values of every kind', () => {
    const rand = random(11);
    let matched = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const limits = rand() < 0.5 ? SMALL : LIMITS;
      const first = randomValue(rand);
      const earlier = takeSnapshot(first, limits);
      const next = copyOf(first, rand, rand() < 0.5);
      if (matches(next, earlier.value)) {
        matched++;
        expect(takeSnapshot(next, limits)).toEqual(earlier);
        expect(earlier.truncated).toBe(false);
      } else refused++;
    }
    // Both outcomes are exercised.
    expect(matched).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('matches plain JSON data it has seen, whatever its shape', () => {
    const context = { cloudId: 'c1', extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'SBX-1' } }, list: [1, 2.5, 'x', null, true, [], {}], theme: { colorMode: 'light' } };
    expect(matches(structuredClone(context), takeSnapshot(context).value)).toBe(true);
    expect(matches({ ...context, cloudId: 'c2' }, takeSnapshot(context).value)).toBe(false);
    expect(matches({ extension: context.extension, cloudId: 'c1', list: context.list, theme: context.theme }, takeSnapshot(context).value)).toBe(false); // key order
  });

  it('refuses what the walk describes, cuts or escapes', () => {
    const no = (value: unknown, limits: SnapshotLimits = LIMITS) => expect(matches(value, takeSnapshot(value, limits).value)).toBe(false);
    no(-0);
    no(NaN);
    no({ $fbdt: 'cycle' });
    no({ n: new Date(0) });
    no({ f: () => 1 });
    no([1, , 3]); // eslint-disable-line no-sparse-arrays
    no('x'.repeat(13), SMALL);
    no([1, 2, 3, 4, 5], SMALL);
    no({ a: { b: { c: { d: { e: 1 } } } } }, SMALL);
    no(Object.assign(Object.create(null), { a: 1 }) as object);
  });

  it('calls no getter and reads a proxy only through the traps the walk uses', () => {
    let got = 0;
    const withGetter = Object.defineProperty({ a: 1 }, 'b', { get: () => (got++, 2), enumerable: true });
    expect(matches(withGetter, { a: 1, b: 2 })).toBe(false);
    expect(got).toBe(0);
    const traps: string[] = [];
    const proxy = new Proxy(
      { a: 1 },
      {
        get: (t, k) => (traps.push('get'), Reflect.get(t, k)),
        ownKeys: (t) => (traps.push('ownKeys'), Reflect.ownKeys(t)),
        getOwnPropertyDescriptor: (t, k) => (traps.push('getOwnPropertyDescriptor'), Reflect.getOwnPropertyDescriptor(t, k)),
        getPrototypeOf: (t) => (traps.push('getPrototypeOf'), Reflect.getPrototypeOf(t)),
      },
    );
    expect(matches(proxy, { a: 1 })).toBe(true);
    expect(traps).not.toContain('get');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(matches(revoked.proxy, {})).toBe(false);
  });

  it('runs nothing a page put on Object.prototype or Array.prototype while it keeps and matches answers', () => {
    const ran: string[] = [];
    const planted: [object, PropertyKey][] = [
      [Object.prototype, 'kind'],
      [Object.prototype, 'list'],
      [Object.prototype, 'values'],
      [Array.prototype, 0],
    ];
    const answers = lastAnswers(LIMITS);
    let first: unknown;
    let second: unknown;
    try {
      for (const [target, key] of planted) Object.defineProperty(target, key, { get: () => (ran.push(`get ${String(key)}`), undefined), set: () => void ran.push(`set ${String(key)}`), configurable: true });
      first = answers.snapshot('getContext', JSON.parse('{"a":[1,{"b":"c"}],"d":{}}'));
      second = answers.snapshot('getContext', JSON.parse('{"a":[1,{"b":"c"}],"d":{}}'));
    } finally {
      for (const [target, key] of planted) delete (target as Record<PropertyKey, unknown>)[key];
    }
    expect(ran).toEqual([]);
    expect(second).toBe(first);
  });
});

describe('lastAnswers', () => {
  it('gives the earlier snapshot object for a repeated answer, and a fresh one when the answer changes', () => {
    const answers = lastAnswers(LIMITS);
    const first = answers.snapshot('getContext', { a: 1, b: ['x'] });
    expect(first).toEqual(takeSnapshot({ a: 1, b: ['x'] }));
    expect(answers.snapshot('getContext', { a: 1, b: ['x'] })).toBe(first);
    const changed = answers.snapshot('getContext', { a: 2, b: ['x'] });
    expect(changed).not.toBe(first);
    expect(changed.value).toEqual({ a: 2, b: ['x'] });
    // Per command: another command's equal answer is its own snapshot.
    expect(answers.snapshot('invoke', { a: 2, b: ['x'] })).not.toBe(changed);
  });

  it('keeps no truncated or large snapshot, and remembers a bounded number of commands', () => {
    const answers = lastAnswers(SMALL);
    const long = { s: 'x'.repeat(20) };
    expect(answers.snapshot('c', long)).not.toBe(answers.snapshot('c', long));
    const many = lastAnswers(LIMITS);
    for (let i = 0; i < SAME_ANSWER_COMMANDS; i++) many.snapshot(`c${i}`, { i });
    expect(many.snapshot('c0', { i: 0 })).toBe(many.snapshot('c0', { i: 0 }));
    expect(many.snapshot('late', { i: 0 })).not.toBe(many.snapshot('late', { i: 0 }));
    // A command named like an Object.prototype member is an ordinary key.
    const proto = lastAnswers(LIMITS);
    expect(proto.snapshot('__proto__', { a: 1 })).toBe(proto.snapshot('__proto__', { a: 1 }));
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('stops matching a command whose answers keep changing, and tries again now and then', () => {
    const answers = lastAnswers(LIMITS);
    let reads = 0;
    // Each answer differs in its last field; the proxy counts the reads of its own properties (the match's and the walk's).
    const answer = (n: number) =>
      new Proxy({ a: 'same', b: { c: [1, 2] }, n }, { getOwnPropertyDescriptor: (t, k) => (reads++, Reflect.getOwnPropertyDescriptor(t, k)) });
    const readsOf = (n: number) => {
      const before = reads;
      answers.snapshot('invoke', answer(n));
      return reads - before;
    };
    const walk = readsOf(0); // the first answer is walked only
    expect(walk).toBeGreaterThan(0);
    const tried = Array.from({ length: SAME_ANSWER_MISSES }, (_, i) => readsOf(i + 1));
    const skipped = Array.from({ length: SAME_ANSWER_RETRY - 1 }, (_, i) => readsOf(100 + i));
    // Matched and walked while it might repeat; walked alone once it kept changing; matched again on the retry.
    expect(new Set(tried)).toEqual(new Set([2 * walk]));
    expect(new Set(skipped)).toEqual(new Set([walk]));
    expect(readsOf(200)).toBe(2 * walk);
    // An answer that starts repeating is found on a retry, and matched from then on.
    const same = () => answers.snapshot('invoke', { a: 'same', b: { c: [1, 2] }, n: 7 });
    const got = Array.from({ length: SAME_ANSWER_RETRY + 2 }, same);
    expect(got.at(-1)).toBe(got.at(-2));
  });

  it('records a change the app made to the object it was answered before', () => {
    const answers = lastAnswers(LIMITS);
    const answer: Record<string, unknown> = { a: 1 };
    const first = answers.snapshot('getContext', answer);
    answer.a = 2;
    const second = answers.snapshot('getContext', answer);
    expect(first.value).toEqual({ a: 1 });
    expect(second.value).toEqual({ a: 2 });
  });
});

// The random values' own check: what they hold must reach both outcomes of the walk (descriptions and plain data).
it('random values include descriptions and plain data', () => {
  const rand = random(3);
  const kinds = new Set<string>();
  for (let i = 0; i < 500; i++) kinds.add(JSON.stringify(takeSnapshot(randomValue(rand), SMALL).value).includes('$fbdt') ? 'described' : 'plain');
  expect([...kinds].sort()).toEqual(['described', 'plain']);
});
