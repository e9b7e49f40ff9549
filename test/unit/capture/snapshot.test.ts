import { describe, expect, it } from 'vitest';
import { takeSnapshot, type SnapshotLimits } from '../../../src/capture/snapshot';
import { LIMITS } from '../../../src/protocol/limits';
import type { Snapshot } from '../../../src/protocol/snapshot';
import { parseSnapshot } from '../../../src/protocol/validate';

const SMALL: SnapshotLimits = { snapshotBytes: 2000, snapshotStringChars: 10, snapshotDepth: 3, snapshotEntries: 3 };

/**
 * Vitest sets Error.prepareStackTrace (page code, as far as the hook knows): the hook then leaves stacks
 * unread. The tests that expect a stack run without it, as a page that does not set it.
 */
function withoutPrepareStackTrace<T>(run: () => T): T {
  const saved = Error.prepareStackTrace;
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  try {
    return run();
  } finally {
    Error.prepareStackTrace = saved;
  }
}

/** Every snapshot must be what the relay accepts, and its byte count must be the JSON length. */
function snap(value: unknown, limits?: SnapshotLimits): Snapshot {
  const s = takeSnapshot(value, limits);
  expect(s.bytes).toBe(JSON.stringify(s.value).length);
  const parsed = parseSnapshot(s);
  if (!parsed.ok) throw new Error(`relay would refuse it: ${parsed.reason}`);
  return s;
}

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
    // Snapshot objects have no prototype (writes into them meet no page setter); the relay gets a structured
    // clone, a plain object that keeps "__proto__" as an own key.
    expect(Object.getPrototypeOf(value)).toBeNull();
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

describe('takeSnapshot: descriptions', () => {
  it('describes undefined, special numbers, bigint and symbols', () => {
    expect(snap([undefined, NaN, Infinity, -Infinity, -0, 10n, Symbol('tag'), Symbol()]).value).toEqual([
      { $fbdt: 'undefined' },
      { $fbdt: 'number', text: 'NaN' },
      { $fbdt: 'number', text: 'Infinity' },
      { $fbdt: 'number', text: '-Infinity' },
      { $fbdt: 'number', text: '-0' },
      { $fbdt: 'bigint', text: '10' },
      { $fbdt: 'symbol', text: 'tag' },
      { $fbdt: 'symbol', text: '' },
    ]);
  });

  it('keeps undefined-valued keys as descriptions', () => {
    expect(snap({ a: undefined }).value).toEqual({ a: { $fbdt: 'undefined' } });
  });

  it('describes functions by name and length, with a UI Kit __id__', () => {
    function onClick(_a: unknown, _b: unknown): void {}
    (onClick as unknown as { __id__: string }).__id__ = 'uuid-1';
    const s = snap({ onClick, anon: [() => 1][0] as unknown, bound: onClick.bind(null) });
    expect(s.value).toEqual({
      onClick: { $fbdt: 'function', text: 'onClick', length: 2, id: 'uuid-1' },
      anon: { $fbdt: 'function', text: 'anonymous', length: 0 },
      bound: { $fbdt: 'function', text: 'bound onClick', length: 2 },
    });
  });

  it('does not call a static name getter of a class', () => {
    let called = 0;
    class Weird {
      static get name(): string {
        called++;
        return 'x';
      }
    }
    expect(snap(Weird).value).toEqual({ $fbdt: 'function', text: 'anonymous', length: 0 });
    expect(called).toBe(0);
  });

  it('describes errors with name, message, short stack and own enumerable props', () => {
    const error = Object.assign(new TypeError('boom'), { status: 404, body: { message: 'nope' } });
    const s = withoutPrepareStackTrace(() => snap(error));
    const value = s.value as Record<string, unknown>;
    expect(value.$fbdt).toBe('error');
    expect(value.text).toBe('boom');
    expect(value.name).toBe('TypeError');
    expect(typeof value.stack).toBe('string');
    expect((value.stack as string).startsWith('TypeError: boom')).toBe(true);
    expect(value.props).toEqual({ status: 404, body: { message: 'nope' } });
    expect(s.truncated).toBe(false);
  });

  it('cuts a long stack to 2000 characters', () => {
    const error = new Error('deep');
    error.stack = 'x'.repeat(5000);
    expect(((withoutPrepareStackTrace(() => snap(error)).value as Record<string, unknown>).stack as string).length).toBe(2000);
  });

  it('describes subclassed errors, errors with a cause, and DOMException', () => {
    class BridgeAPIError extends Error {
      override name = 'BridgeAPIError';
    }
    const s = snap(new Error('outer', { cause: new BridgeAPIError('inner') }));
    const value = s.value as Record<string, Record<string, unknown>>;
    expect(value.cause?.$fbdt).toBe('error');
    expect(value.cause?.text).toBe('inner');
    expect(value.cause?.name).toBe('BridgeAPIError');
    const dom = snap(new DOMException('gone', 'AbortError')).value as Record<string, unknown>;
    expect(dom.$fbdt).toBe('error');
    expect(dom.name).toBe('AbortError');
    expect(dom.text).toBe('gone');
  });

  it('recognises an error-like object inheriting Error.prototype', () => {
    const fake = Object.create(Error.prototype) as Record<string, unknown>;
    fake.message = 'made by hand';
    const value = snap(fake).value as Record<string, unknown>;
    expect(value.$fbdt).toBe('error');
    expect(value.text).toBe('made by hand');
  });

  it('describes dates and regexps', () => {
    expect(snap(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).value).toEqual({
      $fbdt: 'date',
      text: '2026-01-02T03:04:05.006Z',
      time: 1767323045006,
    });
    expect(snap(new Date(NaN)).value).toEqual({ $fbdt: 'date', text: 'Invalid Date', time: null });
    expect(snap(/a+b/gi).value).toEqual({ $fbdt: 'regexp', text: '/a+b/gi' });
  });

  it('describes maps and sets with their entries', () => {
    const map = new Map<unknown, unknown>([
      ['a', 1],
      [{ k: 1 }, [2]],
    ]);
    expect(snap(map).value).toEqual({ $fbdt: 'map', text: 'Map(2)', size: 2, entries: [['a', 1], [{ k: 1 }, [2]]] });
    expect(snap(new Set(['x', 2])).value).toEqual({ $fbdt: 'set', text: 'Set(2)', size: 2, values: ['x', 2] });
  });

  it('bounds map and set entries', () => {
    const s = snap(new Set([1, 2, 3, 4, 5]), SMALL);
    expect(s.value).toEqual({
      $fbdt: 'set',
      text: 'Set(5)',
      size: 5,
      values: [1, 2, 3, { $fbdt: 'truncated', text: '2 more values', omitted: 2, length: 5 }],
    });
    expect(s.truncated).toBe(true);
  });

  it('describes promises without touching them', () => {
    const p = Promise.reject(new Error('x'));
    let thenCalls = 0;
    const original = p.then.bind(p);
    (p as { then: unknown }).then = (...args: Parameters<typeof p.then>) => {
      thenCalls++;
      return original(...args);
    };
    expect(snap(p).value).toEqual({ $fbdt: 'promise', text: 'Promise' });
    expect(thenCalls).toBe(0);
    p.catch(() => undefined);
  });

  it('describes blobs and files', () => {
    expect(snap(new Blob(['abc'], { type: 'text/plain' })).value).toEqual({ $fbdt: 'blob', text: 'text/plain, 3 bytes', type: 'text/plain', size: 3 });
    const file = new File(['hello'], 'a.png', { type: 'image/png', lastModified: 1000 });
    expect(snap(file).value).toEqual({
      $fbdt: 'file',
      text: 'a.png (image/png, 5 bytes)',
      name: 'a.png',
      type: 'image/png',
      size: 5,
      lastModified: 1000,
    });
  });

  it('describes array buffers, typed arrays and data views with a short preview', () => {
    const bytes = new Uint8Array([0, 1, 171, 255]);
    expect(snap(bytes.buffer).value).toEqual({ $fbdt: 'array-buffer', text: 'ArrayBuffer(4)', kind: 'ArrayBuffer', byteLength: 4, preview: '00 01 ab ff' });
    expect(snap(bytes).value).toEqual({ $fbdt: 'typed-array', text: 'Uint8Array(4)', kind: 'Uint8Array', length: 4, byteLength: 4, preview: '00 01 ab ff' });
    expect(snap(new Float64Array([1.5, NaN, -0])).value).toEqual({
      $fbdt: 'typed-array',
      text: 'Float64Array(3)',
      kind: 'Float64Array',
      length: 3,
      byteLength: 24,
      preview: [1.5, 'NaN', '0'],
    });
    expect(snap(new BigInt64Array([5n])).value).toEqual({ $fbdt: 'typed-array', text: 'BigInt64Array(1)', kind: 'BigInt64Array', length: 1, byteLength: 8, preview: ['5'] });
    expect(snap(new DataView(bytes.buffer, 1, 2)).value).toEqual({ $fbdt: 'typed-array', text: 'DataView(2)', kind: 'DataView', length: 2, byteLength: 2, preview: '01 ab' });
  });

  it('limits the preview of a big buffer', () => {
    const big = new Uint8Array(1000).fill(7);
    const value = snap(big).value as Record<string, unknown>;
    expect(value.preview).toBe(Array(32).fill('07').join(' '));
    expect(value.length).toBe(1000);
    const floats = snap(new Float32Array(100)).value as Record<string, unknown>;
    expect((floats.preview as unknown[]).length).toBe(16);
  });

  it('describes DOM nodes by name and id without a DOM in the realm', () => {
    class FakeElement {
      nodeType = 1;
      nodeName = 'DIV';
      id = 'root';
      children = [1, 2, 3];
      get [Symbol.toStringTag](): string {
        return 'HTMLDivElement';
      }
    }
    class FakeText {
      nodeType = 3;
      nodeName = '#text';
      get [Symbol.toStringTag](): string {
        return 'Text';
      }
    }
    expect(snap({ el: new FakeElement(), t: new FakeText() }).value).toEqual({
      el: { $fbdt: 'dom-node', text: 'DIV#root', nodeName: 'DIV', nodeType: 1, id: 'root' },
      t: { $fbdt: 'dom-node', text: '#text', nodeName: '#text', nodeType: 3 },
    });
  });

  it('describes windows, same-origin and cross-origin', () => {
    // Without a DOM in the realm, a window is an object whose own `window` is itself (a browser's window
    // getter answers for real ones); its Symbol.toStringTag getter is never asked.
    let tagReads = 0;
    class FakeWindow {
      document = { big: 'x'.repeat(100) };
      window = this;
      get [Symbol.toStringTag](): string {
        tagReads++;
        return 'Window';
      }
    }
    const crossOrigin = Object.create(null) as object;
    Object.defineProperty(crossOrigin, 'window', {
      get() {
        throw new Error('SecurityError');
      },
    });
    Object.defineProperty(crossOrigin, 'postMessage', { get: () => () => undefined });
    expect(snap({ w: new FakeWindow(), parent: crossOrigin }).value).toEqual({
      w: { $fbdt: 'window', text: 'Window' },
      parent: { $fbdt: 'window', text: 'Window' },
    });
    expect(tagReads).toBe(0);
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

describe('takeSnapshot: hostile values', () => {
  it('does not call getters, and marks them unreadable', () => {
    let calls = 0;
    const o = {
      plain: 1,
      get lazy(): number {
        calls++;
        return 2;
      },
    };
    const s = snap(o);
    expect(s.value).toEqual({ plain: 1, lazy: { $fbdt: 'unreadable', text: 'getter not called' } });
    expect(calls).toBe(0);
    expect(s.truncated).toBe(true);
  });

  it('survives throwing getters on arrays and throwing proxy traps', () => {
    // An index getter is never called (it could run app code): it becomes "getter not called".
    let indexReads = 0;
    const arr = [1];
    Object.defineProperty(arr, 1, {
      get() {
        indexReads++;
        throw new Error('index trap');
      },
      enumerable: true,
    });
    // Object.keys asks for each descriptor once; the walk asks again: the second time throws.
    let asked = 0;
    const trap = new Proxy(
      { a: 1 },
      {
        getOwnPropertyDescriptor(target, key) {
          if (asked++ > 0) throw new Error('gopd trap');
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );
    const gopdTrap = new Proxy(
      { a: 1 },
      {
        getOwnPropertyDescriptor() {
          throw new Error('gopd trap');
        },
      },
    );
    const keysTrap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('keys trap');
        },
      },
    );
    const s = snap({ arr, trap, gopdTrap, keysTrap });
    expect(s.value).toEqual({
      arr: [1, { $fbdt: 'unreadable', text: 'getter not called' }],
      trap: { a: { $fbdt: 'unreadable', text: 'gopd trap' } },
      gopdTrap: { $fbdt: 'unreadable', text: 'gopd trap' },
      keysTrap: { $fbdt: 'unreadable', text: 'keys trap' },
    });
    expect(s.truncated).toBe(true);
    expect(indexReads).toBe(0);
  });

  it('survives revoked proxies and throwing getPrototypeOf traps', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const protoTrap = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('proto trap');
        },
      },
    );
    const s = snap({ proxy, protoTrap, next: 1 });
    const value = s.value as Record<string, Record<string, unknown>>;
    expect(value.proxy?.$fbdt).toBe('unreadable');
    expect(value.protoTrap).toEqual({ $fbdt: 'unreadable', text: 'proto trap' });
    expect(value.next).toBe(1);
    expect(s.truncated).toBe(true);
    // Alone, and inside an error's properties and cause (read without instanceof on page values).
    expect(snap(protoTrap).value).toEqual({ $fbdt: 'unreadable', text: 'proto trap' });
    const error = Object.assign(new Error('e', { cause: protoTrap }), { extra: protoTrap });
    const described = snap(error).value as Record<string, unknown>;
    expect(described.props).toEqual({ extra: { $fbdt: 'unreadable', text: 'proto trap' } });
    expect(described.cause).toEqual({ $fbdt: 'unreadable', text: 'proto trap' });
  });

  it('never asks a Symbol.toStringTag getter (it was asked, and could throw, before issue 14)', () => {
    let reads = 0;
    class Hostile {
      own = 1;
      get [Symbol.toStringTag](): string {
        reads++;
        throw 'nope';
      }
    }
    expect(snap(new Hostile()).value).toEqual({ own: 1 });
    expect(reads).toBe(0);
  });

  it('walks proxies of plain objects and arrays through their traps', () => {
    const proxied = new Proxy({ a: [1, 2] }, {});
    expect(snap(new Proxy([proxied], {})).value).toEqual([{ a: [1, 2] }]);
  });

  it('never calls toJSON', () => {
    let calls = 0;
    const o = {
      a: 1,
      toJSON() {
        calls++;
        throw new Error('hostile');
      },
    };
    class WithProtoToJSON {
      b = 2;
      toJSON(): string {
        calls++;
        return 'replaced';
      }
    }
    expect(snap({ o, w: new WithProtoToJSON() }).value).toEqual({
      o: { a: 1, toJSON: { $fbdt: 'function', text: 'toJSON', length: 0 } },
      w: { b: 2 },
    });
    expect(calls).toBe(0);
  });

  it('does not take a spoofed toStringTag for a real Date, Map or Blob', () => {
    class Liar {
      x = 1;
      constructor(private readonly tag: string) {}
      get [Symbol.toStringTag](): string {
        return this.tag;
      }
    }
    for (const tag of ['Date', 'Map', 'Set', 'RegExp', 'Blob', 'ArrayBuffer']) {
      expect(snap(new Liar(tag)).value).toEqual({ x: 1, tag });
    }
  });

  it('keeps working when the page tampers with built-ins after load', () => {
    const saved = {
      keys: Object.keys,
      gopd: Object.getOwnPropertyDescriptor,
      stringify: JSON.stringify,
      isArray: Array.isArray,
      toString: Object.prototype.toString,
      entries: Map.prototype.entries,
      slice: String.prototype.slice,
      getPrototypeOf: Object.getPrototypeOf,
    };
    const boom = (): never => {
      throw new Error('tampered');
    };
    const input = { a: [1, 'x'.repeat(20)], m: new Map([[1, 2]]), d: new Date(0) };
    let result: Snapshot;
    try {
      Object.keys = boom;
      Object.getOwnPropertyDescriptor = boom;
      JSON.stringify = boom;
      Array.isArray = boom as unknown as typeof Array.isArray;
      Object.prototype.toString = boom;
      Map.prototype.entries = boom;
      String.prototype.slice = boom;
      Object.getPrototypeOf = boom;
      result = takeSnapshot(input, SMALL);
    } finally {
      Object.keys = saved.keys;
      Object.getOwnPropertyDescriptor = saved.gopd;
      JSON.stringify = saved.stringify;
      Array.isArray = saved.isArray;
      Object.prototype.toString = saved.toString;
      Map.prototype.entries = saved.entries;
      String.prototype.slice = saved.slice;
      Object.getPrototypeOf = saved.getPrototypeOf;
    }
    expect(result.value).toEqual({
      a: [1, { $fbdt: 'truncated', text: 'xxxxxxxxxx', length: 20 }],
      m: { $fbdt: 'map', text: 'Map(1)', size: 1, entries: [[1, 2]] },
      d: { $fbdt: 'date', text: '1970-01-01T00:00:00.000Z', time: 0 },
    });
    expect(result.bytes).toBe(JSON.stringify(result.value).length);
  });

  it('is not fooled by Object.prototype pollution', () => {
    const proto = Object.prototype as Record<string, unknown>;
    let s: Snapshot;
    try {
      proto.toJSON = () => 'polluted';
      s = takeSnapshot({ a: { b: 1 }, d: new Date(0), big: 'x'.repeat(20) }, SMALL);
    } finally {
      delete proto.toJSON;
    }
    expect(s.value).toEqual({ a: { b: 1 }, d: { $fbdt: 'date', text: '1970-01-01T00:00:00.000Z', time: 0 }, big: { $fbdt: 'truncated', text: 'xxxxxxxxxx', length: 20 } });
    expect(s.bytes).toBe(JSON.stringify(s.value).length);
  });
});
