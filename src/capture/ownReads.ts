import {
  ArrayCtor,
  arrayFrom,
  defineProperty,
  ErrorCtor,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasOwn,
  objectCreate,
  objectFreeze,
  reflectApply,
  StringCtor,
  stringSlice,
  WeakSetCtor,
  weakSetAdd,
  weakSetHas,
} from './intrinsics';

/**
 * Reads of page values that run no page code, and writes into our own objects that no page setter can
 * intercept.
 *
 * - A property is read from its descriptor: a data property gives its value; an accessor is never called,
 *   unless its getter is one of the engine's own captured at load (an error's `stack`, a DOMException's
 *   `name` and `message`), which run no page code. Proxies still answer through their traps
 *   (`getOwnPropertyDescriptor`, `ownKeys`, `getPrototypeOf`): JavaScript offers no way to tell a proxy
 *   from its target, so a proxy's own traps are the one kind of app code a snapshot may still run.
 * - Writes never meet a page setter: a plain `out[key] = v` on `{}` or `[]` would call a setter a page put
 *   on Object.prototype or Array.prototype (for an array index, on any prototype of the array). Objects are
 *   built on a prototype that holds nothing (`record()`, then plain assignment: nothing to inherit a setter
 *   from; they clone and serialise as plain objects), lists in a `Slots` of the same kind turned into an array at the
 *   end (`toArray`: Array.from on an array-like defines each item, it never assigns), and single writes
 *   into an existing object go through Object.defineProperty (`put`). Plain assignment is some ten times
 *   cheaper than defineProperty, which was most of the snapshot's cost.
 */

/** Compared by identity only: `instanceof` on a page value would walk its prototype chain (proxy traps). */
export const MISSING: unique symbol = Symbol('missing');
export const ACCESSOR: unique symbol = Symbol('accessor');
export const THREW: unique symbol = Symbol('threw');

/** What was thrown, when THREW was returned; read once with takeThrown (so no page object is kept). */
let lastThrown: unknown;

export function takeThrown(): unknown {
  const e = lastThrown;
  lastThrown = undefined;
  return e;
}

/** Characters of short texts: names, ids, messages of thrown values. */
export const NAME_CHARS = 200;

/** Cuts text to `max` characters without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text[end - 1];
  if (last !== undefined && last >= '\ud800' && last <= '\udbff') end -= 1;
  return stringSlice(text, 0, end);
}

/** Engine getters that may be called on a page value: captured at load, they run no page code. */
const ENGINE_GETTERS = new WeakSetCtor<object>();

function trust(proto: object | undefined | null, key: PropertyKey): void {
  if (proto === undefined || proto === null) return;
  const d = getOwnPropertyDescriptor(proto, key);
  if (d !== undefined && typeof d.get === 'function') weakSetAdd(ENGINE_GETTERS, d.get);
}

trust(new Error(), 'stack'); // V8: an own accessor on each error, one shared getter
trust(Error.prototype, 'stack'); // SpiderMonkey: an accessor on Error.prototype
const DOMExceptionCtor = (globalThis as { DOMException?: { prototype: object } }).DOMException;
if (DOMExceptionCtor !== undefined) {
  trust(DOMExceptionCtor.prototype, 'name');
  trust(DOMExceptionCtor.prototype, 'message');
}

/** An own data property, or MISSING / ACCESSOR / THREW; never runs a getter. */
export function readOwn(o: object, key: PropertyKey): unknown {
  try {
    const d = getOwnPropertyDescriptor(o, key);
    if (d === undefined) return MISSING;
    return hasOwn(d, 'value') ? d.value : ACCESSOR;
  } catch (e) {
    lastThrown = e;
    return THREW;
  }
}

/** How far up the prototype chain readInherited looks. */
const CHAIN_DEPTH = 16;

/**
 * `key` as [[Get]] would find it (own, then the prototypes), without running page code: an accessor is
 * called only when its getter is an engine getter (ENGINE_GETTERS), else ACCESSOR.
 */
export function readInherited(o: object, key: PropertyKey): unknown {
  try {
    let at: object | null = o;
    for (let i = 0; at !== null && i < CHAIN_DEPTH; i++) {
      const d = getOwnPropertyDescriptor(at, key);
      if (d !== undefined) {
        if (hasOwn(d, 'value')) return d.value;
        return typeof d.get === 'function' && weakSetHas(ENGINE_GETTERS, d.get) ? reflectApply(d.get, o, []) : ACCESSOR;
      }
      at = getPrototypeOf(at) as object | null;
    }
    return MISSING;
  } catch (e) {
    lastThrown = e;
    return THREW;
  }
}

/** True when the page set Error.prepareStackTrace: V8 would run it to format a stack we read. */
export function stackFormattingRunsPageCode(): boolean {
  return typeof readOwn(ErrorCtor, 'prepareStackTrace') === 'function';
}

export function tryCall<R>(fn: ((self: unknown, ...args: unknown[]) => R) | undefined, self: unknown): R | typeof THREW {
  if (fn === undefined) return THREW;
  try {
    return fn(self);
  } catch {
    return THREW;
  }
}

/** Short text for something thrown while reading (never reads anything that could throw again). */
export function thrownText(error: unknown): string {
  try {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
      return typeof error === 'symbol' ? 'symbol' : cut(StringCtor(error), NAME_CHARS);
    }
    const message = readOwn(error, 'message');
    if (typeof message === 'string') return cut(message, NAME_CHARS);
  } catch {
    // a revoked proxy or a throwing trap: fall through
  }
  return 'threw';
}

/** One descriptor object, refilled for each write (no prototype: defineProperty reads it with [[Get]]). */
const WRITE = objectCreate(null) as PropertyDescriptor;
WRITE.writable = true;
WRITE.enumerable = true;
WRITE.configurable = true;

/** `target[key] = value` as a new own data property, whatever setters the page put on prototypes. */
export function put(target: object, key: PropertyKey, value: unknown): void {
  WRITE.value = value;
  defineProperty(target, key, WRITE);
  WRITE.value = undefined;
}

/**
 * What record() objects inherit from: nothing (an empty, frozen object without a prototype, never handed to the
 * page). Not Object.create(null) itself: V8 keeps a prototype-less object in dictionary mode, several times the
 * memory of an ordinary one and slower to fill, read, compare and clone; with this prototype a record is an
 * ordinary object (the snapshot of a getContext answer allocates about a third less: fewer young-generation
 * collections on the app's thread).
 */
const NO_SETTERS: object = objectFreeze(objectCreate(null));

/** A new object that inherits nothing: plain assignment into it meets no setter. */
export function record<T = Record<string, unknown>>(): T {
  return objectCreate(NO_SETTERS) as T;
}

/** A list being filled: an array-like that inherits nothing (index and `length` writes meet no setter). */
export interface Slots<T> {
  [index: number]: T;
  length: number;
}

export function slots<T>(): Slots<T> {
  const s = objectCreate(NO_SETTERS) as Slots<T>;
  s.length = 0;
  return s;
}

/** Appends to a Slots list. */
export function append<T>(s: Slots<T>, value: T): void {
  s[s.length] = value;
  s.length++;
}

/**
 * The list as a real array. Array.from on an array-like that inherits nothing finds no iterator, reads only our
 * own slots and creates each item with CreateDataProperty (no [[Set]], so no setter on Array.prototype runs).
 */
export function toArray<T>(s: Slots<T>): T[] {
  return reflectApply(arrayFrom, ArrayCtor, [s]) as T[];
}
