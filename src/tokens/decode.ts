import { decodeJwt as joseDecodeJwt, decodeProtectedHeader } from 'jose';

export type DecodedJwt = { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | { ok: false; error: string };

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
  try {
    return { ok: true, header: decodeProtectedHeader(text) as Record<string, unknown>, claims: joseDecodeJwt(text) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: `Not a readable JWT: ${error instanceof Error ? error.message : String(error)}` };
  }
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

/** The distinct compact JWTs in a text (a header value, a body) whose header decodes to JSON with an `alg`. */
export function findJwts(text: string | null | undefined): string[] {
  return jwtCandidates(text).filter((candidate) => isJwt(decodeJwt(candidate)));
}
