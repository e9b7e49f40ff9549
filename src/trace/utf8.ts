const CHUNK = 1 << 20;
let buffer: Uint8Array | null = null;

/**
 * UTF-8 length of a (well-formed) string without encoding it whole: it is encoded a chunk at a time into
 * one reusable buffer, natively, and only the byte counts are kept.
 */
export function utf8Length(text: string): number {
  if (text.length <= CHUNK) return new TextEncoder().encode(text).length;
  buffer ??= new Uint8Array(CHUNK * 3);
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK, text.length);
    // Never split a surrogate pair: each half alone would count as a replacement character.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    bytes += encoder.encodeInto(text.slice(start, end), buffer).written;
    start = end;
  }
  return bytes;
}
