import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../src/capture/snapshot';
import { SMALL, withoutPrepareStackTrace, snap } from './snapshotFixtures';

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
