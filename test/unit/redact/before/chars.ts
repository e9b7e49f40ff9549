// src/redact/chars.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
/**
 * Character classes for the linear scanners (no regular expression runs over a value): one table of bits
 * over ASCII (every other character is in no class), so a run is one monomorphic loop of table lookups.
 */
export const DIGIT = 1, UPPER = 2, LOWER = 4, DASH = 8, UNDERSCORE = 16, PLUS = 32, SLASH = 64, EQUALS = 128;
export const DOT = 256, TILDE = 512, SPACE = 1024, COMMA = 16384, QUESTION = 32768;
const HEX_LETTER = 2048;
/** Ends an unquoted value after `=` (query, form, cookie): whitespace, `&`, `;`, `#`, `"`, `<`, `>`, `\`. */
export const FORM_END = 4096;
/** Also ends an unquoted value after `:` (headers, GraphQL, YAML): `'`, `}`, `]`, `)`; and `,`. */
export const COLON_EXTRA = 8192;

export const ALNUM = DIGIT | UPPER | LOWER;
/** base64url alphabet: letters, digits, `-`, `_`. */
export const B64URL = ALNUM | DASH | UNDERSCORE;
/** base64 alphabet and padding: letters, digits, `+`, `/`, `=`. */
export const B64 = ALNUM | PLUS | SLASH | EQUALS;
/** Either base64 alphabet without padding (the body of a run a decoder may try). */
export const B64ANY = ALNUM | PLUS | SLASH | DASH | UNDERSCORE;
/** Characters of a name in `name=value` and `name: value`. */
export const NAME = B64URL | DOT;
export const HEX = DIGIT | HEX_LETTER;
export const COLON_END = FORM_END | COLON_EXTRA | COMMA;
/** Characters a token can hold: base64 and base64url alphabets, `.` and `~` (JWTs, Bearer tokens). */
export const TOKEN = B64ANY | DOT | TILDE;

export const CLASS = new Uint16Array(128);
const mark = (chars: string, bit: number) => {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)]! |= bit;
};
for (let c = 48; c <= 57; c++) CLASS[c]! |= DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c]! |= UPPER;
for (let c = 97; c <= 122; c++) CLASS[c]! |= LOWER;
const MARKED: ReadonlyArray<readonly [string, number]> = [
  ['-', DASH], ['_', UNDERSCORE], ['+', PLUS], ['/', SLASH], ['=', EQUALS], ['.', DOT], ['~', TILDE], [',', COMMA], ['?', QUESTION],
  [' \t\n\r', SPACE], ['abcdefABCDEF', HEX_LETTER], [' \t\n\r&;#"<>\\', FORM_END], ["'}])", COLON_EXTRA],
];
for (const [chars, bit] of MARKED) mark(chars, bit);

/** Whether a character is in any of the classes of `mask`. */
export const is = (c: number, mask: number): boolean => c < 128 && (CLASS[c]! & mask) !== 0;
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isUpper = (c: number) => c >= 65 && c <= 90;
export const isLower = (c: number) => c >= 97 && c <= 122;
export const isHex = (c: number) => is(c, HEX);
export const isNameChar = (c: number) => is(c, NAME);

/** The end of the run of characters in `mask`'s classes starting at `from` (read no further than `limit`). */
export function runEnd(text: string, from: number, mask: number, limit = text.length): number {
  const n = Math.min(limit, text.length);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (CLASS[c]! & mask) === 0) break;
    i++;
  }
  return i;
}

/** The first character at or after `from` in `mask`'s classes (the text's length when there is none). */
export function runUntil(text: string, from: number, mask: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && (CLASS[c]! & mask) !== 0) break;
    i++;
  }
  return i;
}
