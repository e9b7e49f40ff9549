import { describe, expect, it } from 'vitest';
import { wrapCallBridge } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';
import { recorder, settle, type Bridge } from './wrapFixtures';

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

describe('wrapCallBridge: repeated answers', () => {
  it('records an answer that repeats the last one to the same command as that snapshot object, and a changed one anew', async () => {
    const deps = recorder();
    const answers = [{ cloudId: 'c', theme: { mode: 'light' } }, { cloudId: 'c', theme: { mode: 'light' } }, { cloudId: 'c', theme: { mode: 'dark' } }];
    let i = 0;
    const wrapped = wrapCallBridge<Bridge>(() => Promise.resolve(answers[i++]), deps);
    for (let n = 0; n < 3; n++) await wrapped('getContext');
    await settle();
    const values = deps.events.filter((e): e is Extract<HookEvent, { type: 'call-end' }> => e.type === 'call-end').map((e) => e.value);
    expect(values[1]).toBe(values[0]);
    expect(values[2]).not.toBe(values[0]);
    expect(values.map((v) => v.value)).toEqual([answers[0], answers[1], answers[2]]);
  });
});
