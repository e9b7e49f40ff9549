import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHookChannel, type ChannelWindow } from '../../../src/capture/hookChannel';
import { captureInitiator, deferInitiator, PendingInitiator, settleInitiator } from '../../../src/capture/initiator';
import { wrapCallBridge } from '../../../src/capture/wrapCallBridge';
import { CHANNEL_OFFER, HOOK_SETTINGS, type HookEvent } from '../../../src/protocol/hook';
import { parseHookMessage } from '../../../src/protocol/validate';
import { FakeWindow, relayEnd } from './fakeWindow';

const original = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
// Vitest installs a prepareStackTrace of its own (source maps); a page has none unless it set one.
beforeEach(() => void delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace);
afterEach(() => {
  if (original) Object.defineProperty(Error, 'prepareStackTrace', original);
  else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
});

/** Both captures from one call site, so their frames can be compared line for line. */
function callSite<T>(capture: (skip: number) => T): T {
  return capture(0);
}
function appHandler<T>(capture: (skip: number) => T): T {
  return callSite(capture);
}

describe('deferInitiator: the Error made on the call, its stack read when sent', () => {
  it('gives the very frames the synchronous capture gives', () => {
    // One line, one column (the map callback), so every frame can match.
    const [sync, pending] = [captureInitiator, deferInitiator].map((capture) => appHandler<unknown>(capture)) as [ReturnType<typeof captureInitiator>, PendingInitiator];
    const deferred = settleInitiator(pending);
    expect(sync!.frames.length).toBeGreaterThan(1);
    expect(sync!.frames[0]!.fn).toBe('callSite');
    expect(sync!.frames[1]!.fn).toBe('appHandler');
    expect(deferred).toEqual(sync);
  });

  it('reads nothing on the call: the stack is formatted only when settled', () => {
    let formatted = 0;
    const pending = appHandler(deferInitiator);
    expect(pending).toBeInstanceOf(PendingInitiator);
    // A prepareStackTrace set after the call would be run by the first read of `stack`: settle must not read it.
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = () => (formatted++, 'page text');
    expect(settleInitiator(pending)).toBeNull();
    expect(formatted).toBe(0);
  });

  it('records nothing when the page set prepareStackTrace before the call', () => {
    let ran = 0;
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = () => (ran++, 'page text');
    expect(appHandler(deferInitiator)).toBeNull();
    expect(ran).toBe(0);
  });

  it('reads and parses the stack without running page code: no String.prototype[Symbol.split], no Array.prototype.push', () => {
    const pending = appHandler(deferInitiator);
    const ran: string[] = [];
    const split = Object.getOwnPropertyDescriptor(String.prototype, Symbol.split);
    const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
    let settled: ReturnType<typeof settleInitiator> = null;
    // Planted only while settling (synchronous): test tooling itself pushes onto arrays.
    try {
      Object.defineProperty(String.prototype, Symbol.split, { value: () => (ran.length = 1, ['patched']), configurable: true, writable: true });
      Object.defineProperty(Array.prototype, 'push', { value: () => ((ran.length = 2), 0), configurable: true, writable: true });
      settled = settleInitiator(pending);
    } finally {
      Object.defineProperty(Array.prototype, 'push', push);
      if (split) Object.defineProperty(String.prototype, Symbol.split, split);
      else delete (String.prototype as unknown as Record<symbol, unknown>)[Symbol.split];
    }
    expect(ran.length).toBe(0);
    expect(settled!.frames.map((f) => f.fn).slice(0, 2)).toEqual(['callSite', 'appHandler']);
  });

  it('passes a settled initiator and absence through unchanged', () => {
    const done = { frames: [{ fn: 'f', url: 'http://x/a.js', line: 1, column: 2 }] };
    expect(settleInitiator(done)).toBe(done);
    expect(settleInitiator(undefined)).toBeNull();
  });
});

/** A hook channel on a fake window and a bridge wrapped to record through it, initiators deferred. */
function hookedBridge() {
  const win = new FakeWindow();
  const channel = createHookChannel(win as unknown as ChannelWindow, { schedule: () => undefined });
  const wrapped = wrapCallBridge((() => 1) as (c: string) => unknown, {
    emit: channel.emit,
    now: () => 1000,
    nextId: () => 1,
    callbackKeysFor: () => [],
    initiator: deferInitiator,
  });
  return { win, channel, wrapped };
}

describe('the hook channel settles pending initiators when it sends', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const c of channels.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
  });

  it('posts the app\'s frames (valid for the relay), not the pending Error', async () => {
    const { win, wrapped } = hookedBridge();
    function theAppsOwnFunction() {
      return wrapped('getContext');
    }
    theAppsOwnFunction();
    const mc = new MessageChannel();
    channels.push(mc);
    const relay = relayEnd(mc.port1);
    await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2], win);
    const message = (await relay.next()) as { events: HookEvent[] };
    expect(parseHookMessage(message).ok).toBe(true);
    // The call ended before the channel sent it: its start and end went as one `call` event, with the initiator.
    const start = message.events.find((e) => e.type === 'call') as Extract<HookEvent, { type: 'call' }>;
    expect(start.initiator!.frames[0]).toMatchObject({ fn: 'theAppsOwnFunction', url: expect.stringContaining('deferredInitiator.test.ts') });
    expect(start.initiator!.frames.some((f) => /wrapCallBridge|capture\/initiator\.ts/.test(f.url))).toBe(false);
  });

  it('drops the pending stacks unread once the relay\'s settings say call sites are off, and keeps them when on', async () => {
    for (const on of [false, true]) {
      const { win, channel, wrapped } = hookedBridge();
      const mc = new MessageChannel();
      channels.push(mc);
      const relay = relayEnd(mc.port1);
      await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2], win);
      expect(channel.initiator).toBeNull();
      mc.port1.postMessage({ type: HOOK_SETTINGS, initiator: on });
      await expect.poll(() => channel.initiator).toBe(on);
      wrapped('getContext');
      channel.flush();
      const start = ((await relay.next()) as { events: HookEvent[] }).events[0] as Extract<HookEvent, { type: 'call' }>;
      expect(start.type).toBe('call');
      expect(start.initiator !== undefined).toBe(on);
    }
  });

  it('ignores anything else on the port', async () => {
    const win = new FakeWindow();
    const channel = createHookChannel(win as unknown as ChannelWindow, { schedule: () => undefined });
    const mc = new MessageChannel();
    channels.push(mc);
    await win.postMessage({ type: CHANNEL_OFFER }, '*', [mc.port2], win);
    mc.port1.postMessage({ type: 'something else', initiator: false });
    mc.port1.postMessage(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(channel.initiator).toBeNull();
    // Anything but `true` is off.
    mc.port1.postMessage({ type: HOOK_SETTINGS, initiator: 'yes' });
    await expect.poll(() => channel.initiator).toBe(false);
  });
});
