import { afterEach, describe, expect, it } from 'vitest';
import { createHookChannel, GATHER_MS, type ChannelWindow, type HookChannelMessage } from '../../../src/capture/hookChannel';
import { CHANNEL_OFFER, type HookEvent } from '../../../src/protocol/hook';
import type { Snapshot, SnapshotValue } from '../../../src/protocol/snapshot';
import { parseHookMessage } from '../../../src/protocol/validate';
import { FakeWindow, macrotask, relayEnd } from './fakeWindow';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function transport(n: number): HookEvent {
  return { type: 'transport', at: 1000 + n, kind: 'post-robot' };
}

/** A manual scheduler: `runs` holds what the channel asked to run later. */
function manual() {
  const runs: (() => void)[] = [];
  return { runs, schedule: (run: () => void) => runs.push(run), runAll: () => runs.splice(0).forEach((r) => r()) };
}

/** The relay's part: a MessageChannel whose port2 is offered to the window. */
async function offer(win: FakeWindow, from: unknown = win) {
  const mc = new MessageChannel();
  channels.push(mc);
  const relay = relayEnd(mc.port1);
  const event = await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2], from);
  return { relay, event };
}

const asWindow = (w: FakeWindow) => w as unknown as ChannelWindow;

describe('createHookChannel: the offer', () => {
  it('queues and batches past setters a page put on Array.prototype and Object.prototype', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: () => undefined });
    const { relay } = await offer(win);
    let sets = 0;
    const planted = [
      [Array.prototype, '0'],
      [Array.prototype, '1'],
      [Object.prototype, '0'],
    ] as const;
    // Planted only while the hook queues, batches and posts (synchronously): test tooling breaks under them.
    try {
      for (const [proto, key] of planted) Object.defineProperty(proto, key, { set: () => void sets++, get: () => undefined, configurable: true });
      channel.emit(transport(1));
      channel.emit(transport(2));
      channel.flush();
    } finally {
      for (const [proto, key] of planted) delete (proto as Record<string, unknown>)[key];
    }
    expect(sets).toBe(0);
    expect(await relay.next()).toEqual({ events: [transport(1), transport(2)] });
  });

  it('queues events until the offer, then posts them on the port in one message', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule });
    channel.emit(transport(1));
    channel.emit(transport(2));
    expect(channel.connected).toBe(false);
    const { relay } = await offer(win);
    expect(channel.connected).toBe(true);
    const message = await relay.next();
    expect(message).toEqual({ events: [transport(1), transport(2)] });
    expect(parseHookMessage(message).ok).toBe(true);
  });

  it('hides the offer from page listeners', async () => {
    const win = new FakeWindow();
    createHookChannel(asWindow(win));
    const seenByPage: unknown[] = [];
    win.addEventListener('message', (e) => seenByPage.push(e.data), true);
    win.addEventListener('message', (e) => seenByPage.push(e.data));
    await offer(win);
    expect(seenByPage).toEqual([]);
  });

  it('takes only the first offer, and then lets later ones through to the page', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule });
    const first = await offer(win);
    const seenByPage: unknown[] = [];
    win.addEventListener('message', (e) => seenByPage.push(e.data));
    const second = await offer(win);
    expect(seenByPage).toEqual([{ type: CHANNEL_OFFER }]);
    channel.emit(transport(1));
    channel.flush();
    expect(await first.relay.next()).toEqual({ events: [transport(1)] });
    await macrotask();
    expect(second.relay.messages).toEqual([]);
  });

  it('ignores an offer from another window, one without a port, and unrelated messages', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win));
    const other = new FakeWindow();
    const seenByPage: unknown[] = [];
    win.addEventListener('message', (e) => seenByPage.push(e.data));
    await offer(win, other);
    await win.postMessage({ type: CHANNEL_OFFER }, '*', []);
    await win.postMessage('hello');
    await win.postMessage(null);
    expect(channel.connected).toBe(false);
    expect(seenByPage).toEqual([{ type: CHANNEL_OFFER }, { type: CHANNEL_OFFER }, 'hello', null]);
  });

  it('has no way to accept a second offer: the first channel keeps every event', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule });
    expect('rearm' in channel).toBe(false);
    const first = await offer(win);
    const second = await offer(win);
    channel.emit(transport(3));
    channel.flush();
    expect(await first.relay.next()).toEqual({ events: [transport(3)] });
    expect(second.relay.messages).toEqual([]);
  });

  it('refuses an offer that is not trusted (a page that dispatched a MessageEvent of its own)', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule });
    const mc = new MessageChannel();
    win.dispatch({ data: { type: CHANNEL_OFFER }, source: win, ports: [mc.port2], isTrusted: false });
    expect(channel.connected).toBe(false);
    mc.port1.close();
  });
});

describe('createHookChannel: batching and bounds', () => {
  it('posts on a later macrotask, not on the emit path', async () => {
    const win = new FakeWindow();
    const m = manual();
    const channel = createHookChannel(asWindow(win), { schedule: m.schedule });
    const { relay } = await offer(win);
    channel.emit(transport(1));
    channel.emit(transport(2));
    channel.emit(transport(3));
    expect(m.runs).toHaveLength(1);
    await macrotask();
    expect(relay.messages).toEqual([]);
    m.runAll();
    expect(await relay.next()).toEqual({ events: [transport(1), transport(2), transport(3)] });
  });

  it('posts at once when a batch is full, and cuts messages at the batch size', async () => {
    const win = new FakeWindow();
    const m = manual();
    const channel = createHookChannel(asWindow(win), { schedule: m.schedule, batchSize: 2 });
    for (let i = 1; i <= 5; i++) channel.emit(transport(i));
    const { relay } = await offer(win);
    await macrotask();
    expect(relay.messages.map((x) => (x as HookChannelMessage).events.length)).toEqual([2, 2, 1]);
    channel.emit(transport(6));
    channel.emit(transport(7));
    await macrotask();
    expect(relay.messages).toHaveLength(4);
    expect(relay.messages[3]).toEqual({ events: [transport(6), transport(7)] });
  });

  it('keeps at most maxQueued events while waiting, and reports the drops with the next message', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule, maxQueued: 3 });
    for (let i = 1; i <= 5; i++) channel.emit(transport(i));
    expect(channel.dropped).toBe(2);
    const { relay } = await offer(win);
    expect(await relay.next()).toEqual({ events: [transport(1), transport(2), transport(3)], dropped: 2 });
    channel.emit(transport(6));
    channel.flush();
    expect(await relay.next()).toEqual({ events: [transport(6)] });
  });

  it('bounds the bytes kept while waiting', () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { maxQueuedBytes: 1000 });
    const big: HookEvent = { type: 'call-start', id: 1, command: 'invoke', at: 1, request: { value: 'x'.repeat(600), bytes: 602, truncated: false } };
    channel.emit(big);
    channel.emit({ ...big, id: 2 });
    expect(channel.dropped).toBe(1);
  });

  it('posts on the next macrotask after a quiet spell, and at most once per GATHER_MS while events keep coming', async () => {
    const win = new FakeWindow();
    let clock = 1000;
    const asked: number[] = [];
    const runs: (() => void)[] = [];
    const channel = createHookChannel(asWindow(win), { now: () => clock, schedule: (run, ms) => (asked.push(ms), runs.push(run)) });
    const { relay } = await offer(win);
    channel.emit(transport(1));
    expect(asked).toEqual([0]); // nothing posted for GATHER_MS: at once, on a macrotask
    runs.shift()!();
    expect(await relay.next()).toEqual({ events: [transport(1)] });
    clock += 5;
    channel.emit(transport(2));
    channel.emit(transport(3));
    expect(asked).toEqual([0, GATHER_MS - 5]); // posted 5 ms ago: the rest of the gathering time
    runs.shift()!();
    expect(await relay.next()).toEqual({ events: [transport(2), transport(3)] });
    clock += GATHER_MS + 1;
    channel.emit(transport(4));
    expect(asked).toEqual([0, GATHER_MS - 5, 0]);
  });

  it('uses a MessageChannel macrotask by default', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win));
    const { relay } = await offer(win);
    channel.emit(transport(1));
    expect(await relay.next()).toEqual({ events: [transport(1)] });
  });

  it('never throws into the page when the port or the window misbehaves', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: manual().schedule });
    const brokenPort = {
      postMessage() {
        throw new Error('port closed');
      },
    };
    win.dispatch({ data: { type: CHANNEL_OFFER }, source: win, ports: [brokenPort as unknown as MessagePort] });
    expect(channel.connected).toBe(true);
    expect(() => {
      channel.emit(transport(1));
      channel.flush();
    }).not.toThrow();
    expect(channel.dropped).toBe(1);
    const hostile = {
      addEventListener() {
        throw new Error('no');
      },
      removeEventListener() {
        throw new Error('no');
      },
    };
    expect(() => createHookChannel(hostile).emit(transport(1))).not.toThrow();
  });
});

describe('createHookChannel: a call\'s start and end in one message go as one `call` event', () => {
  const snapOf = (value: SnapshotValue): Snapshot => ({ value, bytes: JSON.stringify(value).length, truncated: false });
  const request = snapOf({ functionKey: 'f' });
  const start = (id: number): HookEvent => ({ type: 'call-start', id, command: 'invoke', at: 1000 + id, request });
  const end = (id: number, ok = true): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok, value: snapOf({ answer: id }) });
  const joined = (id: number, ok = true): HookEvent => ({ type: 'call', id, command: 'invoke', at: 1000 + id, request, endAt: 2000 + id, ok, value: snapOf({ answer: id }) });
  const delivery = (id: number): HookEvent => ({ type: 'delivery', id, seq: 0, at: 1500 + id, key: 'callback', args: snapOf([id]) });

  it('joins where the start is; a start or end whose other half is in another message goes alone', async () => {
    const win = new FakeWindow();
    const m = manual();
    const channel = createHookChannel(asWindow(win), { schedule: m.schedule });
    const { relay } = await offer(win);
    channel.emit(start(1));
    m.runAll();
    const first = await relay.next();
    channel.emit(start(2));
    channel.emit(delivery(2));
    channel.emit(end(1));
    channel.emit(start(3));
    channel.emit(end(3, false));
    channel.emit(end(2));
    m.runAll();
    const second = await relay.next();
    expect(first).toEqual({ events: [start(1)] });
    // A delivery between a start and its end follows the joined call (the recorder takes them alike).
    expect(second).toEqual({ events: [joined(2), delivery(2), end(1), joined(3, false)] });
    expect(parseHookMessage(second).ok).toBe(true);
  });

  it('joins a call once: a second end (a thenable that calls back twice) goes alone', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: () => undefined });
    const { relay } = await offer(win);
    for (const e of [start(1), end(1), end(1, false)]) channel.emit(e);
    channel.flush();
    expect(await relay.next()).toEqual({ events: [joined(1), end(1, false)] });
  });

  it('never joins across the messages a batch is cut into', async () => {
    const win = new FakeWindow();
    const m = manual();
    const channel = createHookChannel(asWindow(win), { schedule: m.schedule, batchSize: 2 });
    for (const e of [start(1), transport(1), start(2), end(2), end(1)]) channel.emit(e);
    const { relay } = await offer(win);
    await macrotask();
    expect(relay.messages).toEqual([{ events: [start(1), transport(1)] }, { events: [joined(2), end(1)] }]);
  });

  it('keeps the initiator, and reads no key the start lacks (a getter a page put on Object.prototype never runs)', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: () => undefined });
    const { relay } = await offer(win);
    const initiator = { frames: [{ fn: 'load', url: 'https://app.example/main.js', line: 3, column: 9 }] };
    // Keys a start may lack, and the call's own (a getter on `value` would break the test's own defineProperty).
    const PLANTED = ['initiator', 'endAt'];
    let reads = 0;
    try {
      for (const key of PLANTED) Object.defineProperty(Object.prototype, key, { get: () => void reads++, set: () => void reads++, configurable: true });
      channel.emit(start(1));
      channel.emit(end(1));
      channel.emit({ ...start(2), initiator } as HookEvent);
      channel.emit(end(2));
      channel.flush();
    } finally {
      for (const key of PLANTED) delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect(reads).toBe(0);
    const got = (await relay.next()) as HookChannelMessage;
    expect(got.events).toEqual([joined(1), { ...joined(2), initiator }]);
    expect(Object.keys(got.events[1]!)).toEqual(['type', 'id', 'command', 'at', 'request', 'initiator', 'endAt', 'ok', 'value']);
  });

  it('shares a repeated answer across joined calls: one object in the message', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(asWindow(win), { schedule: () => undefined });
    const { relay } = await offer(win);
    const context = { cloudId: 'c0ffee', localId: 'ari:cloud:ecosystem::extension/x/y/static/panel', theme: { colorMode: 'light' } };
    for (const id of [1, 2, 3]) {
      channel.emit(start(id));
      channel.emit({ type: 'call-end', id, at: 2000 + id, ok: true, value: snapOf(context) });
    }
    channel.flush();
    const got = (await relay.next()) as HookChannelMessage;
    const values = got.events.map((e) => (e as Extract<HookEvent, { type: 'call' }>).value);
    expect(values[0]!.value).toEqual(context);
    expect(values[1]).toBe(values[0]);
    expect(values[2]).toBe(values[0]);
  });
});
