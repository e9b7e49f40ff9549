import { CLASS, isDigit, isLower, isUpper, TOKEN } from './chars';
import type { RedactionPass } from './pass';


/**
 * Whether the full scan could find anything in a text, decided in one cheap pass: without a `=`, `:` or `>`
 * (no pair, URL, header or XML element), every secret the scanner knows needs a run of token characters at least 13 long
 * (a JWT: header ≥ 10, two dots; a known format ≥ 20; base64 ≥ 16) or a `Basic`/`Bearer` word before its
 * credential. Short strings, numbers and plain words are let through untouched.
 */
export function mayHoldSecret(text: string): boolean {
  const n = text.length;
  let runStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c < 128 && (CLASS[c]! & TOKEN) !== 0) continue;
    // `=` and `:` (pairs, URLs, headers), `>` (an XML element's text).
    if (c === 61 || c === 58 || c === 62) return true;
    const run = i - runStart;
    if (run >= 13) return true;
    // `Basic`/`Bearer` before a space: the credential after it may be shorter than 13.
    if ((run === 5 || run === 6) && c === 32 && (text.charCodeAt(runStart) | 32) === 98) return true;
    runStart = i + 1;
  }
  return false;
}

/** Nesting at which the walk replaces a value whole (walk.ts MAX_NESTING), with room to spare. */
const DEEP = 150;

/**
 * Whether parsing and walking a JSON object or array could change anything, in one pass over its text
 * without parsing: only when a string in it steers the walk (a key or `name` that is sensitive, a credential
 * header, a header list, an attachment flag: pass.kindOf) or could hold a secret itself
 * (mayHoldSecret), when a string has escapes (its text is not what the walk sees), when it nests deep, or when
 * anything outside its strings is not JSON (then it is scanned as text, as before).
 * Anything else (`{"items":[1,2]}`, ids, plain words) is left as it is without building the value.
 */
export function jsonMayHoldSecret(text: string, pass: RedactionPass): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (++depth > DEEP) return true;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 34) {
      let end = i + 1;
      for (; end < n; end++) {
        const d = text.charCodeAt(end);
        if (d === 34) break;
        if (d === 92) return true;
      }
      if (end >= n) return true;
      if (end - i > 1) {
        const s = text.slice(i + 1, end);
        if (pass.kindOf(s) !== 0 || (s.length >= 6 && mayHoldSecret(s))) return true;
      }
      i = end;
    } else if (isLower(c) || isUpper(c)) {
      // Outside strings only JSON's own words: anything else is not JSON (cut short, or text) and is scanned.
      let end = i + 1;
      while (end < n && (isLower(text.charCodeAt(end)) || isUpper(text.charCodeAt(end)))) end++;
      if (!JSON_WORDS.has(text.slice(i, end))) return true;
      i = end - 1;
    } else if (!isDigit(c) && !JSON_PUNCTUATION.has(c)) return true;
  }
  return false;
}

const JSON_WORDS = new Set(['true', 'false', 'null', 'e', 'E']);
/** Whitespace, `,` `:` and a number's `-` `+` `.`. */
const JSON_PUNCTUATION = new Set([32, 9, 10, 13, 44, 58, 45, 43, 46]);
