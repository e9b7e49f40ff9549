import { afterEach, describe, expect, it } from 'vitest';
import { takeSnapshot, type SnapshotLimits } from '../../../src/capture/snapshot';
import { wrapCallBridge, type CaptureDeps } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';

/**
 * Issue 14: a snapshot runs no app code. Each test plants app code where a careless reader would run it
 * (getters of every kind, toJSON, prototype setters, proxy `get` traps, Error.prepareStackTrace) and
 * counts how often it ran.
 */

const SMALL: SnapshotLimits = { snapshotBytes: 300, snapshotStringChars: 50, snapshotDepth: 6, snapshotEntries: 20 };
let ran: string[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
  ran = [];
});

/** Runs `run` with the planted properties, removed again before anything else (vitest itself writes arrays). */
function planted<T>(run: () => T): T {
  try {
    return run();
  } finally {
    while (cleanups.length > 0) cleanups.pop()?.();
  }
}

function plant(target: object, key: PropertyKey, descriptor: PropertyDescriptor): void {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  cleanups.push(() => {
    if (before) Object.defineProperty(target, key, before);
    else delete (target as Record<PropertyKey, unknown>)[key];
  });
}

describe('takeSnapshot runs no app code', () => {
  it('does not call an index getter on Array.prototype for a hole, nor one on the array', () => {
    let reads = 0;
    const holey = [1, , 3];
    const own = [0];
    Object.defineProperty(own, 1, { get: () => (reads++, 'leaked'), enumerable: true });
    const s = planted(() => {
      plant(Array.prototype, 1, { get: () => (reads++, 'leaked'), set: () => undefined });
      return takeSnapshot({ holey, own });
    });
    expect(reads).toBe(0);
    expect(s.value).toEqual({
      holey: [1, { $fbdt: 'undefined' }, 3],
      own: [0, { $fbdt: 'unreadable', text: 'getter not called' }],
    });
  });

  it('reads an error from data properties: message and name getters (own or inherited) are never called', () => {
    class LazyError extends Error {
      override get message(): string {
        ran.push('message');
        return 'computed';
      }
    }
    Object.defineProperty(LazyError.prototype, 'name', { get: () => (ran.push('name'), 'LazyError') });
    const own = new Error('x');
    Object.defineProperty(own, 'message', { get: () => (ran.push('own message'), 'y') });
    const lazy = takeSnapshot(new LazyError('kept as own data')).value as Record<string, unknown>;
    // The constructor wrote an own data `message` (the getter on the prototype is shadowed), so it is read.
    expect(lazy.text).toBe('kept as own data');
    expect(lazy.name).toBe('Error');
    const ownGetter = takeSnapshot(own).value as Record<string, unknown>;
    expect(ownGetter.text).toBe('');
    expect(ownGetter.name).toBe('Error');
    expect((takeSnapshot(new RangeError('r')).value as Record<string, unknown>).name).toBe('RangeError');
    expect(ran).toEqual([]);
  });

  it('leaves the stack unread when the page set Error.prepareStackTrace (V8 would run it to format one)', () => {
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = () => {
      ran.push('prepareStackTrace');
      return 'formatted by the app';
    };
    cleanups.push(() => {
      Error.prepareStackTrace = saved;
    });
    const value = takeSnapshot(new Error('e')).value as Record<string, unknown>;
    expect(value.stack).toBeUndefined();
    expect(value.text).toBe('e');
    expect(ran).toEqual([]);
  });

  it('never asks toJSON, not even for the preview of a value over the budget', () => {
    const big = { list: Array.from({ length: 20 }, (_, i) => ({ i, text: 'x'.repeat(40) })) };
    const s = planted(() => {
      plant(Object.prototype, 'toJSON', { value: () => (ran.push('toJSON'), 'polluted'), writable: true });
      plant(Array.prototype, 'toJSON', { value: () => (ran.push('array toJSON'), 'polluted'), writable: true });
      return takeSnapshot(big, SMALL);
    });
    expect((s.value as Record<string, unknown>).$fbdt).toBe('truncated');
    expect(String((s.value as Record<string, unknown>).text).startsWith('{"list":[{"i":0,')).toBe(true);
    expect(ran).toEqual([]);
  });

  it('writes its output past setters a page put on Object.prototype and Array.prototype', () => {
    let sets = 0;
    const fn = Object.assign(function named(_x: unknown) {}, { __id__: 'f' });
    const input = { a: [1, [2]], fn, m: new Map([[1, 2]]), err: Object.assign(new Error('e'), { extra: 1 }), bytes: new Float32Array([1]) };
    const s = planted(() => {
      for (const key of ['a', 'length', 'id', 'stack', 'props', 'entries', 'preview', 'text']) {
        plant(Object.prototype, key, { set: () => void sets++, get: () => undefined });
      }
      plant(Array.prototype, 0, { set: () => void sets++, get: () => undefined });
      return takeSnapshot(input);
    });
    expect(sets).toBe(0);
    const value = s.value as Record<string, Record<string, unknown>>;
    expect(Object.getOwnPropertyDescriptor(value, 'a')?.value).toEqual([1, [2]]);
    expect(Object.getOwnPropertyDescriptor(value.fn, 'length')?.value).toBe(1);
    expect(Object.getOwnPropertyDescriptor(value.fn, 'id')?.value).toBe('f');
    expect(Object.getOwnPropertyDescriptor(value.m, 'entries')?.value).toEqual([[1, 2]]);
    expect(Object.getOwnPropertyDescriptor(value.err, 'props')?.value).toEqual({ extra: 1 });
    expect(Object.getOwnPropertyDescriptor(value.bytes, 'preview')?.value).toEqual([1]);
    expect(ran).toEqual([]);
  });

  it('reads regexp flags with the engine getters, not a getter on the regexp', () => {
    const re = /a/gi;
    Object.defineProperty(re, 'global', { get: () => (ran.push('global'), false) });
    Object.defineProperty(re, 'flags', { get: () => (ran.push('flags'), '') });
    expect(takeSnapshot(re).value).toEqual({ $fbdt: 'regexp', text: '/a/gi' });
    expect(ran).toEqual([]);
  });

  it('reads a proxy through getOwnPropertyDescriptor only: its get trap never runs', () => {
    const target = { a: 1, nested: [1, 2] };
    const proxy = new Proxy(target, {
      get(t, k, r) {
        ran.push(`get ${String(k)}`);
        return Reflect.get(t, k, r);
      },
    });
    const list = new Proxy([1, 2], {
      get(t, k, r) {
        ran.push(`get ${String(k)}`);
        return Reflect.get(t, k, r);
      },
    });
    expect(takeSnapshot({ proxy, list }).value).toEqual({ proxy: { a: 1, nested: [1, 2] }, list: [1, 2] });
    expect(ran).toEqual([]);
  });

  it('describes class instances by their own data, with accessors described and a spoofed tag ignored', () => {
    class Issue {
      key = 'FBDT-1';
      #secret = 's';
      get summary(): string {
        ran.push('summary');
        return this.#secret;
      }
      get [Symbol.toStringTag](): string {
        ran.push('tag');
        return 'Map';
      }
    }
    const withOwnAccessor = new Issue();
    Object.defineProperty(withOwnAccessor, 'lazy', { get: () => (ran.push('lazy'), 1), enumerable: true });
    expect(takeSnapshot([new Issue(), withOwnAccessor]).value).toEqual([
      { key: 'FBDT-1' },
      { key: 'FBDT-1', lazy: { $fbdt: 'unreadable', text: 'getter not called' } },
    ]);
    expect(ran).toEqual([]);
  });
});

describe('a subscription payload reaches the host as the app made it', () => {
  function recorder(): CaptureDeps & { events: HookEvent[] } {
    const events: HookEvent[] = [];
    let id = 0;
    return { events, emit: (e) => events.push(e), now: () => 1, nextId: () => ++id, callbackKeysFor: (c) => (c === 'on' ? ['callback'] : []) };
  }

  it('keeps the prototype and every own property descriptor, and runs no getter of it', () => {
    class Subscription {
      constructor(
        readonly event: string,
        readonly callback: (payload: unknown) => string,
      ) {}
      describe(): string {
        return `on ${this.event}`;
      }
    }
    const payload = new Subscription('issue-changed', (p) => `got ${String(p)}`);
    Object.defineProperty(payload, 'computed', { get: () => (ran.push('computed'), 42), enumerable: true });
    Object.defineProperty(payload, 'hidden', { value: 'h', enumerable: false });
    const tag = Symbol('tag');
    (payload as unknown as Record<symbol, unknown>)[tag] = 't';
    Object.seal(payload);
    let received: Subscription | undefined;
    const wrapped = wrapCallBridge((_c: string, p: unknown) => {
      received = p as Subscription;
      return Promise.resolve();
    }, recorder());
    wrapped('on', payload);
    expect(ran).toEqual([]);
    expect(received).not.toBe(payload);
    expect(Object.getPrototypeOf(received)).toBe(Subscription.prototype);
    expect(received?.describe()).toBe('on issue-changed');
    expect(Object.isSealed(received)).toBe(true);
    expect(Object.isFrozen(received)).toBe(false);
    for (const key of Reflect.ownKeys(payload)) {
      const mine = Object.getOwnPropertyDescriptor(payload, key)!;
      const theirs = Object.getOwnPropertyDescriptor(received!, key)!;
      if (key === 'callback') {
        expect({ ...theirs, value: undefined }).toEqual({ ...mine, value: undefined });
        expect(theirs.value).not.toBe(mine.value);
      } else {
        expect(theirs).toEqual(mine);
      }
    }
    // The host reads the getter once, as it would without the extension (vitest's own matchers above
    // read it too, hence the reset).
    ran = [];
    const read = received?.['computed' as keyof Subscription];
    expect(read).toBe(42);
    expect(ran).toEqual(['computed']);
    expect(received?.callback('x')).toBe('got x');
  });

  it('passes a payload whose callback is behind a getter as it is, without calling the getter', () => {
    const payload = { event: 'e' } as { event: string; callback?: () => void };
    Object.defineProperty(payload, 'callback', { get: () => (ran.push('callback getter'), () => undefined), enumerable: true });
    let received: unknown;
    const wrapped = wrapCallBridge((_c: string, p: unknown) => {
      received = p;
      return Promise.resolve();
    }, recorder());
    wrapped('on', payload);
    expect(received).toBe(payload);
    expect(ran).toEqual([]);
  });
});
