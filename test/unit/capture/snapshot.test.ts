import { describe, expect, it } from 'vitest';
import { takeSnapshot, type SnapshotLimits } from '../../../src/capture/snapshot';
import { LIMITS } from '../../../src/protocol/limits';
import type { Snapshot } from '../../../src/protocol/snapshot';
import { SMALL, snap } from './snapshotFixtures';

describe('takeSnapshot: JSON data', () => {
  it('copies plain JSON data as it is', () => {
    const s = snap({ a: 1, b: 'x', c: true, d: null, e: [1, 2.5, -3], f: { g: {} }, h: [] });
    expect(s.value).toEqual({ a: 1, b: 'x', c: true, d: null, e: [1, 2.5, -3], f: { g: {} }, h: [] });
    expect(s.bytes).toBe('{"a":1,"b":"x","c":true,"d":null,"e":[1,2.5,-3],"f":{"g":{}},"h":[]}'.length);
    expect(s.truncated).toBe(false);
  });

  it('copies top-level primitives', () => {
    expect(snap('hi')).toEqual({ value: 'hi', bytes: 4, truncated: false });
    expect(snap(42)).toEqual({ value: 42, bytes: 2, truncated: false });
    expect(snap(false)).toEqual({ value: false, bytes: 5, truncated: false });
    expect(snap(null)).toEqual({ value: null, bytes: 4, truncated: false });
    expect(snap(1e21).value).toBe(1e21);
  });

  it('describes undefined with one frozen snapshot, shared by every call without a payload', () => {
    const a = takeSnapshot(undefined);
    expect(a).toEqual({ value: { $fbdt: 'undefined' }, bytes: JSON.stringify({ $fbdt: 'undefined' }).length, truncated: false });
    expect(takeSnapshot(undefined)).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.value)).toBe(true);
    // Inside a value it is described anew (a snapshot's parts are its own).
    expect((takeSnapshot([undefined]).value as unknown[])[0]).toEqual({ $fbdt: 'undefined' });
    // Under a budget smaller than the description, the walk's rules apply as before.
    expect(takeSnapshot(undefined, { ...LIMITS, snapshotBytes: 10 }).truncated).toBe(true);
  });

  it('returns a copy, not the input', () => {
    const input = { a: { b: [1] } };
    const s = snap(input);
    expect(s.value).not.toBe(input);
    expect((s.value as { a: unknown }).a).not.toBe(input.a);
  });

  it('counts escaped characters exactly', () => {
    const tricky = { 'quote"key': 'line\nbreak\ttab"quote\\slash', ctl: '\u0001\u001f', lone: '\ud800x', emoji: '😀é', u2028: '\u2028' };
    const s = snap(tricky);
    expect(s.value).toEqual(tricky);
    expect(s.bytes).toBe(JSON.stringify(tricky).length);
  });

  it('counts every kind of character as JSON does, in short and long strings and in keys', () => {
    const codes = [...Array.from({ length: 0x80 }, (_, i) => i), 0x7f, 0xa0, 0x2028, 0x2029, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff, 0xffff];
    for (const code of codes) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, ch.repeat(100)]) {
        const s = takeSnapshot({ [text]: text });
        expect(s.bytes, `U+${code.toString(16)}`).toBe(JSON.stringify({ [text]: text }).length);
      }
    }
    expect(takeSnapshot('😀').bytes).toBe(4);
  });

  it('keeps a "__proto__" key as an ordinary key without touching the prototype', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const s = snap(input);
    const value = s.value as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    // Snapshot objects inherit from nothing a page can reach (an empty frozen object with no prototype: writes
    // into them meet no page setter); the relay gets a structured clone, a plain object that keeps "__proto__"
    // as an own key.
    const proto = Object.getPrototypeOf(value) as object;
    expect(Object.getPrototypeOf(proto)).toBeNull();
    expect(Object.isFrozen(proto)).toBe(true);
    expect(Reflect.ownKeys(proto)).toEqual([]);
    const received = structuredClone(value);
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(received, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('escapes keys that look like the description marker', () => {
    const s = snap({ $fbdt: 'function', $$fbdt: 1, '$fbdt:truncated': 2, $other: 3 });
    expect(s.value).toEqual({ $$fbdt: 'function', $$$fbdt: 1, '$$fbdt:truncated': 2, $other: 3 });
  });

  it('walks objects with a null prototype and class instances by their own enumerable keys', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.x = 1;
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
      get sum(): number {
        return this.x + this.y;
      }
    }
    expect(snap(bare).value).toEqual({ x: 1 });
    expect(snap(new Point(1, 2)).value).toEqual({ x: 1, y: 2 });
  });

  it('keeps shared (non-cyclic) references twice, as JSON would', () => {
    const shared = { v: 1 };
    expect(snap({ a: shared, b: shared }).value).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });
});
describe('takeSnapshot: cycles and limits', () => {
  it('describes cycles by the path of the ancestor', () => {
    const root: Record<string, unknown> = { name: 'root' };
    const child: Record<string, unknown> = { up: root };
    root.list = [child];
    root.self = root;
    const s = snap(root);
    expect(s.value).toEqual({
      name: 'root',
      list: [{ up: { $fbdt: 'cycle', text: '$', path: '$' } }],
      self: { $fbdt: 'cycle', text: '$', path: '$' },
    });
    expect(s.truncated).toBe(false);
  });

  it('gives deep cycle paths with quoted keys', () => {
    const inner: Record<string, unknown> = {};
    const root = { a: { 'b c': [0, inner] } };
    inner.back = root.a;
    expect(snap(root).value).toEqual({ a: { 'b c': [0, { back: { $fbdt: 'cycle', text: '$.a', path: '$.a' } }] } });
    const deeper: Record<string, unknown> = {};
    const top = { x: { 'b c': [deeper] } };
    deeper.back = top.x['b c'];
    expect(snap(top).value).toEqual({ x: { 'b c': [{ back: { $fbdt: 'cycle', text: '$.x["b c"]', path: '$.x["b c"]' } }] } });
  });

  it('finds a cycle and its path under more nesting than the walk keeps room for at first', () => {
    // 70 maps deep: each level is an ancestor and three path segments, past the 64 slots of each stack made in advance.
    const root = new Map<string, unknown>();
    let at = root;
    for (let i = 0; i < 70; i++) {
      const next = new Map<string, unknown>();
      at.set(`k${i}`, next);
      at = next;
    }
    at.set('back', root.get('k0'));
    const deep = { ...LIMITS, snapshotDepth: 400 };
    let v = takeSnapshot(root, deep).value as { entries: [string, unknown][] };
    for (let i = 0; i < 70; i++) v = v.entries[0]![1] as typeof v;
    const path = '$.entries[0][1]';
    expect(v.entries[0]).toEqual(['back', { $fbdt: 'cycle', text: path, path }]);
    // The stacks are used again by the next walk: nothing of this one is left in them.
    expect(takeSnapshot({ a: { b: 1 } }, deep).value).toEqual({ a: { b: 1 } });
  });

  it('finds cycles through maps, sets and errors', () => {
    const map = new Map<string, unknown>();
    map.set('me', map);
    expect(snap(map).value).toEqual({ $fbdt: 'map', text: 'Map(1)', size: 1, entries: [['me', { $fbdt: 'cycle', text: '$', path: '$' }]] });
    const error = new Error('e') as Error & { self?: unknown };
    error.self = error;
    const value = snap(error).value as Record<string, unknown>;
    expect(value.props).toEqual({ self: { $fbdt: 'cycle', text: '$', path: '$' } });
  });

  it('cuts nesting beyond the depth limit', () => {
    const s = snap({ a: { b: { c: { d: 1 } }, arr: [[[1]]] } }, SMALL);
    // Levels: root 0, a 1, b and arr 2, c and arr[0] 3 = the limit.
    expect(s.value).toEqual({ a: { b: { c: { $fbdt: 'depth', text: 'Object' } }, arr: [{ $fbdt: 'depth', text: 'Array' }] } });
    expect(s.truncated).toBe(true);
  });

  it('keeps default nesting of 24 levels and cuts the 25th', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 30; i++) deep = { n: deep };
    let cursor = snap(deep).value as Record<string, unknown>;
    let levels = 0;
    while (cursor.n !== undefined && (cursor as { $fbdt?: string }).$fbdt === undefined) {
      cursor = cursor.n as Record<string, unknown>;
      levels++;
    }
    expect(levels).toBe(24);
    expect(cursor).toEqual({ $fbdt: 'depth', text: 'Object' });
  });

  it('cuts strings beyond the character limit, keeping their length', () => {
    const s = snap({ short: '0123456789', long: 'abcdefghijKLMNOP' }, SMALL);
    expect(s.value).toEqual({ short: '0123456789', long: { $fbdt: 'truncated', text: 'abcdefghij', length: 16 } });
    expect(s.truncated).toBe(true);
  });

  it('does not split a surrogate pair when cutting', () => {
    const s = snap('123456789😀😀', SMALL);
    expect(s.value).toEqual({ $fbdt: 'truncated', text: '123456789', length: 13 });
  });

  it('cuts long keys', () => {
    const s = snap({ abcdefghijklmnop: 1 }, SMALL);
    expect(s.value).toEqual({ 'abcdefghij…': 1 });
    expect(s.truncated).toBe(true);
  });

  it('cuts arrays and objects beyond the entry limit', () => {
    expect(snap([1, 2, 3, 4, 5], SMALL).value).toEqual([1, 2, 3, { $fbdt: 'truncated', text: '2 more items', omitted: 2, length: 5 }]);
    const s = snap({ a: 1, b: 2, c: 3, d: 4 }, SMALL);
    expect(s.value).toEqual({ a: 1, b: 2, c: 3, '$fbdt:truncated': { $fbdt: 'truncated', text: '1 more keys', omitted: 1, total: 4 } });
    expect(s.truncated).toBe(true);
  });

  it('keeps 500 items by default', () => {
    const value = snap(Array.from({ length: 600 }, (_, i) => i)).value as unknown[];
    expect(value.length).toBe(501);
    expect(value[499]).toBe(499);
    expect(value[500]).toEqual({ $fbdt: 'truncated', text: '100 more items', omitted: 100, length: 600 });
  });

  it('replaces a whole value larger than snapshotBytes by a description with a preview and its size', () => {
    const big = Array.from({ length: 300 }, (_, i) => `item-${i}`); // about 3.2 KB of JSON
    const limits: SnapshotLimits = { snapshotBytes: 1000, snapshotStringChars: 100, snapshotDepth: 10, snapshotEntries: 1000 };
    const s = snap(big, limits);
    const value = s.value as Record<string, unknown>;
    expect(value.$fbdt).toBe('truncated');
    expect(value.whole).toBe(true);
    expect(value.limit).toBe(1000);
    expect(value.atLeast).toBe(false);
    expect(value.approxBytes).toBe(JSON.stringify(big).length);
    expect((value.text as string).startsWith('["item-0","item-1",')).toBe(true);
    expect(s.truncated).toBe(true);
    expect(s.bytes).toBeLessThanOrEqual(1000);
  });

  it('stops measuring a huge value at four times the budget', () => {
    const huge = Array.from({ length: 5000 }, () => 'x'.repeat(50));
    const limits: SnapshotLimits = { snapshotBytes: 1000, snapshotStringChars: 100, snapshotDepth: 10, snapshotEntries: 10_000 };
    const value = snap(huge, limits).value as Record<string, unknown>;
    expect(value.atLeast).toBe(true);
    expect(value.approxBytes as number).toBeGreaterThan(4000);
    expect(value.approxBytes as number).toBeLessThan(4200);
  });

  it('stays within the default 64 KiB for a big UI Kit tree', () => {
    const node = (depth: number): unknown => ({
      type: 'Box',
      key: 'k'.repeat(36),
      props: { xcss: { padding: 'space.100' } },
      children: depth === 0 ? [{ type: 'String', props: { text: 'hello' }, children: [] }] : [node(depth - 1), node(depth - 1)],
    });
    const s = snap({ forgeDoc: { type: 'Root', children: [node(10)] } });
    expect(s.bytes).toBeLessThanOrEqual(LIMITS.snapshotBytes);
    expect((s.value as Record<string, unknown>).$fbdt).toBe('truncated');
  });
});
