/**
 * Built-ins the hook uses, captured when this module loads. The hook runs at document_start, before any
 * page script, so these are the engine's own functions; a page that later patches `Object.keys`,
 * `JSON.stringify`, `Promise.prototype.then`, `Map.prototype.entries` and the like cannot break or
 * observe the hook through them.
 *
 * Methods are "uncurried": `objectToString(x)` is `Object.prototype.toString.call(x)` without looking
 * `call` up again.
 */

type Uncurried<R> = (self: unknown, ...args: unknown[]) => R;

const bindCall = Function.prototype.bind.bind(Function.prototype.call) as <R>(fn: unknown) => Uncurried<R>;

function uncurry<R>(fn: unknown): Uncurried<R> {
  return bindCall<R>(fn);
}

export const ObjectPrototype: object = Object.prototype;
export const { keys: objectKeys, create: objectCreate, getPrototypeOf, getOwnPropertyDescriptor, defineProperty, freeze: objectFreeze, seal: objectSeal } = Object;
export const { isFrozen: objectIsFrozen, isSealed: objectIsSealed, isExtensible: objectIsExtensible, preventExtensions: objectPreventExtensions, hasOwn } = Object;
export const objectToString = uncurry<string>(Object.prototype.toString);
export const isPrototypeOf = uncurry<boolean>(Object.prototype.isPrototypeOf);

export const { isArray, from: arrayFrom } = Array;
export const ArrayCtor = Array;
export const jsonStringify = JSON.stringify;
export const StringCtor = String;
export const stringSlice = uncurry<string>(String.prototype.slice);
export const stringIndexOf = uncurry<number>(String.prototype.indexOf);
export const regexpExec = uncurry<RegExpExecArray | null>(RegExp.prototype.exec);

export const { apply: reflectApply, get: reflectGet, set: reflectSet, ownKeys: reflectOwnKeys } = Reflect;
export const { getOwnPropertyDescriptor: reflectGetOwnPropertyDescriptor, defineProperty: reflectDefineProperty } = Reflect;

export const ProxyCtor = Proxy;
export const WeakMapCtor = WeakMap;
export const WeakSetCtor = WeakSet;
export const weakMapGet = uncurry<unknown>(WeakMap.prototype.get);
export const weakMapSet = uncurry<unknown>(WeakMap.prototype.set);
export const weakSetHas = uncurry<boolean>(WeakSet.prototype.has);
export const weakSetAdd = uncurry<unknown>(WeakSet.prototype.add);

export const promiseThen = Promise.prototype.then;

export const ErrorPrototype: object = Error.prototype;
export const ErrorCtor: object = Error;
/** Error.isError where the engine has it (a brand check that no prototype or Symbol.toStringTag can fake). */
export const errorIsError: ((value: unknown) => boolean) | undefined =
  typeof (Error as { isError?: unknown }).isError === 'function' ? (Error as unknown as { isError: (value: unknown) => boolean }).isError : undefined;
export const PromisePrototype: object = Promise.prototype;

/** A prototype's own getter, uncurried, taken now (a later patch of the prototype does not reach it). */
export function getter<R>(proto: object | undefined, key: PropertyKey): Uncurried<R> | undefined {
  if (proto === undefined || proto === null) return undefined;
  const d = getOwnPropertyDescriptor(proto, key);
  return d !== undefined && typeof d.get === 'function' ? uncurry<R>(d.get) : undefined;
}

/** A prototype's own method, uncurried, taken now. */
export function method<R>(proto: object | undefined, key: PropertyKey): Uncurried<R> | undefined {
  if (proto === undefined || proto === null) return undefined;
  const d = getOwnPropertyDescriptor(proto, key);
  return d !== undefined && typeof d.value === 'function' ? uncurry<R>(d.value) : undefined;
}

/** A global constructor's prototype, or undefined where the global does not exist (Node has no DOM). */
export function protoOf(name: string): object | undefined {
  const ctor = (globalThis as Record<string, unknown>)[name];
  return typeof ctor === 'function' ? (ctor as { prototype: object }).prototype : undefined;
}

export const dateGetTime = uncurry<number>(Date.prototype.getTime);
export const dateToISOString = uncurry<string>(Date.prototype.toISOString);
export const regexpSource = getter<string>(RegExp.prototype, 'source');
/** Each flag's own brand-checked getter, in the order `flags` lists them (`flags` itself reads them with [[Get]]). */
export const regexpFlagGetters: ReadonlyArray<readonly [string, Uncurried<boolean> | undefined]> = [
  ['d', getter<boolean>(RegExp.prototype, 'hasIndices')],
  ['g', getter<boolean>(RegExp.prototype, 'global')],
  ['i', getter<boolean>(RegExp.prototype, 'ignoreCase')],
  ['m', getter<boolean>(RegExp.prototype, 'multiline')],
  ['s', getter<boolean>(RegExp.prototype, 'dotAll')],
  ['u', getter<boolean>(RegExp.prototype, 'unicode')],
  ['v', getter<boolean>(RegExp.prototype, 'unicodeSets')],
  ['y', getter<boolean>(RegExp.prototype, 'sticky')],
];
export const symbolDescription = getter<string | undefined>(Symbol.prototype, 'description');

export const mapSize = getter<number>(Map.prototype, 'size');
export const mapEntries = method<Iterator<[unknown, unknown]>>(Map.prototype, 'entries');
export const mapIteratorNext = method<IteratorResult<[unknown, unknown]>>(getPrototypeOf(new Map().entries()) as object, 'next');
export const setSize = getter<number>(Set.prototype, 'size');
export const setValues = method<Iterator<unknown>>(Set.prototype, 'values');
export const setIteratorNext = method<IteratorResult<unknown>>(getPrototypeOf(new Set().values()) as object, 'next');

export const arrayBufferByteLength = getter<number>(ArrayBuffer.prototype, 'byteLength');
export const sharedArrayBufferByteLength = getter<number>(protoOf('SharedArrayBuffer'), 'byteLength');
export const arrayBufferIsView = ArrayBuffer.isView;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;
/** The typed array's constructor name, or undefined for anything that is not a typed array. Never throws. */
export const typedArrayName = getter<string | undefined>(TypedArrayPrototype, Symbol.toStringTag);
export const typedArrayLength = getter<number>(TypedArrayPrototype, 'length');
export const typedArrayByteLength = getter<number>(TypedArrayPrototype, 'byteLength');
export const dataViewByteLength = getter<number>(DataView.prototype, 'byteLength');
export const dataViewByteOffset = getter<number>(DataView.prototype, 'byteOffset');
export const dataViewBuffer = getter<ArrayBufferLike>(DataView.prototype, 'buffer');
export const Uint8ArrayCtor = Uint8Array;

export const blobSize = getter<number>(protoOf('Blob'), 'size');
export const blobType = getter<string>(protoOf('Blob'), 'type');
export const fileName = getter<string>(protoOf('File'), 'name');
export const fileLastModified = getter<number>(protoOf('File'), 'lastModified');

/** The engine's own `window` getter (a brand check for same-origin windows of any realm), where there is a DOM. */
export const windowGetter: Uncurried<unknown> | undefined = (() => {
  const d = getOwnPropertyDescriptor(globalThis, 'window');
  return d !== undefined && typeof d.get === 'function' ? uncurry<unknown>(d.get) : undefined;
})();
/** The engine's own Event#isTrusted getter (an unforgeable own accessor sharing one function), where there is a DOM. */
export const eventIsTrusted: Uncurried<boolean> | undefined = (() => {
  if (typeof Event !== 'function') return undefined;
  const d = getOwnPropertyDescriptor(new Event('x'), 'isTrusted');
  return d !== undefined && typeof d.get === 'function' ? uncurry<boolean>(d.get) : undefined;
})();

/** DOM brand checks, when the realm has a DOM. */
export const nodeType = getter<number>(protoOf('Node'), 'nodeType');
export const nodeName = getter<string>(protoOf('Node'), 'nodeName');
export const elementId = getter<string>(protoOf('Element'), 'id');

/** MessageEvent fields (undefined outside a browser-like realm). */
export const messageEventData = getter<unknown>(protoOf('MessageEvent'), 'data');
export const messageEventSource = getter<unknown>(protoOf('MessageEvent'), 'source');
export const messageEventPorts = getter<readonly unknown[]>(protoOf('MessageEvent'), 'ports');
export const eventStopImmediatePropagation = method<void>(protoOf('Event'), 'stopImmediatePropagation');
export const messagePortPostMessage = method<void>(protoOf('MessagePort'), 'postMessage');
/** MessagePort's own `onmessage` setter (setting it also starts the port). */
export const messagePortOnMessage: ((self: unknown, listener: unknown) => void) | undefined = (() => {
  const proto = protoOf('MessagePort');
  const d = proto === undefined ? undefined : getOwnPropertyDescriptor(proto, 'onmessage');
  return d !== undefined && typeof d.set === 'function' ? uncurry<void>(d.set) : undefined;
})();
export const setTimeoutFn: typeof setTimeout | undefined = typeof setTimeout === 'function' ? setTimeout : undefined;

const perf: Performance | undefined = typeof performance === 'object' && performance !== null ? performance : undefined;
const perfNow = perf !== undefined ? method<number>(getPrototypeOf(perf) as object, 'now') : undefined;
const timeOrigin = perf !== undefined && typeof perf.timeOrigin === 'number' ? perf.timeOrigin : undefined;
const dateNow = Date.now;

/** Monotonic milliseconds (performance.now, else Date.now). */
export function monotonicNow(): number {
  if (perfNow !== undefined) {
    try {
      return perfNow(perf);
    } catch {
      // fall through
    }
  }
  return dateNow();
}

/** performance.timeOrigin as the document started (epoch ms), or undefined where there is none. */
export function navigationStart(): number | undefined {
  return timeOrigin;
}

/** Epoch milliseconds with sub-millisecond precision: performance.timeOrigin + performance.now(). */
export function epochNow(): number {
  if (perfNow !== undefined && timeOrigin !== undefined) {
    try {
      return timeOrigin + perfNow(perf);
    } catch {
      // fall through
    }
  }
  return dateNow();
}

/**
 * A property descriptor without a prototype: Object.defineProperty reads `get`, `value`, … through the
 * prototype chain, so a page that polluted Object.prototype would otherwise change what we define.
 */
export function cleanDescriptor(d: PropertyDescriptor): PropertyDescriptor {
  const out = objectCreate(null) as PropertyDescriptor;
  if (hasOwn(d, 'value')) out.value = d.value;
  if (hasOwn(d, 'writable')) out.writable = d.writable;
  if (hasOwn(d, 'get')) out.get = d.get;
  if (hasOwn(d, 'set')) out.set = d.set;
  if (hasOwn(d, 'enumerable')) out.enumerable = d.enumerable;
  if (hasOwn(d, 'configurable')) out.configurable = d.configurable;
  return out;
}

/** A Proxy handler without a prototype, for the same reason: missing traps are looked up on it. */
export function cleanHandler<T extends object>(traps: ProxyHandler<T>): ProxyHandler<T> {
  const out = objectCreate(null) as ProxyHandler<T>;
  const keys = objectKeys(traps);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as keyof ProxyHandler<T>;
    (out as Record<string, unknown>)[k] = traps[k];
  }
  return out;
}
