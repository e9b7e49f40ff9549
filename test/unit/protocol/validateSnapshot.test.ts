import { describe, expect, it } from 'vitest';
import { parseHookMessage, parseSnapshot } from '../../../src/protocol/validate';
import { type Obj, reasonOf, snap, start } from './messageFixtures';

describe('snapshots', () => {
  const bad = (request: unknown) => reasonOf(parseHookMessage({ events: [start(), start(2, { request })] }));

  it('must be {value, bytes, truncated}', () => {
    expect(bad('x')).toBe('events[1].request: expected a plain object, got a string');
    expect(bad({ value: 1, truncated: false })).toBe('events[1].request.bytes: expected a non-negative integer');
    expect(bad({ value: 1, bytes: -1, truncated: false })).toBe('events[1].request.bytes: expected a non-negative integer');
    expect(bad({ value: 1, bytes: 2.5, truncated: false })).toBe('events[1].request.bytes: expected a non-negative integer');
    expect(bad({ value: 1, bytes: 1e9, truncated: false })).toBe('events[1].request.bytes: larger than 69632');
    expect(bad({ value: 1, bytes: 1, truncated: 'no' })).toBe('events[1].request.truncated: expected a boolean, got a string');
    expect(bad({ bytes: 1, truncated: false })).toBe('events[1].request.value: missing');
  });

  it('values must be JSON data, with the path of the first bad one', () => {
    expect(bad(snap({ a: [1, NaN] }))).toBe('events[1].request.value.a[1]: expected a finite number, got NaN');
    expect(bad(snap({ a: { b: Infinity } }))).toBe('events[1].request.value.a.b: expected a finite number, got Infinity');
    expect(bad(snap({ 'odd key': undefined }))).toBe('events[1].request.value["odd key"]: undefined is not JSON data');
    expect(bad(snap([() => 1]))).toBe('events[1].request.value[0]: a function is not JSON data');
    expect(bad(snap({ n: 10n }))).toBe('events[1].request.value.n: a bigint is not JSON data');
    expect(bad(snap(new Date(0)))).toBe('events[1].request.value: expected JSON data, got [object Date]');
    expect(bad(snap({ m: new Map() }))).toBe('events[1].request.value.m: expected JSON data, got [object Map]');
    class Thing {
      a = 1;
    }
    expect(bad(snap({ t: new Thing() }))).toBe('events[1].request.value.t: expected JSON data, got [object Object]');
    expect(bad(snap(new Uint8Array(2)))).toBe('events[1].request.value: expected JSON data, got [object Uint8Array]');
  });

  it('too deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(bad(snap(deep))).toMatch(/^events\[1\]\.request\.value(\.d)+: nested deeper than 32 levels$/);
    let ok: unknown = 'leaf';
    for (let i = 0; i < 24; i++) ok = [ok];
    expect(parseHookMessage({ events: [start(1, { request: snap(ok) })] }).ok).toBe(true);
  });

  it('a cycle (possible through structured clone) is refused, not looped on', () => {
    const a: Obj = {};
    a.self = a;
    expect(bad(snap(a))).toMatch(/nested deeper than 32 levels$/);
  });

  it('oversized values', () => {
    expect(bad(snap('x'.repeat(70_000)))).toBe('events[1].request.value: larger than 69632 characters serialized');
    const many = Array.from({ length: 20_000 }, () => 'abcd');
    expect(bad(snap({ many }))).toMatch(/^events\[1\]\.request\.value\.many\[\d+\]: larger than 69632 characters serialized$/);
    // 64 KiB of content passes.
    expect(parseHookMessage({ events: [start(1, { request: snap('x'.repeat(65_000)) })] }).ok).toBe(true);
  });

  it('shared sub-objects cannot multiply the work: the size bound stops the walk', () => {
    let node: unknown = 'x'.repeat(100);
    for (let i = 0; i < 30; i++) node = [node, node]; // 2^30 leaves if walked in full
    const t0 = performance.now();
    expect(bad(snap(node))).toMatch(/larger than 69632 characters serialized$/);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('__proto__ keys stay data and pollute nothing', () => {
    const raw = '{"events":[{"type":"call-start","id":1,"command":"invoke","at":1,"request":{"value":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"bytes":70,"truncated":false}}]}';
    const parsed = parseHookMessage(JSON.parse(raw));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const event = parsed.value.events[0]!;
    expect(event.type).toBe('call-start');
    if (event.type !== 'call-start') return;
    const value = event.request.value as Obj;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect(({} as Obj).polluted).toBeUndefined();
    expect((Object.prototype as Obj).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  });

  it('a getter that throws makes the message unreadable, not a crash', () => {
    const evil = {
      get events(): unknown {
        throw new Error('gotcha');
      },
    };
    expect(reasonOf(parseHookMessage(evil))).toBe('unreadable message');
  });

  it('parseSnapshot checks one snapshot', () => {
    expect(parseSnapshot({ value: [1], bytes: 3, truncated: false })).toEqual({ ok: true, value: { value: [1], bytes: 3, truncated: false } });
    expect(reasonOf(parseSnapshot({ value: [NaN], bytes: 3, truncated: false }))).toBe('snapshot.value[0]: expected a finite number, got NaN');
  });
});
