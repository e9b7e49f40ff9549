// src/redact/percent.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
import { CLASS, EQUALS, FORM_END, isHex, isNameChar, QUESTION, SLASH } from './chars';

/** Percent-encoding, for redacting inside it: decode and encode without throwing, and where an encoded part of a text lies. */

/** encodeURIComponent, which throws on a lone surrogate: that one becomes U+FFFD first (every supported browser has toWellFormed). */
export function safeEncodeURIComponent(text: string): string {
  return encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed());
}

export function safeDecodeURIComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.includes('+') ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/** `%3D` or `%3A` (an encoded `=` or `:`) at `i`: a pair may be hiding in encoded text. */
export function encodedSeparatorAt(text: string, i: number): boolean {
  if (text.charCodeAt(i + 1) !== 51) return false;
  const c = text.charCodeAt(i + 2) | 32;
  return c === 100 || c === 97;
}

/** Where encoding does not reach: whitespace, quotes, `&`, `;`, `#`, and a literal `/`, `?` or `=` (the text's own structure). */
const SEGMENT_END = FORM_END | SLASH | QUESTION | EQUALS;

/**
 * The stretch of encoded text around `i` (between the text's own separators), read back no further than
 * `floor` and forward to its end: each character is read back at most once over a scan, as `floor` moves
 * past every stretch read.
 */
export function encodedSegment(text: string, i: number, floor: number): { from: number; to: number } {
  let from = i;
  while (from > floor) {
    const c = text.charCodeAt(from - 1);
    if (c < 128 && (CLASS[c]! & SEGMENT_END) !== 0) break;
    from--;
  }
  let to = i;
  while (to < text.length) {
    const c = text.charCodeAt(to);
    if (c < 128 && (CLASS[c]! & SEGMENT_END) !== 0) break;
    to++;
  }
  return { from, to };
}

/** `%22`, `%27`, `%5C` or `%20` (an encoded quote, backslash or space) ending at `end`. */
function encodedQuoteBefore(text: string, end: number): boolean {
  if (end < 3 || text.charCodeAt(end - 3) !== 37) return false;
  const code = text.slice(end - 2, end).toUpperCase();
  return code === '22' || code === '27' || code === '5C' || code === '20';
}

/**
 * The name before an encoded separator at `i` (`token` in `cb%3Ftoken%3D…`, `password` in
 * `%22password%22%3A…`), or null: past encoded quotes, back over name characters to the previous escape.
 * Reads at most 16 + 128 characters back.
 */
export function encodedNameBefore(text: string, i: number): string | null {
  let end = i;
  for (let k = 0; k < 5 && encodedQuoteBefore(text, end); k++) end -= 3;
  let start = end;
  while (start > 0 && end - start < 128 && isNameChar(text.charCodeAt(start - 1))) start--;
  // The run began inside an escape (`%3Ftoken`: `3F` is the escape's, not the name's).
  if (start >= 1 && end - start >= 2 && text.charCodeAt(start - 1) === 37 && isHex(text.charCodeAt(start)) && isHex(text.charCodeAt(start + 1))) start += 2;
  return start < end ? text.slice(start, end) : null;
}
