import { afterEach, describe, expect, it } from 'vitest';
import { createHookChannel, type ChannelWindow } from '../../../src/capture/hookChannel';
import { jsonText } from '../../../src/capture/snapshotJson';
import { CHANNEL_OFFER, EXIT_REQUEST_SUFFIX, type HookEvent } from '../../../src/protocol/hook';
import type { RelayToBackground } from '../../../src/protocol';
import { exitMessage, listenForHandoffs, type HandoffTarget } from '../../../src/relay/exitHandoff';
import { RelayLink } from '../../../src/relay/relayLink';
import { FakePort } from '../transport/fakePort';
import { FakeWindow, macrotask, relayEnd } from './fakeWindow';

/** FakeWindow's message events, and every other event type on a real (Node) EventTarget. */
class ExitWindow extends FakeWindow {
  readonly dom = new EventTarget();
  override addEventListener(type: string, fn: Parameters<FakeWindow['addEventListener']>[1], options?: boolean | { capture?: boolean }): void {
    if (type === 'message') super.addEventListener(type, fn, options);
    else this.dom.addEventListener(type, fn as unknown as EventListener, options);
  }
  dispatchEvent(event: Event): boolean {
    return this.dom.dispatchEvent(event);
  }
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

const snap = { value: { note: 'x' }, bytes: 12, truncated: false };
const start = (id: number): HookEvent => ({ type: 'call-start', id, command: 'invoke', at: 1000 + id, request: snap });
const end = (id: number): HookEvent => ({ type: 'call-end', id, at: 2000 + id, ok: true, value: snap });
/** start(id) and end(id) as the channel sends them when both are in one message. */
const joined = (id: number): HookEvent => ({ type: 'call', id, command: 'invoke', at: 1000 + id, request: snap, endAt: 2000 + id, ok: true, value: snap });

/** Hook channel, relay link and the exit handoff between them, as the extension wires them. */
async function wired(opts: { nameTheExit?: boolean } = {}) {
  const win = new ExitWindow();
  const channel = createHookChannel(win as unknown as ChannelWindow, { schedule: () => undefined });
  const port = new FakePort<RelayToBackground>();
  const link = new RelayLink({ docId: 'doc-1', hello: { url: 'u', isTop: true, parentUrl: '' }, connect: () => port, schedule: () => undefined });
  link.start();
  const received: unknown[] = [];
  const exit = exitMessage('0123456789abcdef-0123');
  const request = listenForHandoffs(win as unknown as HandoffTarget, exit.name, (data) => {
    received.push(data);
    link.fromHook(data);
  });
  const mc = new MessageChannel();
  channels.push(mc);
  const relay = relayEnd(mc.port1);
  await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2]);
  if (opts.nameTheExit !== false) mc.port1.postMessage(exit);
  await macrotask();
  await macrotask();
  const sentIds = () => port.sent.flatMap((m) => (m.type === 'batch' ? m.events.map((e) => `${e.type}:${'id' in e ? e.id : ''}`) : []));
  return { win, channel, link, port, relay, received, request, exit, sentIds };
}

describe('exit handoff: the hook hands its gathered events to the relay synchronously', () => {
  it('at the relay\'s pagehide request, before link.pagehide() counts open calls: nothing is lost', async () => {
    const { channel, link, relay, request, received, sentIds, port } = await wired();
    channel.emit(start(1));
    channel.flush();
    await relay.next().then((m) => link.fromHook(m));
    channel.emit(end(1));
    channel.emit(start(2));
    // The relay's pagehide listener, as extension/relay wires it.
    request();
    expect(received).toHaveLength(1);
    link.pagehide();
    expect(sentIds()).toEqual(['call-start:1', 'call-end:1', 'call-start:2']);
    // Only call 2 is open: call 1's end came with the handoff.
    expect(port.sent.at(-1)).toMatchObject({ type: 'batch', losses: { pagehide: 1, relayRejected: 0 } });
    // Nothing goes twice: the hook's queue was emptied (a page restored from the back/forward cache).
    channel.exit();
    channel.flush();
    await macrotask();
    expect(received).toHaveLength(1);
    expect(relay.messages).toHaveLength(1);
  });

  it('at the hook\'s own exit (pagehide, navigate), whichever world\'s listener runs first', async () => {
    const { channel, received, request } = await wired();
    channel.emit(start(1));
    channel.exit();
    expect(received).toEqual([{ events: [start(1)] }]);
    request();
    expect(received).toHaveLength(1);
  });

  it('writes no JSON through a toJSON a page put on Object.prototype, and skips no event', async () => {
    const { channel, received } = await wired();
    let calls = 0;
    Object.defineProperty(Object.prototype, 'toJSON', { value: () => void calls++, configurable: true, writable: true });
    try {
      channel.emit(start(1));
      channel.emit(end(1));
      channel.exit();
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
    expect(calls).toBe(0);
    expect(received).toEqual([{ events: [joined(1)] }]);
  });

  it('posts on the port as before until the relay has named the exit event', async () => {
    const { channel, received, relay } = await wired({ nameTheExit: false });
    channel.emit(start(1));
    channel.exit();
    expect(received).toEqual([]);
    expect(await relay.next()).toEqual({ events: [start(1)] });
  });

  it('hands off only under the relay\'s name, and answers only its request', async () => {
    const { channel, win, received, exit } = await wired();
    const seen: unknown[] = [];
    win.dom.addEventListener('forge-bridge-devtools:exit:other-name-0123456789', () => seen.push(1));
    channel.emit(start(1));
    channel.exit();
    expect(received).toHaveLength(1);
    expect(seen).toEqual([]);
    // A request under another name is no request.
    channel.emit(start(2));
    win.dispatchEvent(new Event(`${exit.name}x${EXIT_REQUEST_SUFFIX}`));
    expect(received).toHaveLength(1);
  });
});

describe('jsonText', () => {
  it('writes what JSON.stringify writes for plain data (fields holding undefined left out, NaN as null)', () => {
    const values = [{ a: 1, b: undefined, c: [1, undefined, NaN, Infinity], d: { e: 'x"\n\u2028\ud800' }, f: null, g: true }, [], {}, 'text', -0.5];
    for (const v of values) expect(jsonText(v)).toBe(JSON.stringify(v));
  });
});
