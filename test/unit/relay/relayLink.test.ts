import { describe, expect, it } from 'vitest';
import type { HookEvent, RelayToBackground } from '../../../src/protocol';
import { parseRelayToBackground } from '../../../src/protocol/validate';
import { RelayLink } from '../../../src/relay/relayLink';
import { FakePort } from '../transport/fakePort';

const snap = { value: null, bytes: 4, truncated: false };
const start = (id: number): HookEvent => ({ type: 'call-start', id, command: 'getContext', at: 1000 + id, request: snap });

function setup(batchDelayMs?: number, busy?: { busyIntervalMs: number; clock: { now: number }; delays: number[] }) {
  const ports: FakePort<RelayToBackground>[] = [];
  const timers: (() => void)[] = [];
  const link = new RelayLink({
    docId: 'doc-1',
    hello: { url: 'http://localhost:8000/app', isTop: false, parentUrl: 'http://127.0.0.1/' },
    connect: () => {
      const p = new FakePort<RelayToBackground>();
      ports.push(p);
      return p;
    },
    schedule: (fn, ms) => {
      timers.push(fn);
      busy?.delays.push(ms);
    },
    batchDelayMs,
    ...(busy ? { busyIntervalMs: busy.busyIntervalMs, now: () => busy.clock.now } : {}),
  });
  link.start();
  return { link, ports, timers };
}

const sentEvents = (port: FakePort<RelayToBackground>) =>
  port.sent.flatMap((m) => (m.type === 'batch' ? m.events.map((e) => (e.type === 'call-start' ? e.id : -1)) : []));

describe('RelayLink', () => {
  it('says hello first, then forwards validated hook events in a batch', () => {
    const { link, ports } = setup();
    link.fromHook({ events: [start(1), start(2)] });
    expect(ports[0]!.sent[0]).toMatchObject({ type: 'hello', docId: 'doc-1', url: 'http://localhost:8000/app' });
    expect(ports[0]!.sent[1]).toMatchObject({ type: 'batch', firstSeq: 1 });
    expect(sentEvents(ports[0]!)).toEqual([1, 2]);
  });

  it('refuses a malformed hook message and forwards nothing', () => {
    const { link, ports } = setup();
    link.fromHook({ events: [{ type: 'call-start', id: -3, command: 'x', at: 1, request: snap }] });
    link.fromHook('not even an object');
    expect(link.rejected).toBe(2);
    expect(ports[0]!.sent.filter((m) => m.type === 'batch')).toHaveLength(0);
  });

  it('resends everything unacknowledged after the worker goes away, and only that', () => {
    const { link, ports, timers } = setup();
    link.fromHook({ events: [start(1), start(2), start(3)] });
    ports[0]!.answer({ type: 'ack', upTo: 2 });
    link.fromHook({ events: [start(4)] });
    ports[0]!.drop();
    link.fromHook({ events: [start(5)] }); // arrives while disconnected: buffered
    expect(ports).toHaveLength(1);
    timers.shift()!(); // the reconnect fires
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent[0]).toMatchObject({ type: 'hello' });
    expect(sentEvents(ports[1]!)).toEqual([3, 4, 5]);
  });

  it('keeps retrying while connecting fails to deliver an ack', () => {
    const { link, ports, timers } = setup();
    link.fromHook({ events: [start(1)] });
    ports[0]!.drop();
    timers.shift()!();
    ports[1]!.drop();
    timers.shift()!();
    expect(ports).toHaveLength(3);
    expect(sentEvents(ports[2]!)).toEqual([1]);
  });

  it('gathers events for batchDelayMs and sends them as one batch, at once when a batch is full, and on flush()', () => {
    const { link, ports, timers } = setup(25);
    link.fromHook({ events: [start(1)] });
    link.fromHook({ events: [start(2)] });
    expect(sentEvents(ports[0]!)).toEqual([]);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    expect(ports[0]!.sent.filter((m) => m.type === 'batch')).toHaveLength(1);
    expect(sentEvents(ports[0]!)).toEqual([1, 2]);

    const full = Array.from({ length: 200 }, (_, i) => start(3 + i));
    link.fromHook({ events: full });
    expect(sentEvents(ports[0]!)).toHaveLength(202);

    link.fromHook({ events: [start(203)] });
    link.flush();
    expect(sentEvents(ports[0]!).at(-1)).toBe(203);
  });

  it('while events keep coming, sends a batch at most once per busyIntervalMs; after a quiet spell, after batchDelayMs', () => {
    const busy = { busyIntervalMs: 100, clock: { now: 10_000 }, delays: [] as number[] };
    const { link, ports, timers } = setup(25, busy);
    const batches = () => ports[0]!.sent.filter((m) => m.type === 'batch').length;
    link.fromHook({ events: [start(1)] });
    expect(busy.delays).toEqual([25]);
    busy.clock.now += 25;
    timers.shift()!();
    expect(batches()).toBe(1);
    // 10 ms after that batch: the next waits until 100 ms after it.
    busy.clock.now += 10;
    link.fromHook({ events: [start(2)] });
    link.fromHook({ events: [start(3)] });
    expect(busy.delays).toEqual([25, 90]);
    busy.clock.now += 90;
    timers.shift()!();
    expect(batches()).toBe(2);
    expect(sentEvents(ports[0]!)).toEqual([1, 2, 3]);
    // A quiet spell: 25 ms again.
    busy.clock.now += 500;
    link.fromHook({ events: [start(4)] });
    expect(busy.delays.at(-1)).toBe(25);
    timers.shift()!();
    // A full batch and flush() still go at once, whatever the interval.
    busy.clock.now += 1;
    link.fromHook({ events: Array.from({ length: 200 }, (_, i) => start(5 + i)) });
    expect(sentEvents(ports[0]!)).toHaveLength(204);
    link.fromHook({ events: [start(205)] });
    link.flush();
    expect(sentEvents(ports[0]!).at(-1)).toBe(205);
    // A clock that jumps back never holds a batch longer than the interval.
    busy.clock.now -= 60_000;
    link.fromHook({ events: [start(206)] });
    expect(busy.delays.at(-1)).toBe(100);
  });

  it('sends a snapshot repeated within a batch once: later events name the first (`same`)', () => {
    const { link, ports } = setup();
    const value = { value: { context: 'x'.repeat(100) }, bytes: 114, truncated: false };
    const end = (id: number): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value: structuredClone(value) });
    link.fromHook({ events: [end(1), end(2), end(3)] });
    const sent = ports[0]!.sent.find((m) => m.type === 'batch')!;
    expect(sent.type === 'batch' && sent.events.map((e) => ('same' in e ? e.same : 'value' in e ? 'value' : null))).toEqual(['value', 0, 0]);
  });

  it('sends its losses with every batch: the hook\'s drops, its own refusals, and calls left open at pagehide', () => {
    const { link, ports } = setup();
    const end = (id: number): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value: snap });
    link.fromHook({ events: [start(1), start(2)], dropped: 3 });
    link.fromHook('refused');
    link.fromHook({ events: [end(1), start(3)] });
    const batches = () => ports[0]!.sent.filter((m) => m.type === 'batch');
    expect(batches()[0]).toMatchObject({ losses: { hookDropped: 3, relayRejected: 0, pagehide: 0 } });
    expect(batches()[1]).toMatchObject({ losses: { hookDropped: 3, relayRejected: 1, pagehide: 0 } });
    // Calls 2 and 3 have no end when the page goes away: the last batch says so.
    link.fromHook({ events: [end(3)] });
    link.pagehide();
    expect(batches().at(-1)).toMatchObject({ losses: { hookDropped: 3, relayRejected: 1, pagehide: 1 } });
    // Restored from the back/forward cache: calls opened since are counted at the next pagehide, not twice.
    link.fromHook({ events: [start(4)] });
    link.pagehide();
    expect(batches().at(-1)).toMatchObject({ losses: { pagehide: 2 } });
    // Nothing was left to send at either pagehide: the count went in a batch of no events, which the background accepts.
    expect(batches().filter((b) => b.events.length === 0)).toHaveLength(2);
    for (const b of batches()) expect(parseRelayToBackground(b)).toMatchObject({ ok: true, value: { losses: b.losses } });
  });

  it('counts no call as lost at pagehide whose end came before its start (the exit handoff overtakes the port)', () => {
    const { link, ports } = setup();
    const end = (id: number): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value: snap });
    // The hook's 'navigate' hands the ends over at once; their starts were still on the port.
    link.fromHook({ events: [end(1), end(2)] });
    link.fromHook({ events: [start(1), start(2), start(3)] });
    link.pagehide();
    const batches = () => ports[0]!.sent.filter((m) => m.type === 'batch');
    // Only call 3 has no end.
    expect(batches().at(-1)).toMatchObject({ losses: { pagehide: 1 } });
    // Each early end closes its own call once: a later start of another id still opens.
    link.fromHook({ events: [start(4)] });
    link.pagehide();
    expect(batches().at(-1)).toMatchObject({ losses: { pagehide: 2 } });
  });

  it('counts no joined call (start and end in one event) as open at pagehide', () => {
    const { link, ports } = setup();
    const call = (id: number): HookEvent => ({ type: 'call', id, command: 'getContext', at: 1000 + id, request: snap, endAt: 1001 + id, ok: true, value: snap });
    link.fromHook({ events: [call(1), start(2), call(3)] });
    link.pagehide();
    const batches = ports[0]!.sent.filter((m) => m.type === 'batch');
    expect(batches.at(-1)).toMatchObject({ losses: { pagehide: 1 } });
    expect(batches.flatMap((b) => b.events.map((e) => e.type))).toEqual(['call', 'call-start', 'call']);
  });

  it('sends at pagehide what is still gathering', () => {
    const { link, ports, timers } = setup(25);
    link.fromHook({ events: [start(1)] });
    expect(ports[0]!.sent.filter((m) => m.type === 'batch')).toHaveLength(0);
    link.pagehide();
    expect(sentEvents(ports[0]!)).toEqual([1]);
    expect(timers.length).toBeGreaterThan(0);
  });

  it('drops initiators the hook captured before it knew the setting was off', () => {
    const { link, ports } = setup();
    const withSite: HookEvent = { type: 'call-start', id: 1, command: 'getContext', at: 1001, request: snap, initiator: { frames: [{ fn: 'f', url: 'http://localhost/a.js', line: 1, column: 2 }] } };
    link.fromHook({ events: [withSite] });
    link.setInitiator(false);
    link.fromHook({ events: [{ ...withSite, id: 2 }] });
    // A call the hook joined keeps or loses its initiator alike.
    link.fromHook({ events: [{ ...withSite, type: 'call', id: 4, endAt: 1005, ok: true, value: snap }] });
    link.setInitiator(true);
    link.fromHook({ events: [{ ...withSite, id: 3 }] });
    link.fromHook({ events: [{ ...withSite, type: 'call', id: 5, endAt: 1006, ok: true, value: snap }] });
    const starts = ports[0]!.sent.flatMap((m) => (m.type === 'batch' ? m.events : [])) as Extract<HookEvent, { type: 'call-start' }>[];
    expect(starts.map((e) => [e.id, e.initiator !== undefined])).toEqual([
      [1, true],
      [2, false],
      [4, false],
      [3, true],
      [5, true],
    ]);
  });
});
