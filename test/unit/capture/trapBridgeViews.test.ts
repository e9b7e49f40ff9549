import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridgeView, installBridgeTrap } from '../../../src/capture/trapBridge';
import { isWrapper } from '../../../src/capture/wrapCallBridge';
import { makeBridge, setup, type Bridge, type Target } from './trapFixtures';

describe('createBridgeView: frozen bridges', () => {
  it('hands out a frozen copy with the wrapped callBridge when the bridge is frozen', async () => {
    const { target, starts } = setup();
    const real = Object.freeze(makeBridge());
    target.__bridge = real;
    const view = target.__bridge as Bridge;
    expect(view).not.toBe(real);
    expect(Object.isFrozen(view)).toBe(true);
    expect(isWrapper(view.callBridge)).toBe(true);
    expect(view.__SEMVER).toBe('1.15.3');
    expect(Object.keys(view)).toEqual(Object.keys(real));
    expect(Object.getPrototypeOf(view)).toBe(Object.getPrototypeOf(real));
    expect(view.callBridge).toBe(view.callBridge);
    expect(await view.callBridge('frozen-call')).toBe('answer');
    expect(starts()).toEqual(['frozen-call']);
    expect(real.calls).toEqual(['frozen-call']);
  });

  it('keeps a sealed bridge sealed (a Proxy over it: callBridge stays writable)', () => {
    const { target } = setup();
    const real = Object.seal(makeBridge());
    target.__bridge = real;
    const view = target.__bridge as Bridge;
    expect(Object.isSealed(view)).toBe(true);
    expect(Object.isFrozen(view)).toBe(false);
    expect(isWrapper(view.callBridge)).toBe(true);
  });

  it('wraps a getter-defined callBridge of a frozen bridge', async () => {
    const { target, starts } = setup();
    const fn = () => Promise.resolve('g');
    const real = Object.freeze(
      Object.defineProperty({}, 'callBridge', {
        get: () => fn,
        enumerable: true,
      }),
    ) as Bridge;
    target.__bridge = real;
    const view = target.__bridge as Bridge;
    expect(isWrapper(view.callBridge)).toBe(true);
    expect(await view.callBridge('via-getter')).toBe('g');
    expect(starts()).toEqual(['via-getter']);
  });

  it('does not throw when the app freezes the view later: callBridge then reads unwrapped', () => {
    const { target } = setup();
    const real = makeBridge();
    target.__bridge = real;
    const view = target.__bridge as Bridge;
    expect(() => Object.freeze(view)).not.toThrow();
    expect(Object.isFrozen(real)).toBe(true);
    expect(Object.isFrozen(view)).toBe(true);
    expect(() => view.callBridge).not.toThrow();
    expect(view.callBridge).toBe(real.callBridge);
  });
});
describe('installBridgeTrap with the real @forge/bridge package', () => {
  const require = createRequire(import.meta.url);
  const g = globalThis as Target;

  function freshForgeBridge(): typeof import('@forge/bridge') {
    const root = require.resolve('@forge/bridge').replace(/out[\\/]index\.js$/, '');
    for (const key of Object.keys(require.cache)) if (key.startsWith(root)) delete require.cache[key];
    return require('@forge/bridge') as typeof import('@forge/bridge');
  }

  afterEach(() => {
    delete (g as Record<string, unknown>).__bridge;
  });

  it('picks up the wrapped callBridge at module load and records invoke, getContext and events.on', async () => {
    const { events, starts } = setup(g);
    const hostCallbacks: ((payload: unknown) => unknown)[] = [];
    g.__bridge = {
      __SEMVER: '1.15.3',
      callBridge: (command: string, payload?: unknown) => {
        if (command === 'on') hostCallbacks.push((payload as { callback: (p: unknown) => unknown }).callback);
        if (command === 'getContext') return Promise.resolve({ moduleKey: 'm' });
        if (command === 'invoke') return Promise.resolve({ echoed: (payload as { payload: unknown }).payload });
        return Promise.resolve({ unsubscribe: () => undefined });
      },
    };
    const bridge = freshForgeBridge();
    expect(await bridge.invoke('getText', { a: 1 })).toEqual({ echoed: { a: 1 } });
    expect(await bridge.view.getContext()).toEqual({ moduleKey: 'm' });
    const received: unknown[] = [];
    await bridge.events.on('issue-changed', (payload) => {
      received.push(payload);
    });
    expect(starts()).toEqual(['invoke', 'getContext', 'on']);
    expect(hostCallbacks).toHaveLength(1);
    await hostCallbacks[0]?.({ issueId: 7 });
    expect(received).toEqual([{ issueId: 7 }]);
    expect(events.filter((e) => e.type === 'delivery')).toMatchObject([{ type: 'delivery', id: 3, seq: 0, key: 'callback', args: { value: [{ issueId: 7 }] } }]);
    expect(events.filter((e) => e.type === 'call-end')).toMatchObject([
      { id: 1, ok: true, value: { value: { echoed: { a: 1 } } } },
      { id: 2, ok: true, value: { value: { moduleKey: 'm' } } },
      { id: 3, ok: true },
    ]);
  });

  it('lets the app see the same rejection error through @forge/bridge', async () => {
    setup(g);
    const error = Object.assign(new Error('resolver failed'), { status: 500 });
    g.__bridge = { callBridge: () => Promise.reject(error) };
    const bridge = freshForgeBridge();
    await expect(bridge.invoke('boom')).rejects.toBe(error);
  });
});
