import { describe, expect, it } from 'vitest';
import { createCallBridgeWrapper, isWrapper, originalOf, wrapCallBridge, type CaptureDeps } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';
import { recorder, settle, type Bridge } from './wrapFixtures';

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
