import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../src/protocol/hook';
import { parseHookMessage, parseRelayToBackground } from '../../../src/protocol/validate';

const context = { cloudId: 'c0ffee', localId: 'ari:cloud:ecosystem::extension/x/y/static/panel', theme: { colorMode: 'light' } };
const snap = (value: unknown) => ({ value, bytes: JSON.stringify(value).length, truncated: false });
const batch = (events: unknown[]) => ({ type: 'batch', docId: 'doc-1', firstSeq: 1, lost: 0, events });
const start = (id: number) => ({ type: 'call-start', id, command: 'getContext', at: 1000 + id, request: snap(null) });
const end = (id: number, extra: Record<string, unknown>) => ({ type: 'call-end', id, at: 2000 + id, ok: true, ...extra });

describe('relay → background: `same` names an earlier event\'s snapshot', () => {
  it('gives the event that very snapshot, for a value, a request and delivery args', () => {
    const parsed = parseRelayToBackground(
      batch([
        end(1, { value: snap(context) }),
        end(2, { same: 0 }),
        { type: 'call-start', id: 3, command: 'invoke', at: 3, same: 1 },
        { type: 'delivery', id: 3, seq: 0, at: 4, key: 'callback', same: 2 },
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const events = (parsed.value as { events: HookEvent[] }).events;
    const first = (events[0] as Extract<HookEvent, { type: 'call-end' }>).value;
    expect(first.value).toEqual(context);
    expect((events[1] as Extract<HookEvent, { type: 'call-end' }>).value).toBe(first);
    expect((events[2] as Extract<HookEvent, { type: 'call-start' }>).request).toBe(first);
    expect((events[3] as Extract<HookEvent, { type: 'delivery' }>).args).toBe(first);
    expect(events[1]).not.toHaveProperty('same');
  });

  it('refuses the whole batch, naming the field, when `same` names nothing it may', () => {
    const cases: [unknown[], string][] = [
      [[end(1, { same: 0 })], 'events[0].same'],
      [[end(1, { same: 1 }), end(2, { value: snap(context) })], 'events[0].same'],
      [[{ type: 'transport', at: 1, kind: 'post-robot' }, end(1, { same: 0 })], 'events[1].same'],
      [[end(1, { value: snap(context) }), end(2, { same: -1 })], 'events[1].same'],
      [[end(1, { value: snap(context) }), end(2, { same: 0.5 })], 'events[1].same'],
      [[end(1, { value: snap(context) }), end(2, { same: '0' })], 'events[1].same'],
      [[end(1, { value: snap(context) }), end(2, { same: 0, value: snap(context) })], 'events[1].same'],
      [[end(1, { value: snap(context) }), end(2, { same: 5 })], 'events[1].same'],
    ];
    for (const [events, field] of cases) {
      const parsed = parseRelayToBackground(batch(events));
      expect(parsed.ok, JSON.stringify(events)).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain(field);
    }
  });

  it('numbers snapshots, not events: a joined call has two, its request before its value', () => {
    const call = (id: number, extra: Record<string, unknown>) => ({ type: 'call', id, command: 'getContext', at: 1000 + id, endAt: 2000 + id, ok: true, ...extra });
    const parsed = parseRelayToBackground(
      batch([
        call(1, { request: snap(null), value: snap(context) }),
        { type: 'transport', at: 1, kind: 'post-robot' },
        call(2, { same: 0, sameValue: 1 }),
        // Its value names its own request (#4, numbered before the value).
        call(3, { request: snap('x'), sameValue: 4 }),
        end(4, { same: 1 }),
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const events = (parsed.value as { events: HookEvent[] }).events as Extract<HookEvent, { type: 'call' }>[];
    expect(events[2]!.request).toBe(events[0]!.request);
    expect(events[2]!.value).toBe(events[0]!.value);
    expect(events[2]).toEqual({ type: 'call', id: 2, command: 'getContext', at: 1002, endAt: 2002, ok: true, request: events[0]!.request, value: events[0]!.value });
    expect(events[3]!.value).toBe(events[3]!.request);
    expect((events[4] as unknown as Extract<HookEvent, { type: 'call-end' }>).value).toBe(events[0]!.value);
    const refused: [unknown[], string][] = [
      // The request is numbered first: it cannot name the call's own value.
      [[call(1, { same: 1, value: snap(context) })], 'events[0].same'],
      [[call(1, { request: snap(null), sameValue: 1 })], 'events[0].sameValue'],
      [[call(1, { request: snap(null), value: snap(context), sameValue: 0 })], 'events[0].sameValue'],
      [[call(1, { request: snap(null), sameValue: -1 })], 'events[0].sameValue'],
      [[call(1, { request: snap(null) })], 'events[0].value'],
      [[call(1, { request: snap(null), value: snap(1), endAt: -1 })], 'events[0].endAt'],
    ];
    for (const [list, field] of refused) {
      const got = parseRelayToBackground(batch(list));
      expect(got.ok, JSON.stringify(list)).toBe(false);
      if (!got.ok) expect(got.reason).toContain(field);
    }
    // From the hook, a call carries both its snapshots: `sameValue` is ignored there, as `same` is.
    const fromHook = parseHookMessage({ events: [call(1, { request: snap(null), sameValue: 0 })] });
    expect(fromHook.ok).toBe(false);
    if (!fromHook.ok) expect(fromHook.reason).toContain('events[0].value');
  });

  it('is not accepted from the hook: an event there must carry its snapshot', () => {
    const parsed = parseHookMessage({ events: [end(1, { value: snap(context) }), end(2, { same: 0 })] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('events[1].value');
    expect(parseHookMessage({ events: [start(1), end(1, { value: snap(context), same: 0 })] }).ok).toBe(true);
  });
});

describe('hook → relay: one snapshot object carried by several events', () => {
  it('is checked once and given to each of them as one checked snapshot, measured by the receiver', () => {
    const shared = { ...snap(context), bytes: 1 }; // the claimed size is not believed
    const parsed = parseHookMessage({ events: [end(1, { value: shared }), start(2), end(2, { value: shared }), { type: 'delivery', id: 2, seq: 0, at: 5, key: 'callback', args: shared }] });
    if (!parsed.ok) throw new Error(parsed.reason);
    const [first, , second, delivery] = parsed.value.events as [Extract<HookEvent, { type: 'call-end' }>, HookEvent, Extract<HookEvent, { type: 'call-end' }>, Extract<HookEvent, { type: 'delivery' }>];
    expect(first.value).not.toBe(shared);
    expect(first.value.bytes).toBe(JSON.stringify(context).length);
    expect(second.value).toBe(first.value);
    expect(delivery.args).toBe(first.value);
  });

  it('refuses the message when the shared object is bad, at its first event', () => {
    const bad = snap({ ok: 1, f: undefined });
    const parsed = parseHookMessage({ events: [start(1), end(1, { value: bad }), end(2, { value: bad })] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('events[1].value');
  });

  it('checks equal snapshots that are separate objects each on their own', () => {
    const parsed = parseHookMessage({ events: [end(1, { value: snap(context) }), end(2, { value: snap(context) })] });
    if (!parsed.ok) throw new Error(parsed.reason);
    const [a, b] = parsed.value.events as Extract<HookEvent, { type: 'call-end' }>[];
    expect(a!.value).not.toBe(b!.value);
    expect(a!.value).toEqual(b!.value);
  });
});
