import { isArray, jsonStringify, objectKeys, regexpExec } from './intrinsics';
import { cut } from './ownReads';

/**
 * JSON lengths and text of snapshot output (our own plain data). JSON.stringify is used on strings only:
 * on an object it would look up a `toJSON` a page may have put on Object.prototype, and run it.
 */

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Length of JSON.stringify(s). Short strings are scanned here (calling JSON.stringify costs more than
 * the scan); long ones, and any with a surrogate (only lone ones are escaped), go to JSON.stringify.
 */
export function jsonStringLength(s: string): number {
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

/** Exact JSON length of a value made only of primitives, arrays and plain objects (our own output). */
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

/** JSON text of our own output, stopped once it reaches `max` characters (so a huge value costs little). */
export function jsonPreview(value: unknown, max: number): string {
  const parts = { text: '' };
  write(value, parts, max);
  return cut(parts.text, max);
}

/** JSON text of our own output (plain data), as JSON.stringify writes it but without looking up any `toJSON`. */
export function jsonText(value: unknown): string {
  return jsonPreview(value, Infinity);
}

function write(value: unknown, out: { text: string }, max: number): void {
  if (out.text.length >= max) return;
  if (typeof value === 'string') {
    out.text += jsonStringify(value);
  } else if (typeof value === 'number') {
    // As JSON.stringify: NaN and the infinities are null.
    out.text += value === value && value !== Infinity && value !== -Infinity ? '' + value : 'null';
  } else if (typeof value === 'boolean') {
    out.text += '' + value;
  } else if (value === null || typeof value !== 'object') {
    out.text += 'null';
  } else if (isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length && out.text.length < max; i++) {
      if (i > 0) out.text += ',';
      write(value[i], out, max);
    }
    out.text += ']';
  } else {
    out.text += '{';
    const keys = objectKeys(value);
    let first = true;
    for (let i = 0; i < keys.length && out.text.length < max; i++) {
      const k = keys[i] as string;
      const v = (value as Record<string, unknown>)[k];
      // As JSON.stringify: a field holding undefined (or a function, a symbol) is left out.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out.text += (first ? '' : ',') + jsonStringify(k) + ':';
      first = false;
      write(v, out, max);
    }
    out.text += '}';
  }
}

/** A path segment as JavaScript would write it: `.key`, `["odd key"]`, `[3]`. */
export function formatSeg(seg: string | number): string {
  if (typeof seg === 'number') return `[${seg}]`;
  if (seg.length <= 40 && regexpExec(IDENT_RE, seg) !== null) return `.${seg}`;
  return `[${jsonStringify(cut(seg, 40))}]`;
}
