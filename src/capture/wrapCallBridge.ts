import type { HookEvent } from '../protocol/hook';
import type { CallInitiator } from '../protocol/initiator';
import type { PendingInitiator } from './initiator';
import { LIMITS } from '../protocol/limits';
import {
  cleanHandler,
  hasOwn,
  isArray,
  isPrototypeOf,
  promiseThen,
  PromisePrototype,
  ProxyCtor,
  reflectApply,
  stringSlice,
  WeakMapCtor,
  weakMapGet,
  weakMapSet,
  WeakSetCtor,
  weakSetAdd,
  weakSetHas,
} from './intrinsics';
import { copyWithDescriptors } from './copyObject';
import { put, readOwn } from './ownReads';
import { lastAnswers } from './sameAnswer';
import { takeSnapshot, type SnapshotLimits } from './snapshot';

/**
 * wrapCallBridge: the transparent wrapper installed as the bridge's callBridge.
 *
 * The app sees exactly what it would have seen without the hook: the same `this` and arguments reach
 * the real callBridge (except that a subscription payload is a copy, alike in prototype and property
 * descriptors, whose callbacks are wrapped, see below), and the app gets back the very value it returned: the same promise object, not a new
 * one, no added await; a synchronous throw rethrows the same error object. Recording happens beside
 * the call and every failure in it is swallowed.
 *
 * Known trade-off: the wrapper observes the returned promise with `then(onOk, onErr)`, which marks it
 * handled, so a rejected bridge promise that the app never handles no longer raises
 * `unhandledrejection`. @forge/bridge always awaits callBridge (apps see their own, derived promises,
 * unchanged) and @forge/react's fire-and-forget `reconcile` is the only caller that drops it.
 *
 * Proxies (with only an `apply` trap) are used for both callBridge and the callbacks, so name, length,
 * own properties (`__id__`, `__name__` read by post-robot's serialiser) and prototype read through.
 * One visible difference remains: `Function.prototype.toString` of a proxy gives
 * "function () { [native code] }".
 */

export interface CaptureDeps {
  emit(event: HookEvent): void;
  /** Epoch milliseconds, sub-millisecond. */
  now(): number;
  /** Call ids, unique within the document, from 1. */
  nextId(): number;
  /** Payload keys holding callbacks the host calls back (src/bridge/catalogue). */
  callbackKeysFor(command: string): readonly string[];
  limits?: SnapshotLimits;
  /**
   * The app's call site (src/capture/initiator), `skip` being the wrapper's own frames; absent: not recorded.
   * A PendingInitiator goes into the event as it is and the hook's channel reads it when it sends.
   */
  initiator?: (skip: number) => CallInitiator | PendingInitiator | null;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Every wrapper made here (callBridge and callbacks) → the function it wraps. */
const ORIGINALS = new WeakMapCtor<object, object>();
const WRAPPERS = new WeakSetCtor<object>();

/** True for a function this module made (never wrap one twice). */
export function isWrapper(value: unknown): boolean {
  return value !== null && (typeof value === 'function' || typeof value === 'object') && weakSetHas(WRAPPERS, value);
}

/** The function a wrapper wraps, or the value itself. */
export function originalOf<T>(value: T): T {
  if (!isWrapper(value)) return value;
  return weakMapGet(ORIGINALS, value) as T;
}

function register<T extends object>(wrapper: T, original: object): T {
  weakSetAdd(WRAPPERS, wrapper);
  weakMapSet(ORIGINALS, wrapper, original);
  return wrapper;
}

function commandText(command: unknown): string {
  if (typeof command !== 'string') return `(${typeof command})`;
  if (command === '') return '(empty)';
  return command.length > LIMITS.commandChars ? stringSlice(command, 0, LIMITS.commandChars) : command;
}

const NO_KEYS: readonly string[] = [];

export function wrapCallBridge<F>(original: F, deps: CaptureDeps): F {
  if (typeof original !== 'function' || isWrapper(original)) return original;
  const limits = deps.limits ?? LIMITS;
  const answers = lastAnswers(limits);

  function end(id: number, command: string, ok: boolean, value: unknown): void {
    try {
      const at = deps.now();
      deps.emit({ type: 'call-end', id, at, ok, value: ok ? answers.snapshot(command, value) : takeSnapshot(value, limits) });
    } catch {
      // recording failed: nothing reaches the app
    }
  }

  function observe(id: number, command: string, result: unknown): void {
    if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
      end(id, command, true, result);
      return;
    }
    const onOk = (value: unknown): void => end(id, command, true, value);
    const onErr = (reason: unknown): void => end(id, command, false, reason);
    try {
      // A native promise: the engine's own then, captured at load (the page may patch Promise later).
      reflectApply(promiseThen, result, [onOk, onErr]);
      return;
    } catch {
      // Not a native promise (post-robot's ZalgoPromise is a thenable of its own), or its species is broken.
    }
    try {
      if (isPrototypeOf(PromisePrototype, result)) return; // a native promise we could not observe: record less
      const then = (result as { then?: unknown }).then;
      if (typeof then === 'function') {
        reflectApply(then, result, [onOk, onErr]);
        return;
      }
    } catch {
      return;
    }
    end(id, command, true, result);
  }

  const apply = (target: AnyFunction, thisArg: unknown, args: unknown[]): unknown => {
    let id = 0;
    let callArgs = args;
    let text = '';
    try {
      id = deps.nextId();
      const command = args[0];
      text = commandText(command);
      const payload = args[1];
      const keys = typeof command === 'string' ? deps.callbackKeysFor(command) : NO_KEYS;
      if (keys.length > 0 && payload !== null && typeof payload === 'object' && !isArray(payload)) {
        const copy = withWrappedCallbacks(payload, keys, id, deps, limits);
        if (copy !== payload) {
          callArgs = [];
          for (let i = 0; i < args.length; i++) put(callArgs, i, args[i]);
          put(callArgs, 1, copy);
        }
      }
      const request = takeSnapshot(payload, limits);
      const initiator = (deps.initiator ? deps.initiator(1) : null) as CallInitiator | null;
      deps.emit(initiator ? { type: 'call-start', id, command: text, at: deps.now(), request, initiator } : { type: 'call-start', id, command: text, at: deps.now(), request });
    } catch {
      id = 0; // not recorded: no call-end either
    }
    let result: unknown;
    try {
      result = reflectApply(target, thisArg, callArgs);
    } catch (error) {
      if (id !== 0) end(id, text, false, error);
      throw error;
    }
    if (id !== 0) observe(id, text, result);
    return result;
  };

  return register(new ProxyCtor(original as unknown as AnyFunction, cleanHandler<AnyFunction>({ apply })), original) as F;
}

/**
 * The payload itself when no callback key holds a function, else a copy with each such callback wrapped
 * (copyWithDescriptors: same prototype, every own property descriptor as it is, accessors copied and
 * never called, so nothing on the payload runs twice). The app's object is never changed. Callbacks are
 * read from own data properties only; one behind a getter is left as it is (and its deliveries unseen).
 */
function withWrappedCallbacks(payload: object, keys: readonly string[], id: number, deps: CaptureDeps, limits: SnapshotLimits): object {
  let wrapAny = false;
  for (let i = 0; i < keys.length && !wrapAny; i++) {
    const fn = readOwn(payload, keys[i] as string);
    wrapAny = typeof fn === 'function' && !isWrapper(fn);
  }
  if (!wrapAny) return payload;
  return copyWithDescriptors(payload, (key, descriptor) => {
    if (typeof key !== 'string' || !hasOwn(descriptor, 'value')) return;
    const fn = descriptor.value as unknown;
    if (typeof fn !== 'function' || isWrapper(fn) || !includes(keys, key)) return;
    descriptor.value = wrapCallback(fn as AnyFunction, key, id, deps, limits);
  });
}

function includes(keys: readonly string[], key: string): boolean {
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return true;
  return false;
}

function wrapCallback(fn: AnyFunction, key: string, id: number, deps: CaptureDeps, limits: SnapshotLimits): AnyFunction {
  let seq = 0;
  const apply = (target: AnyFunction, thisArg: unknown, args: unknown[]): unknown => {
    try {
      const at = deps.now();
      deps.emit({ type: 'delivery', id, seq: seq++, at, key, args: takeSnapshot(args, limits) });
    } catch {
      // recording failed: the callback still runs
    }
    return reflectApply(target, thisArg, args);
  };
  return register(new ProxyCtor(fn, cleanHandler<AnyFunction>({ apply })), fn);
}

/**
 * A wrap function for bridge views: wraps each distinct callBridge once (same function in → same wrapper
 * out, so reading `__bridge.callBridge` twice gives the same function), and passes wrappers and
 * non-functions through.
 */
export function createCallBridgeWrapper(deps: CaptureDeps): (callBridge: unknown) => unknown {
  const cache = new WeakMapCtor<object, unknown>();
  return (callBridge: unknown): unknown => {
    if (typeof callBridge !== 'function' || isWrapper(callBridge)) return callBridge;
    let wrapped = weakMapGet(cache, callBridge);
    if (wrapped === undefined) {
      wrapped = wrapCallBridge(callBridge, deps);
      weakMapSet(cache, callBridge, wrapped);
    }
    return wrapped;
  };
}
