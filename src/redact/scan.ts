import { decodeBase64Text, encodeBase64Like } from './base64';
import { ALNUM, B64, B64ANY, B64URL, CLASS, DOT, EQUALS, isHex, PLUS, runEnd, SLASH, TILDE, TOKEN } from './chars';
import { knownFormatAt } from './formats';
import { jwtAt } from './jwt';
import { looksOpaque } from './opaque';
import { pairAt } from './pairs';
import { REDACTED, removed, suspect, type RedactionPass } from './pass';

/** What the scanner needs besides the text: the pass, and how to redact a decoded layer (base64, %-encoding). */
export interface ScanContext {
  pass: RedactionPass;
  /** The name the text sits under, for the suspects list. */
  name: string | null;
  /** Redacts decoded text one layer deeper; null at the deepest layer. */
  nested: ((text: string) => string) | null;
}

const BACKSLASH = 92;

/** After `\n`, `\t`, `\r` or `\/` (JSON escapes) or a `%XX` escape: a word starts here though a letter precedes. */
function afterEscape(text: string, i: number): boolean {
  if (i >= 2 && text.charCodeAt(i - 2) === BACKSLASH && 'ntr/'.includes(text[i - 1]!)) return true;
  return i >= 3 && text.charCodeAt(i - 3) === 37 && isHex(text.charCodeAt(i - 2)) && isHex(text.charCodeAt(i - 1));
}

/** `Basic <base64 of user:password>` or `Bearer <opaque token>` in free text: the credential's extent. */
function schemeCredential(text: string, i: number): { from: number; to: number } | null {
  const space = text.charCodeAt(i + 5) === 32 ? 5 : text.charCodeAt(i + 6) === 32 ? 6 : 0;
  if (space === 0) return null;
  const word = text.slice(i, i + space + 1).toLowerCase();
  const basic = word === 'basic ';
  if (!basic && word !== 'bearer ') return null;
  let from = i + (basic ? 6 : 7);
  while (from < text.length && from - i < 12 && text.charCodeAt(from) === 32) from++;
  if (basic) {
    const to = runEnd(text, from, B64);
    return to - from >= 8 && decodeBase64Text(text.slice(from, to))?.includes(':') ? { from, to } : null;
  }
  if (jwtAt(text, from)) return null;
  const to = runEnd(text, from, B64URL | DOT | TILDE | PLUS | SLASH | EQUALS);
  return to - from >= 16 ? { from, to } : null;
}

/** `scheme://user:password@host`: the password's extent (at most 256 characters of userinfo are read). */
function userinfoPassword(text: string, colon: number): { from: number; to: number } | null {
  const start = colon + 3;
  let k = start;
  let firstColon = -1;
  for (; k < text.length && k - start < 256; k++) {
    const c = text[k]!;
    if (c === '@') break;
    if ('/?#"\'<>\\ \n'.includes(c)) return null;
    if (c === ':' && firstColon === -1) firstColon = k;
  }
  if (text[k] !== '@' || firstColon === -1 || k === firstColon + 1) return null;
  return text.startsWith(REDACTED, firstColon + 1) || text.startsWith('%5Bredacted', firstColon + 1) ? null : { from: firstColon + 1, to: k };
}

/**
 * What starts at a word: a JWT (only where no base64url character precedes, `jwtStart`), a known credential
 * format (both only when 11 token characters follow, `long`), or a `Basic`/`Bearer` credential. Where to go on, and what replaces [from, to) (null: nothing,
 * the JWT's signature was already removed); null when none starts here.
 */
function wordAt(text: string, i: number, jwtStart: boolean, long: boolean, pass: RedactionPass): { from: number; to: number; mask: string | null } | null {
  if (jwtStart && long) {
    const jwt = jwtAt(text, i);
    if (jwt) {
      if (jwt.mask !== null) {
        pass.signatures.add(jwt.whole);
        pass.changes++;
      }
      return { from: jwt.secretStart, to: jwt.end, mask: jwt.mask };
    }
  }
  const format = long ? knownFormatAt(text, i) : null;
  if (format) {
    removed(pass, 'knownFormats', format.name);
    return { from: i, to: format.end, mask: REDACTED };
  }
  const c = text.charCodeAt(i);
  if (c === 66 || c === 98) {
    const credential = schemeCredential(text, i);
    if (credential) {
      removed(pass, 'authorization');
      return { from: credential.from, to: credential.to, mask: REDACTED };
    }
  }
  return null;
}

/**
 * Text of any kind, scanned once from left to right: JWTs lose their signature, known credential formats,
 * Basic and Bearer credentials and URL passwords go, values after sensitive names (`name=value`,
 * `name: value`, `"name":"value"` at any escaping depth) are masked, base64 and %-encoded layers are
 * redacted inside, and long opaque values under unknown names are listed (or removed when asked).
 * Each character is visited a bounded number of times: time is linear in the text.
 */
export function scanText(text: string, ctx: ScanContext): string {
  const { pass } = ctx;
  // The output in pieces, joined into chunks as it grows: a text with a replacement every few characters would
  // otherwise keep millions of small strings alive until the end.
  const chunks: string[] = [];
  let pieces: string[] = [];
  let last = 0;
  const replace = (from: number, to: number, withText: string) => {
    pieces.push(text.slice(last, from), withText);
    last = to;
    if (pieces.length >= 2048) {
      chunks.push(pieces.join(''));
      pieces = [];
    }
  };
  const n = text.length;
  let i = 0;
  let encodedCheckedUntil = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASS[c]! : 0;
    if ((cls & B64ANY) === 0) {
      // Not a token character: only a separator or an escape asks for anything.
      if (c === 58 && text.startsWith('//', i + 1)) {
        const password = userinfoPassword(text, i);
        if (password) {
          replace(password.from, password.to, REDACTED);
          removed(pass, 'urlCredentials');
          i = password.to;
        } else i += 3;
        continue;
      }
      if (c === 61 || c === 58) {
        const action = pairAt(text, i, pass, i >= encodedCheckedUntil);
        if (action.kind === 'none' && action.to !== -1) encodedCheckedUntil = action.to;
        if (action.kind === 'replace') {
          replace(action.from, action.to, action.text);
          i = action.to;
          continue;
        }
        if (action.kind === 'continue') {
          i = action.to;
          continue;
        }
        if (action.kind === 'encoded' && ctx.nested) {
          const raw = text.slice(action.from, action.to);
          const decoded = safeDecodeURIComponent(raw);
          if (decoded !== null && decoded !== raw) {
            const before = pass.changes;
            const inner = ctx.nested(decoded);
            if (pass.changes !== before) replace(action.from, action.to, safeEncodeURIComponent(inner));
            i = action.to;
            continue;
          }
          encodedCheckedUntil = action.to;
        }
      } else if (c === BACKSLASH && 'ntr/'.includes(text[i + 1] ?? '')) {
        // A JSON escape (\n, \t, \r, \/) or a %XX escape is stepped over whole: the word after it starts fresh.
        i += 2;
        continue;
      } else if (c === 37 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
        i += 3;
        continue;
      }
      i++;
      continue;
    }
    const prev = i === 0 ? -1 : text.charCodeAt(i - 1);
    const prevCls = prev >= 0 && prev < 128 ? CLASS[prev]! : 0;
    const escaped = (prevCls & B64ANY) !== 0 && afterEscape(text, i);
    // A JWT needs 11 token characters (a 10-character header and its dot), a known format 20, a base64 run 16:
    // read at most 16 ahead to know which can start here (a word in a long dotted run is not read to its end).
    const reach = runEnd(text, i, TOKEN, i + 16) - i;
    const word = (cls & ALNUM) !== 0 && ((prevCls & ALNUM) === 0 || escaped) && (reach >= 11 || c === 66 || c === 98);
    const runStart = ((prevCls & B64ANY) === 0 || escaped) && reach >= 16;
    if (word) {
      const at = wordAt(text, i, (prevCls & B64URL) === 0 || escaped, reach >= 11, pass);
      if (at !== null) {
        if (at.mask !== null) replace(at.from, at.to, at.mask);
        i = at.to;
        continue;
      }
    }
    if (runStart) {
      let end = runEnd(text, i, B64ANY);
      if (text.charCodeAt(end) === 61) end += text.charCodeAt(end + 1) === 61 ? 2 : 1;
      if (end - i >= 16) {
        const run = text.slice(i, end);
        const decoded = ctx.nested && !(/[-_]/.test(run) && /[+/]/.test(run)) ? decodeBase64Text(run) : null;
        if (decoded !== null && ctx.nested) {
          const before = pass.changes;
          const inner = ctx.nested(decoded);
          if (pass.changes !== before) {
            replace(i, end, encodeBase64Like(inner, run));
            i = end;
            continue;
          }
        } else if (looksOpaque(run)) {
          if (pass.removeOpaque) {
            replace(i, end, REDACTED);
            removed(pass, 'opaque');
            i = end;
            continue;
          }
          suspect(pass, ctx.name, run);
        }
      }
    }
    // Inside a run of letters and digits no word, run or pair can start: step over it in one tight loop.
    i = (cls & ALNUM) !== 0 ? runEnd(text, i + 1, ALNUM) : i + 1;
  }
  if (last === 0) return text;
  pieces.push(text.slice(last));
  chunks.push(pieces.join(''));
  return chunks.join('');
}

/** encodeURIComponent, which throws on a lone surrogate: that one becomes U+FFFD first (every supported browser has toWellFormed). */
function safeEncodeURIComponent(text: string): string {
  return encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed());
}

function safeDecodeURIComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
