import { describe, expect, it } from 'vitest';
import { createCallBridgeWrapper, isWrapper, originalOf, wrapCallBridge, type CaptureDeps } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';

const CALLBACK_KEYS: Record<string, readonly string[]> = { on: ['callback'], onPublic: ['callback'], subscribeRealtimeChannel: ['onEvent'], openModal: ['onClose'] };

function recorder(overrides: Partial<CaptureDeps> = {}): CaptureDeps & { events: HookEvent[] } {
  const events: HookEvent[] = [];
  let id = 0;
  let t = 1000;
  return {
    events,
    emit: (e) => events.push(e),
    now: () => (t += 0.5),
    nextId: () => ++id,
    callbackKeysFor: (command) => CALLBACK_KEYS[command] ?? [],
    ...overrides,
  };
}

/** Lets every pending promise reaction run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Bridge = (command: string, payload?: unknown) => unknown;

describe('wrapCallBridge: transparency', () => {
  it('returns the very promise object the original returned, resolving to the same value', async () => {
    const value = { answer: 42 };
    const promise = Promise.resolve(value);
    const wrapped = wrapCallBridge<Bridge>(() => promise, recorder());
    const returned = wrapped('invoke', { functionKey: 'f' });
    expect(returned).toBe(promise);
    expect(await returned).toBe(value);
  });

  it('rejects with the very same error object', async () => {
    const error = new Error('denied');
    const promise = Promise.reject(error);
    const wrapped = wrapCallBridge<Bridge>(() => promise, recorder());
    const returned = wrapped('invoke', {}) as Promise<unknown>;
    expect(returned).toBe(promise);
    await expect(returned).rejects.toBe(error);
  });

  it('rethrows the very same error object on a synchronous throw, and records it', () => {
    const error = new TypeError('sync');
    const deps = recorder();
    const wrapped = wrapCallBridge<Bridge>(() => {
      throw error;
    }, deps);
    let caught: unknown;
    try {
      wrapped('getContext');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(error);
    expect(deps.events.map((e) => e.type)).toEqual(['call-start', 'call-end']);
    const end = deps.events[1] as Extract<HookEvent, { type: 'call-end' }>;
    expect(end.ok).toBe(false);
    expect((end.value.value as Record<string, unknown>).text).toBe('sync');
  });

  it('passes this and every argument through untouched', () => {
    const seen: { self: unknown; args: unknown[] }[] = [];
    const original = function (this: unknown, ...args: unknown[]) {
      seen.push({ self: this, args });
      return 'ok';
    };
    const wrapped = wrapCallBridge(original, recorder());
    const self = { me: true };
    const payload = { functionKey: 'x', payload: { a: 1 } };
    const extra = Symbol('extra');
    expect(wrapped.call(self, 'invoke', payload, extra)).toBe('ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.self).toBe(self);
    expect(seen[0]?.args).toHaveLength(3);
    expect(seen[0]?.args[0]).toBe('invoke');
    expect(seen[0]?.args[1]).toBe(payload);
    expect(seen[0]?.args[2]).toBe(extra);
  });

  it('keeps the name, length and own properties of callBridge', () => {
    function callBridge(_command: string, _payload: unknown): Promise<unknown> {
      return Promise.resolve();
    }
    (callBridge as unknown as { marker: number }).marker = 7;
    const wrapped = wrapCallBridge(callBridge, recorder());
    expect(wrapped).not.toBe(callBridge);
    expect(wrapped.name).toBe('callBridge');
    expect(wrapped.length).toBe(2);
    expect((wrapped as unknown as { marker: number }).marker).toBe(7);
    expect(typeof wrapped).toBe('function');
  });

  it('does not change the order in which the app sees promise reactions', async () => {
    async function scenario(wrap: boolean): Promise<string[]> {
      const order: string[] = [];
      const original = () => Promise.resolve('v');
      const bridge: Bridge = wrap ? wrapCallBridge<Bridge>(original, recorder()) : original;
      const other = Promise.resolve();
      const call = async () => {
        order.push('before');
        const v = await bridge('invoke', {});
        order.push(`after ${String(v)}`);
      };
      void call();
      void other.then(() => order.push('other 1')).then(() => order.push('other 2')).then(() => order.push('other 3'));
      await settle();
      return order;
    }
    expect(await scenario(true)).toEqual(await scenario(false));
  });

  it('observes promises with the then captured at load, even if the page patches Promise.prototype.then', async () => {
    const deps = recorder();
    const wrapped = wrapCallBridge<Bridge>(() => Promise.resolve('done'), deps);
    const saved = Promise.prototype.then;
    let patchedCalls = 0;
    try {
      Promise.prototype.then = function (this: Promise<unknown>, ...args: [never, never]) {
        patchedCalls++;
        return saved.apply(this, args);
      } as typeof saved;
      wrapped('getContext');
    } finally {
      Promise.prototype.then = saved;
    }
    expect(patchedCalls).toBe(0);
    await settle();
    const end = deps.events.find((e) => e.type === 'call-end');
    expect(end).toMatchObject({ type: 'call-end', ok: true, value: { value: 'done' } });
  });
});

describe('wrapCallBridge: recording', () => {
  it('emits call-start before calling, and call-end when the promise settles', async () => {
    const deps = recorder();
    let resolve!: (v: unknown) => void;
    const original = (_c: string, _p: unknown) => {
      expect(deps.events.map((e) => e.type)).toEqual(['call-start']);
      return new Promise((r) => (resolve = r));
    };
    const wrapped = wrapCallBridge(original, deps);
    const returned = wrapped('invoke', { functionKey: 'getIssues', payload: { max: 5 } });
    expect(deps.events).toEqual([
      { type: 'call-start', id: 1, command: 'invoke', at: 1000.5, request: { value: { functionKey: 'getIssues', payload: { max: 5 } }, bytes: '{"functionKey":"getIssues","payload":{"max":5}}'.length, truncated: false } },
    ]);
    await settle();
    expect(deps.events).toHaveLength(1);
    resolve({ issues: [] });
    await returned;
    expect(deps.events[1]).toEqual({ type: 'call-end', id: 1, at: 1001, ok: true, value: { value: { issues: [] }, bytes: '{"issues":[]}'.length, truncated: false } });
  });

  it('records a rejection with ok=false and a description of the error', async () => {
    const deps = recorder();
    const wrapped = wrapCallBridge<Bridge>(() => Promise.reject(Object.assign(new Error('403'), { status: 403 })), deps);
    await (wrapped('fetchProduct', {}) as Promise<unknown>).catch(() => undefined);
    const end = deps.events[1] as Extract<HookEvent, { type: 'call-end' }>;
    expect(end.ok).toBe(false);
    expect(end.value.value).toMatchObject({ $fbdt: 'error', text: '403', name: 'Error', props: { status: 403 } });
  });

  it('ends a call at once when the original returns a non-thenable', () => {
    const deps = recorder();
    const wrapped = wrapCallBridge<Bridge>(() => 5, deps);
    expect(wrapped('getFrameId')).toBe(5);
    expect(deps.events[1]).toEqual({ type: 'call-end', id: 1, at: 1001, ok: true, value: { value: 5, bytes: 1, truncated: false } });
  });

  it('observes a non-native thenable (post-robot ZalgoPromise) through its own then, returning it as it is', () => {
    const deps = recorder();
    const handlers: [(v: unknown) => void, (e: unknown) => void][] = [];
    const thenable = {
      then(ok: (v: unknown) => void, err: (e: unknown) => void) {
        handlers.push([ok, err]);
        return thenable;
      },
    };
    const wrapped = wrapCallBridge<Bridge>(() => thenable, deps);
    expect(wrapped('getContext')).toBe(thenable);
    expect(handlers).toHaveLength(1);
    handlers[0]?.[0]({ ctx: 1 });
    expect(deps.events[1]).toMatchObject({ type: 'call-end', id: 1, ok: true, value: { value: { ctx: 1 } } });
  });

  it('numbers calls with nextId and records non-string commands safely', () => {
    const deps = recorder();
    const wrapped = wrapCallBridge(((..._args: unknown[]) => undefined) as (...args: unknown[]) => unknown, deps);
    wrapped(42);
    wrapped('');
    wrapped('x'.repeat(300));
    const starts = deps.events.filter((e) => e.type === 'call-start') as Extract<HookEvent, { type: 'call-start' }>[];
    expect(starts.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(starts.map((e) => e.command)).toEqual(['(number)', '(empty)', 'x'.repeat(200)]);
  });

  it('snapshots the payload at call time, before the app mutates it', () => {
    const deps = recorder();
    const wrapped = wrapCallBridge<Bridge>(() => undefined, deps);
    const payload = { n: 1 };
    wrapped('emit', payload);
    payload.n = 2;
    expect((deps.events[0] as Extract<HookEvent, { type: 'call-start' }>).request.value).toEqual({ n: 1 });
  });
});

describe('wrapCallBridge: subscriptions', () => {
  it('hands the host a copy with the callback wrapped, and leaves the app payload alone', () => {
    const deps = recorder();
    let received: Record<string, unknown> | undefined;
    const wrapped = wrapCallBridge<Bridge>((_c, p) => {
      received = p as Record<string, unknown>;
      return Promise.resolve({ unsubscribe: () => undefined });
    }, deps);
    function onIssueChanged(_payload: unknown): string {
      return 'handled';
    }
    (onIssueChanged as unknown as { __id__: string }).__id__ = 'fn-1';
    const payload = Object.freeze({ event: 'issue-changed', callback: onIssueChanged });
    wrapped('on', payload);
    expect(payload.callback).toBe(onIssueChanged);
    expect(Object.keys(payload)).toEqual(['event', 'callback']);
    expect(received).not.toBe(payload);
    expect(received?.event).toBe('issue-changed');
    const cb = received?.callback as typeof onIssueChanged & { __id__: string };
    expect(cb).not.toBe(onIssueChanged);
    expect(cb.name).toBe('onIssueChanged');
    expect(cb.length).toBe(1);
    expect(cb.__id__).toBe('fn-1');
    expect(isWrapper(cb)).toBe(true);
    expect(originalOf(cb)).toBe(onIssueChanged);
    // The request snapshot shows the app's own callback.
    expect((deps.events[0] as Extract<HookEvent, { type: 'call-start' }>).request.value).toEqual({
      event: 'issue-changed',
      callback: { $fbdt: 'function', text: 'onIssueChanged', length: 1, id: 'fn-1' },
    });
  });

  it('records each delivery, then calls the app callback with the same this and args and returns its result', () => {
    const deps = recorder();
    let hostSide: ((...args: unknown[]) => unknown) | undefined;
    const wrapped = wrapCallBridge<Bridge>((_c, p) => {
      hostSide = (p as { onEvent: (...args: unknown[]) => unknown }).onEvent;
      return Promise.resolve();
    }, deps);
    const calls: { self: unknown; args: unknown[] }[] = [];
    const onEvent = function (this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      return `result ${calls.length}`;
    };
    wrapped('subscribeRealtimeChannel', { channelName: 'c', onEvent, options: {} });
    const self = { host: true };
    const message = { body: 'hello' };
    expect(hostSide?.call(self, message, undefined)).toBe('result 1');
    expect(hostSide?.call(self, { body: 'again' })).toBe('result 2');
    expect(calls[0]?.self).toBe(self);
    expect(calls[0]?.args[0]).toBe(message);
    expect(calls[0]?.args).toHaveLength(2);
    const deliveries = deps.events.filter((e) => e.type === 'delivery');
    expect(deliveries).toEqual([
      { type: 'delivery', id: 1, seq: 0, at: 1001, key: 'onEvent', args: { value: [{ body: 'hello' }, { $fbdt: 'undefined' }], bytes: '[{"body":"hello"},{"$fbdt":"undefined"}]'.length, truncated: false } },
      { type: 'delivery', id: 1, seq: 1, at: 1001.5, key: 'onEvent', args: { value: [{ body: 'again' }], bytes: '[{"body":"again"}]'.length, truncated: false } },
    ]);
  });

  it('lets an exception thrown by the app callback reach the host unchanged', () => {
    let hostSide: (() => unknown) | undefined;
    const wrapped = wrapCallBridge<Bridge>((_c, p) => {
      hostSide = (p as { callback: () => unknown }).callback;
    }, recorder());
    const error = new Error('in app callback');
    wrapped('on', {
      event: 'e',
      callback: () => {
        throw error;
      },
    });
    expect(() => hostSide?.()).toThrow(error);
    let caught: unknown;
    try {
      hostSide?.();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(error);
  });

  it('passes the payload itself when a subscription carries no function, or for other commands', () => {
    const seen: unknown[] = [];
    const wrapped = wrapCallBridge<Bridge>((_c, p) => seen.push(p), recorder());
    const noFn = { event: 'e', callback: 'not a function' };
    const other = { functionKey: 'k', callback: () => undefined };
    wrapped('on', noFn);
    wrapped('invoke', other);
    expect(seen[0]).toBe(noFn);
    expect(seen[1]).toBe(other);
  });

  it('does not wrap a callback twice', () => {
    let first: unknown;
    let second: unknown;
    const inner = wrapCallBridge<Bridge>((_c, p) => {
      second = (p as { callback: unknown }).callback;
    }, recorder());
    const outer = wrapCallBridge<Bridge>((c, p) => {
      first = (p as { callback: unknown }).callback;
      return inner(c, p);
    }, recorder());
    outer('on', { event: 'e', callback: () => undefined });
    expect(second).toBe(first);
  });
});

describe('wrapCallBridge: a broken recorder never reaches the app', () => {
  it('swallows emit, now, nextId and callbackKeysFor failures', async () => {
    const boom = () => {
      throw new Error('recorder broke');
    };
    const value = { ok: 1 };
    const payloadSeen: unknown[] = [];
    for (const broken of [{ emit: boom }, { now: boom }, { nextId: boom }, { callbackKeysFor: boom }] as Partial<CaptureDeps>[]) {
      const promise = Promise.resolve(value);
      const wrapped = wrapCallBridge<Bridge>((_c, p) => {
        payloadSeen.push(p);
        return promise;
      }, recorder(broken));
      const payload = { event: 'e', callback: () => 'cb' };
      const returned = wrapped('on', payload);
      expect(returned).toBe(promise);
      expect(await returned).toBe(value);
      await settle();
    }
    expect(payloadSeen).toHaveLength(4);
  });

  it('still rethrows the same error when recording the failure fails', () => {
    const error = new Error('sync');
    const wrapped = wrapCallBridge<Bridge>(
      () => {
        throw error;
      },
      recorder({
        emit: () => {
          throw new Error('recorder broke');
        },
      }),
    );
    expect(() => wrapped('x')).toThrow(error);
  });

  it('still delivers to the app callback when recording the delivery fails', () => {
    let hostSide: ((v: unknown) => unknown) | undefined;
    let failing = false;
    const wrapped = wrapCallBridge<Bridge>(
      (_c, p) => {
        hostSide = (p as { callback: (v: unknown) => unknown }).callback;
      },
      recorder({
        emit: () => {
          if (failing) throw new Error('recorder broke');
        },
      }),
    );
    wrapped('on', { event: 'e', callback: (v: unknown) => `got ${String(v)}` });
    failing = true;
    expect(hostSide?.('x')).toBe('got x');
  });
});

describe('createCallBridgeWrapper', () => {
  it('wraps each function once and passes wrappers and non-functions through', () => {
    const wrap = createCallBridgeWrapper(recorder());
    const fn = () => undefined;
    const w = wrap(fn);
    expect(w).not.toBe(fn);
    expect(wrap(fn)).toBe(w);
    expect(wrap(w)).toBe(w);
    expect(wrap(undefined)).toBe(undefined);
    expect(wrap('x')).toBe('x');
    expect(wrapCallBridge(w, recorder())).toBe(w);
  });
});
