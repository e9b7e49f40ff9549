import { COLON_END, COLON_EXTRA, FORM_END, isNameChar, runUntil } from './chars';
import { jwtAt } from './jwt';
import { PARAM_SENSITIVE_NAME } from './names';
import { ENCODED_REDACTED, REDACTED, removed, type RedactionPass } from './pass';

/**
 * What a `name=value` or `name: value` pair at a separator asks of the scanner. One shape for every kind
 * (the scanner reads millions of these: one shape keeps that read monomorphic):
 * - `none`: nothing to do; `to`, when not -1, is the value's end, so `=` inside it needs no encoded check again;
 * - `replace`: replace [from, to) with `text`, then go on after it;
 * - `continue`: go on scanning at `to` (a JWT under a sensitive name keeps its claims; the JWT scanner takes it);
 * - `encoded`: [from, to) is a percent-encoded value under a name that is not sensitive: redact its decoded text.
 */
export interface PairAction {
  kind: 'none' | 'replace' | 'continue' | 'encoded';
  from: number;
  to: number;
  text: string;
}

const action = (kind: PairAction['kind'], from: number, to: number, text = ''): PairAction => ({ kind, from, to, text });

const SCHEMES = new Set(['basic', 'bearer', 'token', 'digest', 'negotiate', 'ntlm', 'hawk', 'aws4-hmac-sha256', 'sharedaccesssignature']);
const BACKSLASH = 92;

const NONE: PairAction = action('none', -1, -1);
/** The answer for a plain value checked for %-escapes: one object, reused (the scanner reads it at once). */
const checked: PairAction = action('none', -1, -1);

/** A form value that reads differently decoded: a %-escape, or `+` for a space (`q=Bearer+abc…`). */
function isEncoded(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 37 || c === 43) return true;
  }
  return false;
}

/**
 * Quotes written as HTML character references (`{&quot;password&quot;:&quot;…&quot;}`: JSON a server put into
 * an HTML attribute; Go's templates write `&#34;`).
 */
const HTML_QUOTES = ['&quot;', '&#34;'];

/** The HTML-escaped quote that ends at `end`, or null. */
function htmlQuoteBefore(text: string, end: number): string | null {
  if (text.charCodeAt(end - 1) !== 59) return null;
  for (const quote of HTML_QUOTES) if (text.startsWith(quote, end - quote.length)) return quote;
  return null;
}

/** The HTML-escaped quote that starts at `at`, or null. */
function htmlQuoteAt(text: string, at: number): string | null {
  if (text.charCodeAt(at) !== 38) return null;
  for (const quote of HTML_QUOTES) if (text.startsWith(quote, at)) return quote;
  return null;
}

/** The name before a separator: a run of name characters, past closing quotes (also HTML-escaped ones) and backslashes. */
function nameBefore(text: string, sep: number): string | null {
  let end = sep;
  for (let k = 0; k < 16 && end > 0; k++) {
    const c = text.charCodeAt(end - 1);
    if (c === 34 || c === 39 || c === BACKSLASH || c === 32) {
      end--;
      continue;
    }
    const htmlQuote = htmlQuoteBefore(text, end);
    if (htmlQuote === null) break;
    end -= htmlQuote.length;
  }
  let start = end;
  let escapes = false;
  while (start > 0 && end - start < 128) {
    const c = text.charCodeAt(start - 1);
    if (isNameChar(c)) start--;
    else if (c === BACKSLASH && text.charCodeAt(start) === 117) {
      // `\u0077`, escaped once or more: part of the name.
      escapes = true;
      start--;
      while (start > 0 && end - start < 128 && text.charCodeAt(start - 1) === BACKSLASH) start--;
    } else break;
  }
  if (start === end) return null;
  return escapes ? unescapedName(text.slice(start, end)) : text.slice(start, end);
}

/**
 * A name spelled with `\u` escapes, as JSON text cut short holds it (`pass\u0077ord` is `password`). Read
 * only when the name has one; at most 128 characters.
 */
function unescapedName(name: string): string | null {
  const decoded = name.replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const last = decoded.split(/\\+./).pop();
  return last ? last : null;
}

/**
 * Where a quoted value ends: at the first quote escaped as deeply as the opening one (`"`, `\"`, `\\\"`…),
 * or where the text is cut short. Each backslash run is counted once: linear.
 */
function closingQuote(text: string, from: number, depth: number, quote: string): number {
  let j = from;
  for (;;) {
    const at = text.indexOf(quote, j);
    if (at === -1) return text.length;
    let slashes = 0;
    while (at - 1 - slashes >= from && text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (depth === 0 ? slashes % 2 === 0 : slashes <= depth) return at - Math.min(slashes, depth);
    j = at + 1;
  }
}

/**
 * Where the value after a separator starts, and its opening quote (with the backslashes escaping it): set
 * by valueStart in these three instead of a new object per pair (the scanner meets millions of pairs).
 */
let start = 0;
let quoteChar: string | null = null;
let quoteDepth = 0;

function valueStart(text: string, sep: number): void {
  let v = sep + 1;
  while (v < text.length && v - sep < 16 && text.charCodeAt(v) === 32) v++;
  const htmlQuote = htmlQuoteAt(text, v);
  if (htmlQuote !== null) {
    start = v + htmlQuote.length;
    quoteChar = htmlQuote;
    quoteDepth = 0;
    return;
  }
  let q = v;
  while (q < text.length && q - v < 16 && text.charCodeAt(q) === BACKSLASH) q++;
  const char = text[q];
  if (char === '"' || char === "'") {
    quoteDepth = q - v;
    // A GraphQL block string ("""…"""", escaped as deeply as its opening quote) ends at the next three quotes.
    const unit = text.slice(v, q + 1);
    if (char === '"' && text.startsWith(unit + unit, q + 1)) {
      start = v + 3 * unit.length;
      quoteChar = char + unit + unit;
      return;
    }
    start = q + 1;
    quoteChar = char;
  } else {
    start = v;
    quoteChar = null;
  }
}

function valueEnd(text: string, from: number, form: boolean): number {
  if (quoteChar !== null) return closingQuote(text, from, quoteDepth, quoteChar);
  return runUntil(text, from, form ? FORM_END : COLON_END);
}

/** A scheme word (`Basic`, `Bearer`…) opening a value: the credential after it goes, the scheme stays. */
function afterScheme(text: string, start: number, end: number, quoted: boolean): { credentialStart: number; end: number } | null {
  let wordEnd = start;
  while (wordEnd < end && wordEnd - start <= 24 && text.charCodeAt(wordEnd) !== 32) wordEnd++;
  const word = quoted ? (wordEnd < end && text.charCodeAt(wordEnd) === 32 ? text.slice(start, wordEnd) : '') : text.slice(start, end);
  if (!SCHEMES.has(word.toLowerCase())) return null;
  let credentialStart = start + word.length;
  while (credentialStart < text.length && text.charCodeAt(credentialStart) === 32) credentialStart++;
  const credentialEnd = quoted ? end : runUntil(text, credentialStart, FORM_END | COLON_EXTRA);
  return credentialEnd > credentialStart ? { credentialStart, end: credentialEnd } : null;
}

/** A value an earlier pass (or the tool's own export) already masked. */
export const isMasked = (value: string) => value.startsWith(REDACTED) || value.startsWith(ENCODED_REDACTED) || value.startsWith('[redacted');

/** A JSON object, array or literal opens at `at` (after `name:` it is structure, not a value to mask). */
function opensStructure(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 123 || c === 91) return true;
  const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : null;
  return word !== null && text.startsWith(word, at) && !isNameChar(text.charCodeAt(at + word.length));
}

/**
 * What to do at a `=` or `:` (not `://`) at `sep`. A value's extent is read only when the scanner then
 * jumps past it (or, for `checkEncoded`, once per value), so no stretch of text is read twice over.
 */
export function pairAt(text: string, sep: number, pass: RedactionPass, checkEncoded: boolean): PairAction {
  const form = text.charCodeAt(sep) === 61;
  const name = nameBefore(text, sep);
  if (name === null) return NONE;
  const param = form ? pass.paramKind(name) : 0;
  const byName = form ? param === PARAM_SENSITIVE_NAME : pass.isSensitive(name);
  const sensitive = byName || param !== 0;
  if (!sensitive && (!form || !checkEncoded)) return NONE;
  valueStart(text, sep);
  if (!sensitive) {
    if (quoteChar !== null) return NONE;
    const end = valueEnd(text, start, true);
    if (end - start < 65_536 && isEncoded(text, start, end)) return action('encoded', start, end);
    checked.to = end;
    return checked;
  }
  const quoted = quoteChar !== null;
  if (!quoted && !form && opensStructure(text, start)) return NONE;
  if (jwtAt(text, start)) return action('continue', -1, start);
  const from = start;
  const end = valueEnd(text, from, form);
  const value = text.slice(from, end);
  if (value === '' || isMasked(value)) return action('continue', -1, end);
  const scheme = afterScheme(text, from, end, quoted);
  if (scheme) {
    if (jwtAt(text, scheme.credentialStart)) return action('continue', -1, scheme.credentialStart);
    if (isMasked(text.slice(scheme.credentialStart, scheme.end))) return action('continue', -1, scheme.end);
    removed(pass, 'authorization');
    return action('replace', scheme.credentialStart, scheme.end, REDACTED);
  }
  removed(pass, byName ? 'sensitiveKeys' : 'urlCredentials');
  return action('replace', from, end, form && !quoted ? ENCODED_REDACTED : REDACTED);
}
