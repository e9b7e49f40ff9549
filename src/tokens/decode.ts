import { decodeJwt as joseDecodeJwt, decodeProtectedHeader } from 'jose';

/**
 * A decoded token, or why it is not one. When the header decodes but the claims do not (the docs' own example
 * FCT, forge-facts §8.2), `header` is there: the token is a JWT whose claims are unreadable, not "not a JWT".
 */
export type DecodedJwt = { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | { ok: false; error: string; header?: Record<string, unknown> };

/** What a token whose header decodes but whose claims do not shows in place of its claims. */
export const CLAIMS_UNREADABLE = 'claims unreadable';

/** The compact JWT in a pasted or header value: trimmed, without a leading `Bearer `. */
export const compactJwt = (text: string): string => text.trim().replace(/^Bearer\s+/i, '');

/**
 * Header and claims of a compact JWT, NOT verified. A leading `Bearer ` is allowed. Never throws: what is
 * wrong comes back as a sentence (and never holds the token, which is a credential).
 */
export function decodeJwt(jwt: string): DecodedJwt {
  if (typeof jwt !== 'string') return { ok: false, error: 'Not a JWT: expected text.' };
  const text = compactJwt(jwt);
  if (text.split('.').length !== 3) return { ok: false, error: 'Not a JWT: a token has three dot-separated parts (header.claims.signature).' };
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(text) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, error: `Not a readable JWT: ${messageOf(error)}` };
  }
  try {
    return { ok: true, header, claims: joseDecodeJwt(text) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, header, error: `${CLAIMS_UNREADABLE}: the header decodes, the payload does not (${messageOf(error)})` };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A token whose JOSE header decodes (it names an `alg`) but whose claims do not. */
export function hasUnreadableClaims(decoded: DecodedJwt): decoded is { ok: false; error: string; header: Record<string, unknown> } {
  return !decoded.ok && decoded.header !== undefined && typeof decoded.header.alg === 'string';
}

const B64URL = 'A-Za-z0-9_-';
/**
 * Candidates: header and claims are base64url JSON objects (so both start `eyJ`, i.e. `{"`), then a signature
 * that alg none leaves empty. Not inside a longer base64url run, and not the first parts of a JWE (5 parts).
 */
const JWT_CANDIDATE = new RegExp(`(?<![${B64URL}])eyJ[${B64URL}]+\\.eyJ[${B64URL}]+\\.[${B64URL}]*(?!\\.?[${B64URL}])`, 'g');

/** Strings shaped like compact JWTs, distinct, not yet decoded (cheap: callers decode each new one once). */
export function jwtCandidates(text: string | null | undefined): string[] {
  if (typeof text !== 'string' || !text.includes('eyJ')) return [];
  return [...new Set(Array.from(text.matchAll(JWT_CANDIDATE), (m) => m[0]))];
}

/** A decoded token that is a JWS: its header names an `alg`. */
export function isJwt(decoded: DecodedJwt): decoded is Extract<DecodedJwt, { ok: true }> {
  return decoded.ok && typeof decoded.header.alg === 'string';
}

/** The distinct compact JWTs in a text (a header value, a body) whose header decodes to JSON with an `alg` (readable claims or not). */
export function findJwts(text: string | null | undefined): string[] {
  return jwtCandidates(text).filter((candidate) => {
    const decoded = decodeJwt(candidate);
    return isJwt(decoded) || hasUnreadableClaims(decoded);
  });
}
