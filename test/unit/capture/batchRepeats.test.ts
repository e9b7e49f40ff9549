import { afterEach, describe, expect, it } from 'vitest';
import { createHookChannel, type ChannelWindow, type HookChannelMessage } from '../../../src/capture/hookChannel';
import { takeSnapshot } from '../../../src/capture/snapshot';
import { CHANNEL_OFFER, type HookEvent } from '../../../src/protocol/hook';
import { parseHookMessage } from '../../../src/protocol/validate';
import { FakeWindow, relayEnd } from './fakeWindow';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

async function connected(batchSize?: number) {
  const win = new FakeWindow();
  const channel = createHookChannel(win as unknown as ChannelWindow, { schedule: () => undefined, ...(batchSize ? { batchSize } : {}) });
  const mc = new MessageChannel();
  channels.push(mc);
  const relay = relayEnd(mc.port1);
  await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2], win);
  return { channel, relay };
}

const context = () => ({ cloudId: 'c0ffee', localId: 'ari:cloud:ecosystem::extension/x/y/static/panel', theme: { colorMode: 'light' }, list: [1, 'two', null] });
const end = (id: number, value: unknown): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value: takeSnapshot(value) });
const valueOf = (e: HookEvent | undefined) => (e as Extract<HookEvent, { type: 'call-end' }>).value;

describe('a snapshot repeated within one message to the relay', () => {
  it('is one object there (cloned once): the relay reads every event as it was', async () => {
    const { channel, relay } = await connected();
    channel.emit(end(1, context()));
    channel.emit(end(2, context()));
    channel.emit(end(3, { ...context(), cloudId: 'c0ffee-2' }));
    channel.emit({ type: 'call-start', id: 4, command: 'getContext', at: 4, request: takeSnapshot(context()) });
    channel.flush();
    const got = (await relay.next()) as HookChannelMessage;
    expect(valueOf(got.events[1])).toBe(valueOf(got.events[0]));
    expect(valueOf(got.events[2])).not.toBe(valueOf(got.events[0]));
    expect((got.events[3] as Extract<HookEvent, { type: 'call-start' }>).request).toBe(valueOf(got.events[0]));
    const parsed = parseHookMessage(got);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.events.map((e) => (e.type === 'call-start' ? e.request.value : valueOf(e).value))).toEqual([context(), context(), { ...context(), cloudId: 'c0ffee-2' }, context()]);
  });

  it('is shared only within a message, and never through methods a page replaced after the hook loaded', async () => {
    const { channel, relay } = await connected(2);
    const { keys } = Object;
    const { isArray } = Array;
    let called = 0;
    try {
      Object.keys = ((o: object) => (called++, keys(o))) as typeof Object.keys;
      Array.isArray = ((o: unknown) => (called++, isArray(o))) as typeof Array.isArray;
      for (let id = 1; id <= 3; id++) channel.emit(end(id, context()));
      channel.flush();
    } finally {
      Object.keys = keys;
      Array.isArray = isArray;
    }
    expect(called).toBe(0);
    const first = (await relay.next()) as HookChannelMessage;
    const second = (await relay.next()) as HookChannelMessage;
    expect(valueOf(first.events[1])).toBe(valueOf(first.events[0]));
    expect(valueOf(second.events[0]).value).toEqual(context());
  });
});
