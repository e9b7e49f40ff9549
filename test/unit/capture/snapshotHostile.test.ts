import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../src/capture/snapshot';
import type { Snapshot } from '../../../src/protocol/snapshot';
import { SMALL, snap } from './snapshotFixtures';

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
