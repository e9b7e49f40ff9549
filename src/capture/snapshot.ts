import { LIMITS } from '../protocol/limits';
import { SNAPSHOT_MARKER, type Description, type Snapshot, type SnapshotValue } from '../protocol/snapshot';
import {
  arrayBufferByteLength,
  arrayBufferIsView,
  blobSize,
  blobType,
  dataViewBuffer,
  dataViewByteLength,
  dataViewByteOffset,
  dateGetTime,
  dateToISOString,
  defineProperty,
  elementId,
  ErrorPrototype,
  fileLastModified,
  fileName,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasOwn,
  isArray,
  isPrototypeOf,
  jsonStringify,
  mapEntries,
  mapIteratorNext,
  mapSize,
  nodeName,
  nodeType,
  objectKeys,
  ObjectPrototype,
  objectToString,
  regexpExec,
  regexpFlags,
  regexpSource,
  setIteratorNext,
  setSize,
  setValues,
  sharedArrayBufferByteLength,
  StringCtor,
  stringSlice,
  symbolDescription,
  typedArrayByteLength,
  typedArrayLength,
  typedArrayName,
  Uint8ArrayCtor,
} from './intrinsics';

/**
 * takeSnapshot: a bounded, JSON-safe copy of any value that crossed the bridge.
 *
 * - Never throws, never calls `toJSON`, never invokes an own accessor of a walked object (an accessor
 *   becomes an "unreadable" description: reading it could run app code and change app state; record less).
 *   Proxies are read through their traps, inside try/catch: a throwing trap becomes "unreadable".
 * - Uses only built-ins captured at load (see intrinsics.ts).
 * - Counts the JSON size of what it emits while walking (exactly: `bytes` equals
 *   `JSON.stringify(value).length`, in UTF-16 code units like the relay's own check), so the common case
 *   is a single pass. Past `snapshotBytes` the walk goes on only to measure, up to 4× the budget, and the
 *   whole value becomes one `truncated` description with a JSON preview (`text`) and `approxBytes`.
 * - Own keys that look like the marker (`$fbdt`, `$$fbdt…`) get one more leading `$`, so a page value
 *   can never pass for a description. An object cut at `snapshotEntries` keys gets the extra key
 *   `$fbdt:truncated` (never produced by the escaping) holding a `truncated` description.
 * - `truncated` is set when something of the value was left out: a string, keys or items beyond the
 *   limits, nesting beyond the depth, a property that could not be read, the whole snapshot. Descriptions
 *   are summaries by nature (an error's stack kept to STACK_CHARS, a buffer's preview): those do not count.
 */

export interface SnapshotLimits {
  readonly snapshotBytes: number;
  readonly snapshotStringChars: number;
  readonly snapshotDepth: number;
  readonly snapshotEntries: number;
}

const M = SNAPSHOT_MARKER;
/** The key an object cut short at `snapshotEntries` gets. */
export const MORE_KEYS_KEY = `${SNAPSHOT_MARKER}:truncated`;
/** Characters of an error's stack kept. */
export const STACK_CHARS = 2000;
/** Characters of short texts: names, ids, messages of thrown values. */
const NAME_CHARS = 200;
/** Characters of the JSON preview of a snapshot that was too large. */
const PREVIEW_CHARS = 1024;
/** Bytes and elements shown in a buffer or typed array preview. */
const PREVIEW_BYTES = 32;
const PREVIEW_ELEMENTS = 16;
/** How far past the budget a too-large value is still measured (multiple of snapshotBytes). */
const MEASURE_FACTOR = 4;

/** Fills a released ancestor slot, so that the walker holds no page object after it is done. */
const NONE: object = {};
const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const HEX = '0123456789abcdef';

type Seg = string | number;
type Out = Record<string, SnapshotValue>;

/**
 * What readOwn and tryCall return when they found no value. Compared by identity only: `instanceof` on a
 * page value would walk its prototype chain (proxy traps).
 */
const MISSING: unique symbol = Symbol('missing');
const ACCESSOR: unique symbol = Symbol('accessor');
const THREW: unique symbol = Symbol('threw');
/** What was thrown, when THREW was returned; read once with takeThrown (so no page object is kept). */
let lastThrown: unknown;

function takeThrown(): unknown {
  const e = lastThrown;
  lastThrown = undefined;
  return e;
}

/** Cuts text to `max` characters without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text[end - 1];
  if (last !== undefined && last >= '\ud800' && last <= '\udbff') end -= 1;
  return stringSlice(text, 0, end);
}

/** Short text for something thrown while reading (never reads anything that could throw again). */
function thrownText(error: unknown): string {
  try {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
      return typeof error === 'symbol' ? 'symbol' : cut(StringCtor(error), NAME_CHARS);
    }
    const name = getOwnPropertyDescriptor(error, 'message');
    if (name !== undefined && typeof name.value === 'string') return cut(name.value, NAME_CHARS);
  } catch {
    // a revoked proxy or a throwing trap: fall through
  }
  return 'threw';
}

/** An own data property, or MISSING / ACCESSOR / THREW; never runs a getter. */
function readOwn(o: object, key: string): unknown {
  try {
    const d = getOwnPropertyDescriptor(o, key);
    if (d === undefined) return MISSING;
    return hasOwn(d, 'value') ? d.value : ACCESSOR;
  } catch (e) {
    lastThrown = e;
    return THREW;
  }
}

/** A value through [[Get]] (engine-defined getters such as an error's stack), or undefined if it throws. */
function readAny(o: object, key: string): unknown {
  try {
    return (o as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function tryCall<R>(fn: ((self: unknown, ...args: unknown[]) => R) | undefined, self: unknown): R | typeof THREW {
  if (fn === undefined) return THREW;
  try {
    return fn(self);
  } catch {
    return THREW;
  }
}

function escapeKey(key: string): string {
  if (key[0] !== '$') return key;
  let i = 0;
  while (key[i] === '$') i++;
  return key[i] === 'f' && key[i + 1] === 'b' && key[i + 2] === 'd' && key[i + 3] === 't' ? `$${key}` : key;
}

function setKey(out: Out, key: string, value: SnapshotValue): void {
  if (key === '__proto__') {
    defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

/**
 * Length of JSON.stringify(s). Short strings are scanned here (calling JSON.stringify costs more than
 * the scan); long ones, and any with a surrogate (only lone ones are escaped), go to JSON.stringify.
 */
function jsonStringLength(s: string): number {
  const n = s.length;
  if (n > 64) return jsonStringify(s).length;
  let extra = 0;
  for (let i = 0; i < n; i++) {
    const c = s[i] as string;
    if (c >= ' ') {
      if (c === '"' || c === '\\') extra += 1;
      else if (c >= '\ud800' && c <= '\udfff') return jsonStringify(s).length;
    } else {
      // \b \t \n \f \r take two characters, the other controls six (\u00XX).
      extra += c === '\b' || c === '\t' || c === '\n' || c === '\f' || c === '\r' ? 1 : 5;
    }
  }
  return n + 2 + extra;
}

function formatSeg(seg: Seg): string {
  if (typeof seg === 'number') return `[${seg}]`;
  if (seg.length <= 40 && regexpExec(IDENT_RE, seg) !== null) return `.${seg}`;
  return `[${jsonStringify(cut(seg, 40))}]`;
}

/**
 * Exact JSON length of a value made only of primitives, arrays and plain objects (our own descriptions).
 * Uses JSON.stringify on strings only: on objects it would look up a `toJSON` a page may have added to
 * Object.prototype.
 */
export function jsonSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringLength(value);
    case 'number':
      return ('' + value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (isArray(value)) {
        let n = value.length > 0 ? value.length + 1 : 2;
        for (let i = 0; i < value.length; i++) n += jsonSize(value[i]);
        return n;
      }
      const keys = objectKeys(value);
      let n = keys.length > 0 ? keys.length + 1 : 2;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        n += jsonStringLength(k) + 1 + jsonSize((value as Record<string, unknown>)[k]);
      }
      return n;
    }
    default:
      return 0;
  }
}

class Walker {
  size = 0;
  truncated = false;
  /** Past the byte budget: the result will be replaced by a description. */
  over = false;
  /** Past the measuring cap: every loop stops. */
  stopped = false;
  /**
   * Ancestors being walked (for cycles) and the path segments down to the current value. Plain arrays
   * with their own top indexes: no push/pop (page-patchable) and no length writes (slow).
   */
  private readonly objs: object[] = [];
  private readonly objSegs: number[] = [];
  private objTop = 0;
  private readonly segs: Seg[] = [];
  private segTop = 0;

  constructor(
    private readonly lim: SnapshotLimits,
    private readonly cap: number,
  ) {}

  private add(n: number): void {
    const size = (this.size += n);
    if (size > this.lim.snapshotBytes) {
      this.over = true;
      if (size > this.cap) this.stopped = true;
    }
  }

  private desc(d: Description): SnapshotValue {
    this.add(jsonSize(d));
    return d as unknown as SnapshotValue;
  }

  /** Adds `,"key":` (or `"key":` for the first) to the count. */
  private addKey(key: string, first: boolean): void {
    this.add(jsonStringLength(key) + (first ? 1 : 2));
  }

  private unreadable(error: unknown): SnapshotValue {
    this.truncated = true;
    return this.desc({ [M]: 'unreadable', text: thrownText(error) });
  }

  private child(value: unknown, depth: number, seg: Seg): SnapshotValue {
    this.segs[this.segTop++] = seg;
    const out = this.walk(value, depth);
    this.segTop--;
    return out;
  }

  private enter(o: object): void {
    this.objs[this.objTop] = o;
    this.objSegs[this.objTop++] = this.segTop;
  }

  private exit(): void {
    this.objs[--this.objTop] = NONE;
  }

  walk(value: unknown, depth: number): SnapshotValue {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        this.add(value ? 4 : 5);
        return value;
      case 'undefined':
        return this.desc({ [M]: 'undefined' });
      case 'bigint': {
        const text = StringCtor(value);
        if (text.length > this.lim.snapshotStringChars) this.truncated = true;
        return this.desc({ [M]: 'bigint', text: cut(text, this.lim.snapshotStringChars) });
      }
      case 'symbol': {
        const d = tryCall(symbolDescription, value);
        return this.desc({ [M]: 'symbol', text: typeof d === 'string' ? cut(d, NAME_CHARS) : '' });
      }
      case 'function':
        return this.fn(value);
      default:
        if (value === null) {
          this.add(4);
          return null;
        }
        return this.object(value as object, depth);
    }
  }

  private string(s: string): SnapshotValue {
    const max = this.lim.snapshotStringChars;
    if (s.length <= max) {
      this.add(jsonStringLength(s));
      return s;
    }
    this.truncated = true;
    return this.desc({ [M]: 'truncated', text: cut(s, max), length: s.length });
  }

  private number(n: number): SnapshotValue {
    if (n !== n) return this.desc({ [M]: 'number', text: 'NaN' });
    if (n === Infinity) return this.desc({ [M]: 'number', text: 'Infinity' });
    if (n === -Infinity) return this.desc({ [M]: 'number', text: '-Infinity' });
    if (n === 0 && 1 / n < 0) return this.desc({ [M]: 'number', text: '-0' });
    this.add(('' + n).length);
    return n;
  }

  private fn(f: unknown): SnapshotValue {
    const o = f as object;
    const name = readOwn(o, 'name');
    const length = readOwn(o, 'length');
    const id = readOwn(o, '__id__');
    const d: Description = {
      [M]: 'function',
      text: typeof name === 'string' && name !== '' ? cut(name, NAME_CHARS) : 'anonymous',
    };
    if (typeof length === 'number' && length === length && length >= 0 && length !== Infinity) d.length = length;
    if (typeof id === 'string') d.id = cut(id, NAME_CHARS);
    else if (typeof id === 'number' && id === id && id !== Infinity && id !== -Infinity) d.id = id;
    return this.desc(d);
  }

  private object(o: object, depth: number): SnapshotValue {
    const objs = this.objs;
    const top = this.objTop;
    for (let i = 0; i < top; i++) {
      if (objs[i] === o) {
        const path = this.pathTo(i);
        return this.desc({ [M]: 'cycle', text: path, path });
      }
    }
    const size = this.size;
    const truncated = this.truncated;
    const segTop = this.segTop;
    try {
      if (depth >= this.lim.snapshotDepth) {
        this.truncated = true;
        return this.desc({ [M]: 'depth', text: isArray(o) ? 'Array' : 'Object' });
      }
      if (isArray(o)) return this.array(o, depth);
      const proto: unknown = getPrototypeOf(o);
      if (proto === ObjectPrototype) return this.plain(o, depth);
      if (proto === null) return isCrossOriginWindow(o) ? this.desc({ [M]: 'window', text: 'Window' }) : this.plain(o, depth);
      return this.special(o, depth);
    } catch (e) {
      // A revoked proxy, a throwing getPrototypeOf trap or Symbol.toStringTag getter. Reads inside the
      // walk are guarded one by one; should anything else throw midway, forget the partial walk.
      this.size = size;
      this.truncated = truncated;
      this.over = size > this.lim.snapshotBytes;
      this.stopped = size > this.cap;
      for (let i = top; i < this.objTop; i++) objs[i] = NONE;
      this.objTop = top;
      this.segTop = segTop;
      return this.unreadable(e);
    }
  }

  private pathTo(index: number): string {
    const n = this.objSegs[index] ?? 0;
    let path = '$';
    for (let i = 0; i < n && path.length < 1000; i++) path += formatSeg(this.segs[i] as Seg);
    return cut(path, 1000);
  }

  private array(a: readonly unknown[], depth: number): SnapshotValue {
    let len: number;
    try {
      len = a.length;
    } catch (e) {
      return this.unreadable(e);
    }
    if (typeof len !== 'number' || !(len >= 0)) len = 0;
    const entries = this.lim.snapshotEntries;
    const max = len < entries ? len : entries;
    const out: SnapshotValue[] = [];
    this.add(2);
    this.enter(a);
    let i = 0;
    for (; i < max && !this.stopped; i++) {
      if (i > 0) this.add(1);
      let item: unknown;
      try {
        item = a[i];
      } catch (e) {
        out[i] = this.unreadable(e);
        continue;
      }
      out[i] = this.child(item, depth + 1, i);
    }
    this.exit();
    if (len > max && !this.stopped) {
      this.truncated = true;
      if (i > 0) this.add(1);
      out[i] = this.desc({ [M]: 'truncated', text: `${len - max} more items`, omitted: len - max, length: len });
    }
    return out;
  }

  private plain(o: object, depth: number): SnapshotValue {
    let keys: string[];
    try {
      keys = objectKeys(o);
    } catch (e) {
      return this.unreadable(e);
    }
    this.enter(o);
    const out = this.keysOf(o, keys, depth, null);
    this.exit();
    return out;
  }

  /** An object of `o`'s own data properties under `keys` (those `skip` refuses left out), counted from `{`. */
  private keysOf(o: object, keys: readonly string[], depth: number, skip: ((key: string) => boolean) | null): Out {
    const out: Out = {};
    const entries = this.lim.snapshotEntries;
    this.add(2);
    let count = 0;
    let seen = 0;
    let i = 0;
    for (; i < keys.length && count < entries && !this.stopped; i++) {
      const key = keys[i] as string;
      if (skip !== null && skip(key)) continue;
      seen++;
      const value = readOwn(o, key);
      if (value === MISSING) continue; // a proxy listed a key it does not have
      let outKey = escapeKey(key);
      if (outKey.length > this.lim.snapshotStringChars) {
        this.truncated = true;
        outKey = `${cut(outKey, this.lim.snapshotStringChars)}…`;
      }
      this.addKey(outKey, count === 0);
      count++;
      let v: SnapshotValue;
      if (value === ACCESSOR) {
        this.truncated = true;
        v = this.desc({ [M]: 'unreadable', text: 'getter not called' });
      } else if (value === THREW) {
        v = this.unreadable(takeThrown());
      } else {
        v = this.child(value, depth + 1, key);
      }
      setKey(out, outKey, v);
    }
    if (this.stopped) return out;
    let rest = 0;
    for (; i < keys.length; i++) if (skip === null || !skip(keys[i] as string)) rest++;
    if (rest > 0) {
      this.truncated = true;
      this.addKey(MORE_KEYS_KEY, count === 0);
      out[MORE_KEYS_KEY] = this.desc({ [M]: 'truncated', text: `${rest} more keys`, omitted: rest, total: seen + rest });
    }
    return out;
  }

  private special(o: object, depth: number): SnapshotValue {
    if (arrayBufferIsView(o)) return this.view(o);
    const tag = objectToString(o);
    switch (tag) {
      case '[object Error]':
        return this.error(o, depth);
      case '[object Date]': {
        const t = tryCall(dateGetTime, o);
        if (t === THREW) break;
        if (t !== t) return this.desc({ [M]: 'date', text: 'Invalid Date', time: null });
        const iso = tryCall(dateToISOString, o);
        return this.desc({ [M]: 'date', text: typeof iso === 'string' ? iso : StringCtor(t), time: t });
      }
      case '[object RegExp]': {
        const source = tryCall(regexpSource, o);
        if (source === THREW) break;
        const flags = tryCall(regexpFlags, o);
        const text = `/${source}/${typeof flags === 'string' ? flags : ''}`;
        return this.desc({ [M]: 'regexp', text: cut(text, this.lim.snapshotStringChars) });
      }
      case '[object Map]': {
        const size = tryCall(mapSize, o);
        if (size === THREW) break;
        return this.collection(o, depth, 'map', size);
      }
      case '[object Set]': {
        const size = tryCall(setSize, o);
        if (size === THREW) break;
        return this.collection(o, depth, 'set', size);
      }
      case '[object Promise]':
        return this.desc({ [M]: 'promise', text: 'Promise' });
      case '[object ArrayBuffer]':
      case '[object SharedArrayBuffer]': {
        const shared = tag === '[object SharedArrayBuffer]';
        const n = tryCall(shared ? sharedArrayBufferByteLength : arrayBufferByteLength, o);
        if (n === THREW) break;
        const kind = shared ? 'SharedArrayBuffer' : 'ArrayBuffer';
        return this.desc({ [M]: 'array-buffer', text: `${kind}(${n})`, kind, byteLength: n, preview: hexPreview(o as ArrayBufferLike, 0, n) });
      }
      case '[object Blob]':
      case '[object File]': {
        const size = tryCall(blobSize, o);
        if (size === THREW) break;
        const typeRead = tryCall(blobType, o);
        const type = typeof typeRead === 'string' ? cut(typeRead, NAME_CHARS) : '';
        const name = tag === '[object File]' ? tryCall(fileName, o) : undefined;
        if (typeof name === 'string') {
          const d: Description = { [M]: 'file', text: `${cut(name, NAME_CHARS)} (${type || 'unknown type'}, ${size} bytes)`, name: cut(name, NAME_CHARS), type, size };
          const modified = tryCall(fileLastModified, o);
          if (typeof modified === 'number' && modified === modified) d.lastModified = modified;
          return this.desc(d);
        }
        return this.desc({ [M]: 'blob', text: `${type || 'unknown type'}, ${size} bytes`, type, size });
      }
      case '[object Window]':
        return this.desc({ [M]: 'window', text: 'Window' });
      case '[object Object]':
        break;
      default: {
        const node = domNode(o);
        if (node !== null) return this.desc(node);
      }
    }
    if (isPrototypeOf(ErrorPrototype, o)) return this.error(o, depth);
    return this.plain(o, depth);
  }

  private view(o: object): SnapshotValue {
    const name = tryCall(typedArrayName, o);
    if (typeof name === 'string') {
      const length = tryCall(typedArrayLength, o);
      const byteLength = tryCall(typedArrayByteLength, o);
      const n = typeof length === 'number' ? length : 0;
      const bytes = typeof byteLength === 'number' ? byteLength : 0;
      const d: Description = { [M]: 'typed-array', text: `${name}(${n})`, kind: name, length: n, byteLength: bytes };
      const view = o as ArrayLike<number | bigint>;
      if (name === 'Uint8Array' || name === 'Uint8ClampedArray') {
        d.preview = hexOfBytes(view as ArrayLike<number>, n < PREVIEW_BYTES ? n : PREVIEW_BYTES);
      } else {
        const preview: SnapshotValue[] = [];
        const m = n < PREVIEW_ELEMENTS ? n : PREVIEW_ELEMENTS;
        for (let i = 0; i < m; i++) {
          const x = view[i];
          preview[i] = typeof x === 'number' && x === x && x !== Infinity && x !== -Infinity && !(x === 0 && 1 / x < 0) ? x : StringCtor(x);
        }
        d.preview = preview;
      }
      return this.desc(d);
    }
    const byteLength = tryCall(dataViewByteLength, o);
    const n = typeof byteLength === 'number' ? byteLength : 0;
    const buffer = tryCall(dataViewBuffer, o);
    const offset = tryCall(dataViewByteOffset, o);
    const preview = buffer === THREW || typeof offset !== 'number' ? '' : hexPreview(buffer, offset, n);
    return this.desc({ [M]: 'typed-array', text: `DataView(${n})`, kind: 'DataView', length: n, byteLength: n, preview });
  }

  private collection(o: object, depth: number, kind: 'map' | 'set', size: number): SnapshotValue {
    const d: Description = { [M]: kind, text: `${kind === 'map' ? 'Map' : 'Set'}(${size})`, size };
    this.add(jsonSize(d));
    const field = kind === 'map' ? 'entries' : 'values';
    this.addKey(field, false);
    const list: SnapshotValue[] = [];
    d[field] = list;
    this.add(2);
    this.enter(o);
    this.segs[this.segTop++] = field;
    const max = size < this.lim.snapshotEntries ? size : this.lim.snapshotEntries;
    let i = 0;
    try {
      const it = kind === 'map' ? (mapEntries as (self: unknown) => unknown)(o) : (setValues as (self: unknown) => unknown)(o);
      const next = (kind === 'map' ? mapIteratorNext : setIteratorNext) as (self: unknown) => IteratorResult<unknown>;
      for (; i < max && !this.stopped; i++) {
        const r = next(it);
        if (r.done === true) break;
        if (i > 0) this.add(1);
        if (kind === 'map') {
          const pair = r.value as [unknown, unknown];
          this.add(3); // [ , ]
          this.segs[this.segTop++] = i;
          const k = this.child(pair[0], depth + 3, 0);
          const v = this.child(pair[1], depth + 3, 1);
          this.segTop--;
          list[i] = [k, v];
        } else {
          list[i] = this.child(r.value, depth + 2, i);
        }
      }
    } catch (e) {
      if (i > 0) this.add(1);
      list[i++] = this.unreadable(e);
    }
    this.segTop--;
    this.exit();
    if (size > i && !this.stopped) {
      this.truncated = true;
      if (i > 0) this.add(1);
      list[i] = this.desc({ [M]: 'truncated', text: `${size - i} more ${kind === 'map' ? 'entries' : 'values'}`, omitted: size - i, length: size });
    }
    return d as unknown as SnapshotValue;
  }

  private error(o: object, depth: number): SnapshotValue {
    const name = readAny(o, 'name');
    const message = readAny(o, 'message');
    const stack = readAny(o, 'stack');
    const d: Description = {
      [M]: 'error',
      text: typeof message === 'string' ? cut(message, this.lim.snapshotStringChars) : '',
      name: typeof name === 'string' ? cut(name, NAME_CHARS) : 'Error',
    };
    if (typeof stack === 'string') d.stack = cut(stack, STACK_CHARS);
    this.add(jsonSize(d));
    this.enter(o);
    let keys: string[] = [];
    try {
      keys = objectKeys(o);
    } catch {
      // no extra properties then
    }
    let extra = 0;
    for (let i = 0; i < keys.length; i++) if (!isErrorOwnKey(keys[i] as string)) extra++;
    if (extra > 0 && !this.stopped) {
      this.addKey('props', false);
      this.segs[this.segTop++] = 'props';
      d.props = this.keysOf(o, keys, depth + 1, isErrorOwnKey);
      this.segTop--;
    }
    const cause = readOwn(o, 'cause');
    if (cause !== MISSING && cause !== ACCESSOR && cause !== THREW && !this.stopped) {
      this.addKey('cause', false);
      d.cause = this.child(cause, depth + 1, 'cause');
    }
    this.exit();
    return d as unknown as SnapshotValue;
  }
}

function isErrorOwnKey(key: string): boolean {
  return key === 'message' || key === 'name' || key === 'stack' || key === 'cause';
}

/** A cross-origin WindowProxy: null prototype and cross-origin accessors for window and postMessage. */
function isCrossOriginWindow(o: object): boolean {
  const w = getOwnPropertyDescriptor(o, 'window');
  if (w === undefined || hasOwn(w, 'value')) return false;
  return getOwnPropertyDescriptor(o, 'postMessage') !== undefined;
}

function domNode(o: object): Description | null {
  let type: unknown;
  let name: unknown;
  let id: unknown;
  if (nodeType !== undefined && nodeName !== undefined) {
    type = tryCall(nodeType, o);
    if (type === THREW) return null;
    name = tryCall(nodeName, o);
    id = type === 1 ? tryCall(elementId, o) : undefined;
  } else {
    // No DOM in this realm (tests, workers): recognise a node by its shape.
    type = readAny(o, 'nodeType');
    name = readAny(o, 'nodeName');
    if (typeof type !== 'number' || typeof name !== 'string') return null;
    id = type === 1 ? readAny(o, 'id') : undefined;
  }
  const nodeNameText = typeof name === 'string' ? cut(name, NAME_CHARS) : '';
  const d: Description = { [M]: 'dom-node', text: nodeNameText, nodeName: nodeNameText };
  if (typeof type === 'number') d.nodeType = type;
  if (typeof id === 'string' && id !== '') {
    d.id = cut(id, NAME_CHARS);
    d.text = `${nodeNameText}#${d.id}`;
  }
  return d;
}

function hexOfBytes(bytes: ArrayLike<number>, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    out += (i > 0 ? ' ' : '') + HEX[(b >> 4) & 15] + HEX[b & 15];
  }
  return out;
}

function hexPreview(buffer: ArrayBufferLike, offset: number, byteLength: number): string {
  try {
    const n = byteLength < PREVIEW_BYTES ? byteLength : PREVIEW_BYTES;
    return hexOfBytes(new Uint8ArrayCtor(buffer, offset, n), n);
  } catch {
    return ''; // detached
  }
}

/** Limits with everything but the numbers stripped (LIMITS is readonly literal-typed). */
const DEFAULT_LIMITS: SnapshotLimits = LIMITS;

/** A bounded JSON-safe snapshot of any value. Never throws. */
export function takeSnapshot(value: unknown, limits: SnapshotLimits = DEFAULT_LIMITS): Snapshot {
  const walker = new Walker(limits, limits.snapshotBytes * MEASURE_FACTOR);
  let out: SnapshotValue;
  try {
    out = walker.walk(value, 0);
  } catch (e) {
    // Not expected (every read is guarded); keep the promise of never throwing.
    const d: Description = { [M]: 'unreadable', text: thrownText(e) };
    return { value: d as unknown as SnapshotValue, bytes: jsonSize(d), truncated: true };
  }
  if (!walker.over) return { value: out, bytes: walker.size, truncated: walker.truncated };
  return tooLarge(out, walker.size, walker.stopped, limits.snapshotBytes);
}

function tooLarge(partial: SnapshotValue, size: number, atLeast: boolean, limit: number): Snapshot {
  let preview = '';
  try {
    preview = stringSlice(jsonStringify(partial), 0, PREVIEW_CHARS);
  } catch {
    // a page-patched toJSON on Object.prototype: no preview
  }
  for (;;) {
    const d: Description = { [M]: 'truncated', text: preview, whole: true, approxBytes: size, atLeast, limit };
    const bytes = jsonSize(d);
    if (bytes <= limit || preview.length === 0) return { value: d as unknown as SnapshotValue, bytes, truncated: true };
    preview = cut(preview, preview.length >> 1);
  }
}
