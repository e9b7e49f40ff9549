import { SNAPSHOT_MARKER, type Description, type SnapshotValue } from '../protocol/snapshot';
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
  elementId,
  fileLastModified,
  fileName,
  getOwnPropertyDescriptor,
  hasOwn,
  isPrototypeOf,
  nodeName,
  nodeType,
  PromisePrototype,
  regexpFlagGetters,
  regexpSource,
  sharedArrayBufferByteLength,
  StringCtor,
  typedArrayByteLength,
  typedArrayLength,
  typedArrayName,
  Uint8ArrayCtor,
  windowGetter,
} from './intrinsics';
import { cut, NAME_CHARS, put, readOwn, THREW, tryCall } from './ownReads';

/**
 * Descriptions of built-in objects that hold no page values worth walking: typed arrays and buffers,
 * dates, regexps, blobs and files, promises, windows, DOM nodes. Each is recognised by a brand check (an
 * engine getter or method captured at load, which throws for anything else), never by
 * `Object.prototype.toString`: that reads `Symbol.toStringTag`, which may be a page getter, and a page
 * object could claim any tag.
 */

const M = SNAPSHOT_MARKER;
/** Bytes and elements shown in a buffer or typed array preview. */
const PREVIEW_BYTES = 32;
const PREVIEW_ELEMENTS = 16;
const HEX = '0123456789abcdef';

/** A description for `o`, or null when it is none of these. `proto` is o's prototype, already read. */
export function describeLeaf(o: object, proto: unknown, maxChars: number): Description | null {
  if (arrayBufferIsView(o)) return describeView(o);
  const time = tryCall(dateGetTime, o);
  if (time !== THREW) {
    if (time !== time) return { [M]: 'date', text: 'Invalid Date', time: null };
    const iso = tryCall(dateToISOString, o);
    return { [M]: 'date', text: typeof iso === 'string' ? iso : StringCtor(time), time };
  }
  const source = tryCall(regexpSource, o);
  if (source !== THREW) {
    let flags = '';
    for (let i = 0; i < regexpFlagGetters.length; i++) {
      const entry = regexpFlagGetters[i] as readonly [string, ((self: unknown) => boolean) | undefined];
      if (tryCall(entry[1], o) === true) flags += entry[0];
    }
    return { [M]: 'regexp', text: cut(`/${source}/${flags}`, maxChars) };
  }
  const buffer = describeBuffer(o);
  if (buffer !== null) return buffer;
  const blob = describeBlob(o);
  if (blob !== null) return blob;
  if (proto === PromisePrototype || isPrototypeOf(PromisePrototype, o)) return { [M]: 'promise', text: 'Promise' };
  if (isWindow(o)) return { [M]: 'window', text: 'Window' };
  return domNode(o);
}

function describeBuffer(o: object): Description | null {
  let kind = 'ArrayBuffer';
  let n = tryCall(arrayBufferByteLength, o);
  if (n === THREW) {
    kind = 'SharedArrayBuffer';
    n = tryCall(sharedArrayBufferByteLength, o);
    if (n === THREW) return null;
  }
  return { [M]: 'array-buffer', text: `${kind}(${n})`, kind, byteLength: n, preview: hexPreview(o as ArrayBufferLike, 0, n) };
}

function describeBlob(o: object): Description | null {
  const size = tryCall(blobSize, o);
  if (size === THREW) return null;
  const typeRead = tryCall(blobType, o);
  const type = typeof typeRead === 'string' ? cut(typeRead, NAME_CHARS) : '';
  const name = tryCall(fileName, o);
  if (typeof name !== 'string') return { [M]: 'blob', text: `${type || 'unknown type'}, ${size} bytes`, type, size };
  const short = cut(name, NAME_CHARS);
  const d: Description = { [M]: 'file', text: `${short} (${type || 'unknown type'}, ${size} bytes)`, name: short, type, size };
  const modified = tryCall(fileLastModified, o);
  if (typeof modified === 'number' && modified === modified) put(d, 'lastModified', modified);
  return d;
}

function describeView(o: object): Description {
  const name = tryCall(typedArrayName, o);
  if (typeof name === 'string') {
    const length = tryCall(typedArrayLength, o);
    const byteLength = tryCall(typedArrayByteLength, o);
    const n = typeof length === 'number' ? length : 0;
    const bytes = typeof byteLength === 'number' ? byteLength : 0;
    const d: Description = { [M]: 'typed-array', text: `${name}(${n})`, kind: name, length: n, byteLength: bytes };
    // A typed array's elements are integer-indexed slots: no getter can be defined on them.
    const view = o as ArrayLike<number | bigint>;
    if (name === 'Uint8Array' || name === 'Uint8ClampedArray') {
      put(d, 'preview', hexOfBytes(view as ArrayLike<number>, n < PREVIEW_BYTES ? n : PREVIEW_BYTES));
    } else {
      const preview: SnapshotValue[] = [];
      const m = n < PREVIEW_ELEMENTS ? n : PREVIEW_ELEMENTS;
      for (let i = 0; i < m; i++) {
        const x = view[i];
        put(preview, i, typeof x === 'number' && x === x && x !== Infinity && x !== -Infinity && !(x === 0 && 1 / x < 0) ? x : StringCtor(x));
      }
      put(d, 'preview', preview);
    }
    return d;
  }
  const byteLength = tryCall(dataViewByteLength, o);
  const n = typeof byteLength === 'number' ? byteLength : 0;
  const buffer = tryCall(dataViewBuffer, o);
  const offset = tryCall(dataViewByteOffset, o);
  const preview = buffer === THREW || typeof offset !== 'number' ? '' : hexPreview(buffer, offset, n);
  return { [M]: 'typed-array', text: `DataView(${n})`, kind: 'DataView', length: n, byteLength: n, preview };
}

/**
 * A same-origin window of any realm (the engine's `window` getter answers for it), or, where the realm
 * has no DOM, an object whose own data property `window` is itself.
 */
function isWindow(o: object): boolean {
  if (windowGetter !== undefined) return tryCall(windowGetter, o) === o;
  return readOwn(o, 'window') === o;
}

/** A cross-origin WindowProxy: null prototype and cross-origin accessors for window and postMessage. */
export function isCrossOriginWindow(o: object): boolean {
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
    // No DOM in this realm (tests, workers): recognise a node by its own data properties.
    type = readOwn(o, 'nodeType');
    name = readOwn(o, 'nodeName');
    if (typeof type !== 'number' || typeof name !== 'string') return null;
    id = type === 1 ? readOwn(o, 'id') : undefined;
  }
  const nodeNameText = typeof name === 'string' ? cut(name, NAME_CHARS) : '';
  const d: Description = { [M]: 'dom-node', text: nodeNameText, nodeName: nodeNameText };
  if (typeof type === 'number') put(d, 'nodeType', type);
  if (typeof id === 'string' && id !== '') {
    const short = cut(id, NAME_CHARS);
    put(d, 'id', short);
    put(d, 'text', `${nodeNameText}#${short}`);
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
