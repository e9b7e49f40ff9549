import { afterEach, describe, expect, it } from 'vitest';
import { GATHER_MS, type HookChannelMessage } from '../../../src/capture/hookChannel';
import { HOOK_MARK, SECOND_COPY_OFFER_WAIT_MS, startHook } from '../../../src/capture/startHook';
import { CHANNEL_OFFER, type HookEvent } from '../../../src/protocol/hook';
import { parseHookMessage } from '../../../src/protocol/validate';
import { FakeWindow, macrotask, relayEnd } from './fakeWindow';

type Bridge = { callBridge: (command: string, payload?: unknown) => Promise<unknown>; __SEMVER?: string };

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

async function connectRelay(win: FakeWindow) {
  const mc = new MessageChannel();
  channels.push(mc);
  const relay = relayEnd(mc.port1);
  await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2]);
  /** Every event received so far, after checking each message as the relay does. */
  const events = async (): Promise<HookEvent[]> => {
    // The hook gathers events for GATHER_MS before it posts them.
    await new Promise((r) => setTimeout(r, GATHER_MS + 5));
    await macrotask();
    return relay.messages.flatMap((m) => {
      const parsed = parseHookMessage(m);
      if (!parsed.ok) throw new Error(`relay would refuse: ${parsed.reason}`);
      return parsed.value.events;
    });
  };
  return { relay, events };
}

const asGlobal = (w: FakeWindow) => w as unknown as typeof globalThis;
const keys = (c: string) => (c === 'on' ? ['callback'] : []);

describe('startHook', () => {
  it('reports hook-ready, the bridge when it arrives, and each call, over the relay channel', async () => {
    const win = new FakeWindow();
    win.top = win;
    expect(startHook(asGlobal(win), { callbackKeysFor: keys })).toBe(true);
    const { events } = await connectRelay(win);
    (win as unknown as { __bridge: Bridge }).__bridge = { __SEMVER: '1.15.3', callBridge: () => Promise.resolve({ ok: true }) };
    const bridge = (win as unknown as { __bridge: Bridge }).__bridge;
    expect(await bridge.callBridge('getContext')).toEqual({ ok: true });
    const got = await events();
    // The call's start and end reach the relay in one message: joined as one `call` event.
    expect(got.map((e) => e.type)).toEqual(['hook-ready', 'bridge-found', 'call']);
    expect(got[0]).toMatchObject({
      type: 'hook-ready',
      url: 'https://abc.cdn.prod.atlassian-dev.net/index.html?x=1',
      isTop: true,
      referrer: 'https://site.atlassian.net/jira/apps/1',
    });
    expect(got[1]).toMatchObject({ type: 'bridge-found', semver: '1.15.3', frozen: false, via: 'trap' });
    expect(got[2]).toMatchObject({ type: 'call', id: 1, command: 'getContext', ok: true, value: { value: { ok: true } } });
    const call = got[2] as Extract<HookEvent, { type: 'call' }>;
    expect(call.endAt).toBeGreaterThanOrEqual(call.at);
    expect(Math.abs(call.at - Date.now())).toBeLessThan(5000);
  });

  it('reports a frozen bridge, a present one, and the transport', async () => {
    const win = new FakeWindow();
    const real = Object.freeze({ __SEMVER: '1.2.3', callBridge: () => Promise.resolve(1) });
    Object.defineProperty(win, '__bridge', { value: real, configurable: true, enumerable: true, writable: true });
    startHook(asGlobal(win), { callbackKeysFor: keys });
    const { events } = await connectRelay(win);
    win.dispatch({ data: '{"__post_robot_10_0_46__":[]}', source: {} });
    const got = await events();
    expect(got.map((e) => e.type)).toEqual(['hook-ready', 'bridge-found', 'transport']);
    expect(got[0]).toMatchObject({ isTop: false });
    expect(got[1]).toMatchObject({ type: 'bridge-found', semver: '1.2.3', frozen: true, via: 'present' });
    expect(got[2]).toMatchObject({ type: 'transport', kind: 'post-robot' });
  });

  it('sniffs the transport only once a bridge is there (a host page classifies none of its frames\' messages)', async () => {
    const win = new FakeWindow();
    startHook(asGlobal(win), { callbackKeysFor: keys });
    const { events } = await connectRelay(win);
    win.dispatch({ data: '{"__post_robot_10_0_46__":[]}', source: {} });
    expect((await events()).map((e) => e.type)).toEqual(['hook-ready']);
    (win as unknown as { __bridge: Bridge }).__bridge = { callBridge: () => Promise.resolve(1) };
    win.dispatch({ data: '{"__post_robot_10_0_46__":[]}', source: {} });
    const got = await events();
    expect(got.map((e) => e.type)).toEqual(['hook-ready', 'bridge-found', 'transport']);
    expect(got[2]).toMatchObject({ type: 'transport', kind: 'post-robot' });
  });

  it('still says the bridge is there when it cannot be hooked', async () => {
    const win = new FakeWindow();
    Object.defineProperty(win, '__bridge', { value: { callBridge: () => undefined }, configurable: false });
    startHook(asGlobal(win), { callbackKeysFor: keys });
    const { events } = await connectRelay(win);
    const got = await events();
    expect(got.map((e) => e.type)).toEqual(['hook-ready', 'bridge-found']);
    expect(got[1]).toMatchObject({ semver: null, via: 'present' });
  });

  it('leaves no page-reachable handle: the mark holds a version only, and a later offer is never taken', async () => {
    const win = new FakeWindow();
    expect(startHook(asGlobal(win), { callbackKeysFor: keys })).toBe(true);
    const mark = Object.getOwnPropertyDescriptor(win, HOOK_MARK);
    expect(mark?.enumerable).toBe(false);
    expect(mark?.configurable).toBe(false);
    expect(Object.keys(win)).not.toContain(String(HOOK_MARK));
    expect(mark?.value).toEqual({ version: 2 });
    expect(Object.isFrozen(mark?.value)).toBe(true);
    const relay = await connectRelay(win);
    // A page script now offers its own channel (as the probe in issue 14 did after calling rearm()).
    const page = await connectRelay(win);
    (win as unknown as { __bridge: Bridge }).__bridge = { callBridge: () => Promise.resolve(2) };
    await (win as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', { functionKey: 'k' });
    expect((await relay.events()).map((e) => e.type)).toEqual(['hook-ready', 'bridge-found', 'call']);
    expect(await page.events()).toEqual([]);
  });

  it('is not stopped by a page that defined the mark first, and a second copy takes nothing from the first', async () => {
    const win = new FakeWindow();
    let rearmed = 0;
    Object.defineProperty(win, HOOK_MARK, { value: { version: 1, rearm: () => rearmed++ }, configurable: false });
    expect(startHook(asGlobal(win), { callbackKeysFor: keys })).toBe(true);
    const accessor = Object.getOwnPropertyDescriptor(win, '__bridge');
    expect(startHook(asGlobal(win), { callbackKeysFor: keys })).toBe(true);
    expect(Object.getOwnPropertyDescriptor(win, '__bridge')).toEqual(accessor);
    const relay = await connectRelay(win);
    (win as unknown as { __bridge: Bridge }).__bridge = { callBridge: () => Promise.resolve(2) };
    await (win as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke');
    expect((await relay.events()).map((e) => e.type)).toEqual(['hook-ready', 'bridge-found', 'call']);
    expect(rearmed).toBe(0);
  });

  it('a second copy in a document stops reading window messages once the wait for an offer is over; the first copy does not', async () => {
    const win = new FakeWindow();
    const timers: { run: () => void; ms: number }[] = [];
    const schedule = (run: () => void, ms: number) => void timers.push({ run, ms });
    startHook(asGlobal(win), { callbackKeysFor: keys, channel: { schedule } });
    const relay = await connectRelay(win);
    const afterFirst = win.listenerCount;
    startHook(asGlobal(win), { callbackKeysFor: keys, channel: { schedule } });
    // The second copy's offer listener (and nothing of the first's: it took the offer and stopped listening).
    expect(win.listenerCount).toBe(afterFirst + 1);
    const waits = timers.filter((t) => t.ms === SECOND_COPY_OFFER_WAIT_MS);
    expect(waits).toHaveLength(1);
    waits[0]!.run();
    expect(win.listenerCount).toBe(afterFirst);
    // The first copy still records.
    (win as unknown as { __bridge: Bridge }).__bridge = { callBridge: () => Promise.resolve(3) };
    await (win as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext');
    for (const t of timers.splice(0)) if (t.ms !== SECOND_COPY_OFFER_WAIT_MS) t.run();
    await macrotask();
    expect(relay.relay.messages.length).toBeGreaterThan(0);
  });

  it('a marked copy that gets the offer within the wait keeps its channel (a page that defined the mark first)', async () => {
    const win = new FakeWindow();
    Object.defineProperty(win, HOOK_MARK, { value: { version: 9 }, configurable: false });
    const timers: { run: () => void; ms: number }[] = [];
    startHook(asGlobal(win), { callbackKeysFor: keys, channel: { schedule: (run, ms) => void timers.push({ run, ms }) } });
    const relay = await connectRelay(win);
    for (const t of timers.splice(0)) t.run();
    (win as unknown as { __bridge: Bridge }).__bridge = { callBridge: () => Promise.resolve(4) };
    await (win as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext');
    for (const t of timers.splice(0)) t.run();
    await macrotask();
    const types = relay.relay.messages.flatMap((m) => (m as HookChannelMessage).events.map((e) => e.type));
    expect(types).toEqual(['hook-ready', 'bridge-found', 'call']);
  });

  it('a first copy never stops waiting for its offer on its own', async () => {
    const win = new FakeWindow();
    const timers: { run: () => void; ms: number }[] = [];
    startHook(asGlobal(win), { callbackKeysFor: keys, channel: { schedule: (run, ms) => void timers.push({ run, ms }) } });
    const listening = win.listenerCount;
    for (const t of timers.splice(0)) t.run();
    expect(win.listenerCount).toBe(listening);
    const relay = await connectRelay(win);
    for (const t of timers.splice(0)) t.run();
    await macrotask();
    expect(relay.relay.messages.length).toBeGreaterThan(0);
  });

  it('uses the real catalogue by default: on() callbacks are wrapped and deliveries recorded', async () => {
    const win = new FakeWindow();
    startHook(asGlobal(win));
    const { events, relay } = await connectRelay(win);
    let hostCallback: ((p: unknown) => void) | undefined;
    (win as unknown as { __bridge: Bridge }).__bridge = {
      callBridge: (_c, p) => {
        hostCallback = (p as { callback: (p: unknown) => void }).callback;
        return Promise.resolve();
      },
    };
    await (win as unknown as { __bridge: Bridge }).__bridge.callBridge('on', { event: 'e', callback: () => undefined });
    hostCallback?.({ n: 1 });
    const got = await events();
    expect(got.filter((e) => e.type === 'delivery')).toMatchObject([{ id: 1, seq: 0, key: 'callback', args: { value: [{ n: 1 }] } }]);
    expect((relay.messages as HookChannelMessage[]).every((m) => m.dropped === undefined)).toBe(true);
  });

  it('never throws, even on a window it cannot mark or trap (it no longer stands down there: issue 14)', () => {
    const frozen = new FakeWindow();
    Object.freeze(frozen);
    expect(() => startHook(asGlobal(frozen))).not.toThrow();
    expect(Object.getOwnPropertyDescriptor(frozen, HOOK_MARK)).toBeUndefined();
  });
});
