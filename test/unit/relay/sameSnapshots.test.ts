import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../src/protocol/hook';
import type { Snapshot, SnapshotValue } from '../../../src/protocol/snapshot';
import { parseHookMessage, parseRelayToBackground } from '../../../src/protocol/validate';
import { LIMITS } from '../../../src/protocol/limits';
import { withSameSnapshots } from '../../../src/relay/sameSnapshots';

const context = { cloudId: 'c0ffee', localId: 'ari:cloud:ecosystem::extension/x/y/static/panel', theme: { colorMode: 'light' }, list: [1, 'two', null] };

/** Events as the relay holds them: checked by parseHookMessage (snapshots measured by the relay), each value its own copy. */
function checked(events: unknown[]): HookEvent[] {
  const parsed = parseHookMessage(JSON.parse(JSON.stringify({ events })));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value.events;
}
const snap = (value: SnapshotValue, truncated = false): Snapshot => ({ value, bytes: JSON.stringify(value).length, truncated });
const end = (id: number, value: Snapshot): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value });

/** What the background gets: the relay's batch through JSON (the runtime port), then its validator. */
function received(events: HookEvent[]): HookEvent[] {
  const wire = { type: 'batch', docId: 'doc-1', firstSeq: 1, lost: 0, events: withSameSnapshots(events) };
  const parsed = parseRelayToBackground(JSON.parse(JSON.stringify(wire)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return (parsed.value as { events: HookEvent[] }).events;
}

describe('withSameSnapshots', () => {
  it('sends a repeated answer once per batch; the background gets every event as it was, repeats as one object', () => {
    const events = checked([end(1, snap(context)), { type: 'transport', at: 1, kind: 'post-robot' }, end(2, snap(context)), end(3, snap({ ...context, cloudId: 'c0ffef' })), end(4, snap(context))]);
    const wire = withSameSnapshots(events);
    expect(wire.map((e) => ('same' in e ? e.same : null))).toEqual([null, null, 0, null, 0]);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(events).length * 0.7);
    const got = received(events);
    expect(got).toEqual(events);
    expect((got[4] as Extract<HookEvent, { type: 'call-end' }>).value).toBe((got[0] as Extract<HookEvent, { type: 'call-end' }>).value);
    // The relay's own events are left as they are (they are resent as they are after a reconnection).
    expect(events[2]).toHaveProperty('value');
  });

  it('never names a snapshot of another key order, another truncated, or a small one', () => {
    const { cloudId, ...rest } = context;
    const small = { a: 1 };
    expect(JSON.stringify(small).length).toBeLessThan(LIMITS.sameSnapshotMinBytes);
    const events = checked([end(1, snap(context)), end(2, snap({ ...rest, cloudId })), end(3, snap(context, true)), end(4, snap(small)), end(5, snap(small))]);
    expect(withSameSnapshots(events).some((e) => 'same' in e)).toBe(false);
    expect(received(events)).toEqual(events);
  });

  it('names a snapshot that is the very object an earlier event carries, small ones included', () => {
    // As the hook sends them and structured clone keeps them: the snapshot of undefined one object for every call,
    // and an answer equal to the first (its own object) repeated.
    const undef = snap({ $fbdt: 'undefined' });
    const first = snap(context);
    const again = snap(context);
    const raw = [1, 2, 3].flatMap((id) => [{ type: 'call-start', id, command: 'getContext', at: id, request: undef }, end(id, id === 1 ? first : again)]);
    const parsed = parseHookMessage(structuredClone({ events: raw }));
    if (!parsed.ok) throw new Error(parsed.reason);
    const events = parsed.value.events;
    const wire = withSameSnapshots(events);
    expect(wire.map((e) => ('same' in e ? e.same : null))).toEqual([null, null, 0, 1, 0, 1]);
    const got = received(events);
    expect(got).toEqual(events);
    const request = (i: number) => (got[i] as Extract<HookEvent, { type: 'call-start' }>).request;
    expect(request(2)).toBe(request(0));
    expect(request(4)).toBe(request(0));
  });

  it('numbers the snapshots, not the events: a joined call names its request with `same` and its value with `sameValue`', () => {
    const undef = snap({ $fbdt: 'undefined' });
    const call = (id: number, value: Snapshot) => ({ type: 'call', id, command: 'getContext', at: id, request: undef, endAt: id + 1, ok: true, value });
    // As structured clone keeps them: one undefined snapshot object, the answer of calls 2 and 3 one object; call 4
    // answers undefined, the very object of its own request.
    const answer = snap(context);
    const raw = [call(1, snap(context)), { type: 'transport', at: 1, kind: 'post-robot' }, call(2, answer), call(3, answer), call(4, undef), end(5, snap(context))];
    const parsed = parseHookMessage(structuredClone({ events: raw }));
    if (!parsed.ok) throw new Error(parsed.reason);
    const events = parsed.value.events;
    const wire = withSameSnapshots(events) as unknown as Record<string, unknown>[];
    const names = wire.map((e) => [e.same ?? null, e.sameValue ?? null]);
    // Snapshots: call 1's request #0 and value #1; call 2 names both; call 4's value is its request (#0); the
    // call-end's value is its only snapshot, named with `same`.
    expect(names).toEqual([[null, null], [null, null], [0, 1], [0, 1], [0, 0], [1, null]]);
    expect(wire.filter((e) => 'request' in e || 'value' in e)).toHaveLength(1);
    const got = received(events);
    expect(got).toEqual(events);
    const value = (i: number) => (got[i] as Extract<HookEvent, { type: 'call' }>).value;
    expect(value(3)).toBe(value(0));
    expect(value(4)).toBe((got[0] as Extract<HookEvent, { type: 'call' }>).request);
  });

  it('on random batches, the background gets exactly the events the relay held', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pool: SnapshotValue[] = [context, { ...context, cloudId: 'x' }, [context, context], { big: 'y'.repeat(80) }, { big: 'z'.repeat(80) }, 'w'.repeat(70), null, { a: [1, 2] }];
    let named = 0;
    let namedValues = 0;
    for (let round = 0; round < 200; round++) {
      const raw: unknown[] = [];
      for (let i = 0; i < 1 + Math.floor(rand() * 30); i++) {
        const value = snap(pool[Math.floor(rand() * pool.length)]!, rand() < 0.1);
        const kind = Math.floor(rand() * 5);
        if (kind === 0) raw.push({ type: 'call-start', id: i + 1, command: 'c', at: i, request: value });
        else if (kind === 4) raw.push({ type: 'call', id: i + 1, command: 'c', at: i, request: snap(pool[Math.floor(rand() * pool.length)]!), endAt: i + 1, ok: rand() < 0.5, value });
        else if (kind === 1) raw.push(end(i + 1, value));
        else if (kind === 2) raw.push({ type: 'delivery', id: 1, seq: i, at: i, key: 'callback', args: value });
        else raw.push({ type: 'paint', at: i, name: 'first-paint' });
      }
      const events = checked(raw);
      const wire = withSameSnapshots(events);
      named += wire.filter((e) => 'same' in e).length;
      namedValues += wire.filter((e) => 'sameValue' in e).length;
      expect(received(events)).toEqual(events);
    }
    expect(named).toBeGreaterThan(100);
    expect(namedValues).toBeGreaterThan(50);
  });
});
