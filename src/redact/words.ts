import { decodeBase64Text } from './base64';
import { B64, B64URL, DOT, EQUALS, isHex, PLUS, runEnd, SLASH, TILDE } from './chars';
import { knownFormatAt } from './formats';
import { jwtAt } from './jwt';
import { REDACTED, removed, type RedactionPass } from './pass';

/** What starts at a word of text (scan.ts): JWTs, known formats, scheme credentials, URL passwords. */

const BACKSLASH = 92;

/** After `\n`, `\t`, `\r` or `\/` (JSON escapes) or a `%XX` escape: a word starts here though a letter precedes. */
export function afterEscape(text: string, i: number): boolean {
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
export function userinfoPassword(text: string, colon: number): { from: number; to: number } | null {
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
 * What starts at a word: a JWT (where no base64url character precedes, or where the scanner found one glued to
 * a word: `jwtStart`), a known credential format (both only when 11 token characters follow, `long`), or a
 * `Basic`/`Bearer` credential. Where to go on, and what replaces [from, to) (null: nothing, the JWT's signature
 * was already removed), and a JWT's payload segment; null when none starts here. `headerEnd`: where the run of
 * base64url from `i` ends, when the caller has it.
 */
export function wordAt(text: string, i: number, jwtStart: boolean, long: boolean, pass: RedactionPass, headerEnd?: number): { from: number; to: number; mask: string | null; payload?: { from: number; to: number } | null } | null {
  if (jwtStart && long) {
    const jwt = jwtAt(text, i, headerEnd);
    if (jwt) {
      if (jwt.mask !== null) {
        pass.signatures.add(jwt.whole);
        pass.changes++;
      }
      return { from: jwt.secretStart, to: jwt.end, mask: jwt.mask, payload: jwt.payload };
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

