import { decodeBase64Text } from './base64';
import { B64URL, runEnd } from './chars';
import { REDACTED, REDACTED_SIGNATURE } from './pass';

/** A compact JWS or JWE at a position: what to keep and what to replace. */
export interface JwtAt {
  /** Where its secret part starts (the signature; for a JWE, everything after the header) and ends. */
  secretStart: number;
  end: number;
  /** The replacement for the secret part ('' when it was already removed or there is none). */
  mask: string | null;
  whole: string;
  /** A JWS's payload segment [from, to): its claims, read by the reader, unless they hold a secret. Null for a JWE. */
  payload: { from: number; to: number } | null;
}

/** Headers already judged (a trace repeats the same few; a hostile text repeats one): at most this many kept. */
const headers = new Map<string, string | null>();
const MAX_HEADERS = 1000;

/** The header decodes to a JSON object naming its algorithm: what makes a dotted run a JWT. */
function headerOf(segment: string): string | null {
  const known = headers.get(segment);
  if (known !== undefined) return known;
  const text = decodeBase64Text(segment)?.trim();
  const header = text !== undefined && text.startsWith('{') && text.includes('"alg"') ? text : null;
  if (headers.size < MAX_HEADERS && segment.length <= 256) headers.set(segment, header);
  return header;
}

/**
 * Whether base64url at `at` can be a JSON object's: `{` encodes as `e` and then `y` or `w` (`{"`, `{ `, `{` and a
 * line break or tab); JSON whitespace before it as `I` (space), `C` (line feed, tab) or `D` (carriage return).
 * Any other word is not decoded.
 */
function mayStartHeader(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 101) {
    const d = text.charCodeAt(at + 1);
    return d === 121 || d === 119;
  }
  return c === 73 || c === 67 || c === 68;
}

/**
 * The JWT starting at `at`, recognised by its header (so a payload need not start `eyJ`), or null. Every
 * segment is one forward run; the header is decoded once, at most 4 KiB of it. `knownHeaderEnd`: where the run
 * of base64url from `at` ends, when the caller has it.
 */
export function jwtAt(text: string, at: number, knownHeaderEnd?: number): JwtAt | null {
  if (!mayStartHeader(text, at)) return null;
  const headerEnd = knownHeaderEnd ?? runEnd(text, at, B64URL);
  if (text.charCodeAt(headerEnd) !== 46 || headerEnd - at < 10 || headerEnd - at > 4096) return null;
  const header = headerOf(text.slice(at, headerEnd));
  if (header === null) return null;
  const payloadEnd = runEnd(text, headerEnd + 1, B64URL);
  if (text.charCodeAt(payloadEnd) !== 46) return null;
  if (header.includes('"enc"')) {
    // JWE: encrypted key, IV, ciphertext and tag are all secret.
    let end = runEnd(text, payloadEnd + 1, B64URL);
    for (let part = 0; part < 2 && text.charCodeAt(end) === 46; part++) end = runEnd(text, end + 1, B64URL);
    const rest = text.slice(headerEnd + 1, end);
    return { secretStart: headerEnd + 1, end, mask: rest.startsWith(REDACTED) ? null : REDACTED, whole: text.slice(at, end), payload: null };
  }
  if (payloadEnd === headerEnd + 1) return null;
  const end = runEnd(text, payloadEnd + 1, B64URL);
  const signature = text.slice(payloadEnd + 1, end);
  return {
    secretStart: payloadEnd + 1,
    end,
    mask: signature === '' || signature === REDACTED_SIGNATURE ? null : REDACTED_SIGNATURE,
    whole: text.slice(at, end),
    payload: { from: headerEnd + 1, to: payloadEnd },
  };
}
