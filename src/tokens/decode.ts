import { decodeJwt as joseDecodeJwt, decodeProtectedHeader } from 'jose';
import type { TokenSource, TokenType } from '../protocol/tokens';

export const FIT_ISSUER = 'forge/invocation-token';

export type DecodedJwt = { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> } | { ok: false; error: string };

/** Header and claims of a compact JWT, unverified; a clear error instead of a throw. */
export function decodeJwt(jwt: string): DecodedJwt {
  const text = jwt.trim().replace(/^Bearer\s+/i, '');
  if (text.split('.').length !== 3) return { ok: false, error: 'Not a JWT: a token has three dot-separated parts (header.claims.signature).' };
  try {
    return { ok: true, header: decodeProtectedHeader(text) as Record<string, unknown>, claims: joseDecodeJwt(text) as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: `Not a readable JWT: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const JWT_RE = /\b(eyJ[A-Za-z0-9_-]{8,})\.(eyJ[A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]*)/g;

/** Compact JWTs inside a text (a header value, a body), whose header decodes with an `alg`. */
export function findJwts(text: string | null): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const match of text.matchAll(JWT_RE)) {
    const decoded = decodeJwt(match[0]);
    if (decoded.ok && typeof decoded.header.alg === 'string') out.add(match[0]);
  }
  return [...out];
}

/**
 * FIT: issuer forge/invocation-token (forge-facts §3). FCT: a token that travelled as a GraphQL
 * `contextToken` (its issuer is not documented; the sandbox uses forge/context-token). Anything else: JWT.
 */
export function tokenTypeOf(claims: Record<string, unknown>, source?: TokenSource): TokenType {
  if (claims.iss === FIT_ISSUER) return 'FIT';
  if (source === 'graphql-fct' || source === 'graphql-request' || (typeof claims.iss === 'string' && /context-token/.test(claims.iss))) return 'FCT';
  return 'JWT';
}

/** A short stable id for a token without a jti: two 32-bit FNV-1a lanes over the compact form (64 bits). */
export function tokenHash(jwt: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < jwt.length; i++) {
    const c = jwt.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x0100019d) >>> 0;
  }
  return `h:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
