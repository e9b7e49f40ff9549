/**
 * base64 and base64url to text and back, for redacting inside an encoding. Decoding is our own loop, not
 * atob + TextDecoder: it checks UTF-8 as it goes and gives up at the first byte that cannot be text, so a
 * word, a path or random base64 costs a few characters, not a full decode (the scanner tries every run).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Six-bit value of each base64 and base64url character; -1 for any other. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
SEXTET[45] = 62; // '-'
SEXTET[95] = 63; // '_'

/**
 * Incremental UTF-8 check (the same bytes a fatal TextDecoder accepts: no overlong forms, no surrogates,
 * nothing above U+10FFFF) that also counts control characters. `need` continuation bytes are still due;
 * `lo`/`hi` bound the next one.
 */
class Utf8Check {
  need = 0;
  lo = 0x80;
  hi = 0xbf;
  control = 0;
  ascii = true;

  /** False as soon as the bytes cannot be UTF-8. */
  push(b: number): boolean {
    if (this.need > 0) {
      if (b < this.lo || b > this.hi) return false;
      this.need--;
      this.lo = 0x80;
      this.hi = 0xbf;
      return true;
    }
    if (b < 0x80) {
      if (b < 32 && b !== 9 && b !== 10 && b !== 13) this.control++;
      return true;
    }
    this.ascii = false;
    if (b >= 0xc2 && b <= 0xdf) this.need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      this.need = 2;
      if (b === 0xe0) this.lo = 0xa0;
      else if (b === 0xed) this.hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.need = 3;
      if (b === 0xf0) this.lo = 0x90;
      else if (b === 0xf4) this.hi = 0x8f;
    } else return false;
    return true;
  }
}

/** The text a base64 (or base64url) run decodes to, or null when it is not base64 of text (valid UTF-8, few control characters). */
export function decodeBase64Text(run: string): string | null {
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 61) end--;
  if (end % 4 === 1 || end === 0) return null;
  const bytes = new Uint8Array((end * 3) >> 2);
  const check = new Utf8Check();
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = run.charCodeAt(i);
    const v = c < 128 ? SEXTET[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (!check.push(b) || check.control * 20 > bytes.length) return null;
      bytes[n++] = b;
    }
  }
  if (check.need > 0) return null;
  const text = check.ascii ? latin1(bytes, n) : decoder.decode(bytes.subarray(0, n));
  return check.control * 20 > text.length ? null : text;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A JWT's payload segment as text, decoded whole by the platform's atob: its header already said it is a JWT,
 * so there is no early exit to keep (decodeBase64Text's loop took three times as long on 36,000 small claim
 * sets). Null when it is not base64url of UTF-8.
 */
export function decodeJwtSegment(segment: string): string | null {
  let binary: string;
  try {
    binary = atob(segment.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/')));
  } catch {
    return null;
  }
  for (let i = 0; i < binary.length; i++) {
    if (binary.charCodeAt(i) < 128) continue;
    try {
      return strictDecoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    } catch {
      return null;
    }
  }
  return binary;
}

/** ASCII bytes as a string: a short run by one call, a long one through the decoder (no per-character string). */
function latin1(bytes: Uint8Array, n: number): string {
  return n <= 256 ? String.fromCharCode.apply(null, bytes.subarray(0, n) as unknown as number[]) : decoder.decode(bytes.subarray(0, n));
}

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const URL_ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

/** Text encoded as the original run was: base64url when it used `-`/`_`, padded only when it was. */
export function encodeBase64Like(text: string, like: string): string {
  return encodeBase64(text, like.includes('-') || like.includes('_'), like.endsWith('='));
}

/** Text as base64url without padding: a JWT's segment. */
export function encodeBase64Url(text: string): string {
  return encodeBase64(text, true, false);
}

/** One pass into a byte buffer. */
function encodeBase64(text: string, url: boolean, pad: boolean): string {
  const bytes = encoder.encode(text);
  const abc = url ? URL_ALPHABET : ALPHABET;
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = abc[v >> 18]!;
    out[o++] = abc[(v >> 12) & 63]!;
    out[o++] = abc[(v >> 6) & 63]!;
    out[o++] = abc[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = abc[v >> 18]!;
    out[o++] = abc[(v >> 12) & 63]!;
    if (rest === 2) out[o++] = abc[(v >> 6) & 63]!;
    else if (pad) out[o++] = 61;
    if (pad) out[o++] = 61;
  }
  return latin1(out, o);
}
