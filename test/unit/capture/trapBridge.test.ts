import { describe, expect, it } from 'vitest';
import { installBridgeTrap } from '../../../src/capture/trapBridge';
import { isWrapper, originalOf } from '../../../src/capture/wrapCallBridge';
import { makeBridge, setup, type Bridge, type Target } from './trapFixtures';

describe('installBridgeTrap: bridge assigned after the hook', () => {
  it('reads undefined until assigned, as the CDN script expects, then hands out a wrapped view', async () => {
    const { target, found, hooked, starts } = setup();
    expect(hooked).toBe(true);
    expect(target.__bridge).toBeUndefined();
    const d = Object.getOwnPropertyDescriptor(target, '__bridge');
    expect(d?.configurable).toBe(true);
    expect(d?.enumerable).toBe(true);
    expect(typeof d?.get).toBe('function');
    // What global-bridge.js does: `void 0 === o.__bridge && (o.__bridge = i)`.
    const real = makeBridge();
    const o = target as Record<string, unknown>;
    if (void 0 === o.__bridge) o.__bridge = real;
    expect(found).toEqual([{ bridge: real, via: 'trap' }]);
    const view = target.__bridge as Bridge;
    expect(view).not.toBe(real);
    expect(view.__SEMVER).toBe('1.15.3');
    expect(view.callBridge).not.toBe(real.callBridge);
    expect(isWrapper(view.callBridge)).toBe(true);
    expect(await view.callBridge('getContext')).toBe('answer');
    expect(real.calls).toEqual(['getContext']);
    expect(starts()).toEqual(['getContext']);
    // The real object is not changed.
    expect(isWrapper(real.callBridge)).toBe(false);
  });

  it('gives the same view and the same callBridge on every read', () => {
    const { target } = setup();
    target.__bridge = makeBridge();
    expect(target.__bridge).toBe(target.__bridge);
    expect(target.__bridge?.callBridge).toBe(target.__bridge?.callBridge);
  });

  it('records calls made the way @forge/bridge (captured once) and @forge/react (read each time) make them', async () => {
    const { target, starts } = setup();
    target.__bridge = makeBridge();
    // @forge/bridge: `const callBridge = getCallBridge()` at module load, then plain calls.
    const callBridge = (target as Target).__bridge?.callBridge as Bridge['callBridge'];
    await callBridge('invoke', { functionKey: 'f' });
    // @forge/react: `self?.__bridge?.callBridge('reconcile', …)` at call time.
    const self = target;
    await self?.__bridge?.callBridge('reconcile', { forgeDoc: {} });
    expect(starts()).toEqual(['invoke', 'reconcile']);
  });

  it('lets other properties read and write through to the real bridge', () => {
    const { target } = setup();
    const real = makeBridge() as Bridge & { extra?: number };
    target.__bridge = real;
    const view = target.__bridge as Bridge & { extra?: number };
    view.extra = 5;
    expect(real.extra).toBe(5);
    real.__SEMVER = '2.0.0';
    expect(view.__SEMVER).toBe('2.0.0');
    expect(Object.keys(view)).toEqual(Object.keys(real));
    expect('callBridge' in view).toBe(true);
    expect(Object.isFrozen(view)).toBe(false);
  });

  it('wraps a callBridge replaced on the real object, and unwraps a wrapper written back', () => {
    const { target, starts } = setup();
    const real = makeBridge();
    target.__bridge = real;
    const view = target.__bridge as Bridge;
    const original = real.callBridge;
    view.callBridge = view.callBridge; // writes the wrapper back
    expect(real.callBridge).toBe(original);
    const replacement = () => Promise.resolve('new');
    real.callBridge = replacement;
    expect(isWrapper(view.callBridge)).toBe(true);
    expect(originalOf(view.callBridge)).toBe(replacement);
    void view.callBridge('after-replace');
    expect(starts()).toEqual(['after-replace']);
  });

  it('keeps working for a second assignment without wrapping twice', async () => {
    const { target, found, starts } = setup();
    const first = makeBridge();
    target.__bridge = first;
    const firstView = target.__bridge;
    // Same object again: same view, no new bridge-found.
    target.__bridge = first;
    expect(target.__bridge).toBe(firstView);
    // Our view assigned back (e.g. `window.__bridge = window.__bridge`).
    target.__bridge = firstView;
    expect(target.__bridge).toBe(firstView);
    expect(found).toHaveLength(1);
    // A new object sharing the same callBridge: new view, same wrapper.
    const second = { callBridge: first.callBridge, __SEMVER: 'x' };
    target.__bridge = second;
    expect(found).toHaveLength(2);
    expect(target.__bridge).not.toBe(firstView);
    expect(target.__bridge?.callBridge).toBe(firstView?.callBridge);
    // A copy of the view (its callBridge is already our wrapper): not wrapped again.
    target.__bridge = { ...(firstView as Bridge) };
    await target.__bridge.callBridge('once');
    expect(starts()).toEqual(['once']);
  });

  it('hands out non-objects as they are', () => {
    const { target, found } = setup();
    (target as Record<string, unknown>).__bridge = null;
    expect(target.__bridge).toBeNull();
    expect(found).toHaveLength(0);
  });

  it('hands out the real bridge when making the view fails', () => {
    const target = {} as Target;
    installBridgeTrap(target, () => {
      throw new Error('hook bug');
    });
    const real = makeBridge();
    expect(() => {
      target.__bridge = real;
    }).not.toThrow();
    expect(target.__bridge).toBe(real);
  });

  it('can be deleted like a plain global', () => {
    const { target } = setup();
    expect(delete (target as Record<string, unknown>).__bridge).toBe(true);
    expect('__bridge' in target).toBe(false);
  });
});
describe('installBridgeTrap: bridge present before the hook', () => {
  it('replaces a configurable data property, keeping its enumerability', async () => {
    const target = {};
    const real = makeBridge();
    Object.defineProperty(target, '__bridge', { value: real, configurable: true, enumerable: false, writable: true });
    const { found, hooked, starts } = setup(target);
    expect(hooked).toBe(true);
    expect(found).toEqual([{ bridge: real, via: 'present' }]);
    const d = Object.getOwnPropertyDescriptor(target, '__bridge');
    expect(d?.enumerable).toBe(false);
    expect(typeof d?.get).toBe('function');
    await (target as Target).__bridge?.callBridge('later');
    expect(starts()).toEqual(['later']);
  });

  it('treats a present undefined like no bridge', () => {
    const target = { __bridge: undefined };
    const { found, hooked } = setup(target);
    expect(hooked).toBe(true);
    expect(found).toHaveLength(0);
    expect((target as { __bridge?: unknown }).__bridge).toBeUndefined();
  });

  it('leaves a non-configurable property alone and says it could not hook', () => {
    const target = {};
    const real = makeBridge();
    Object.defineProperty(target, '__bridge', { value: real, configurable: false, writable: true });
    const { found, hooked } = setup(target);
    expect(hooked).toBe(false);
    expect(found).toHaveLength(0);
    expect((target as Target).__bridge).toBe(real);
  });

  it("leaves someone else's accessor alone", () => {
    const target = {};
    const get = () => undefined;
    Object.defineProperty(target, '__bridge', { get, configurable: true });
    const { hooked } = setup(target);
    expect(hooked).toBe(false);
    expect(Object.getOwnPropertyDescriptor(target, '__bridge')?.get).toBe(get);
  });
});
