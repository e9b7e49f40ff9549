import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { VerificationResult } from '../protocol/tokens';
import { compactJwt, decodeJwt, hasUnreadableClaims } from './decode';
import type { JwksCache } from './jwksCache';
import { jwksUrlFor } from './jwksUrl';
import { FIT_ISSUER, tokenTypeOf } from './tokenType';
import { CHECKED_NOTHING, invalid, notVerified, verifyFailure, type Outcome } from './verifyFailure';

export interface VerifyOptions {
  /** Fetches a JWKS; only ever called with the environment's URL or a trusted one. */
  fetchJwks: (url: string) => Promise<unknown>;
  /** Key sets the user trusts in settings (the sandbox's, for one), tried after the environment's own. */
  trustedJwksUrls: readonly string[];
  /** The app id (ARI) the token must be for; aud is checked when given. */
  expectedAudience?: string | null;
  /** The time to check exp and nbf against, ms epoch. */
  now: number;
  /** Seconds of tolerance on exp and nbf, as a remote would allow (default 5). */
  clockToleranceSec?: number;
  cache: JwksCache;
}

/** How a token of an Isolated Cloud reads when no trusted key set verifies it. */
export const ISOLATED_UNKNOWN = 'Isolated Cloud key set unknown';

/** The claims a FIT always has (the Forge docs' table; Atlassian's reference validators require them). */
const FIT_REQUIRED_CLAIMS = ['iat', 'nbf', 'exp', 'jti'];

/**
 * Where the key may come from, in order: the key set of the platform that minted a Forge token (from its own
 * claims), then the user's trusted ones. Never jku, x5u or x5c from the header, never the page.
 */
function keySetUrls(isForgeToken: boolean, claims: Record<string, unknown>, trusted: readonly string[]): string[] {
  return [...new Set([...(isForgeToken ? [jwksUrlFor(claims)] : []), ...trusted])];
}

/**
 * Verifies a token: RS256 only; the signature against the first key set (see keySetUrls) that has its kid;
 * then, with jose, iss (FITs), aud (when expected), nbf and exp. Offline, or no key set knows the kid: "not
 * verified: <why>", never "invalid". Never throws.
 */
export async function verifyToken(jwt: string, options: VerifyOptions): Promise<VerificationResult> {
  const done = (outcome: Outcome | Pick<VerificationResult, 'status' | 'reason' | 'checks'>, jwksUrl: string | null = null): VerificationResult => ({
    ...outcome,
    jwksUrl,
    checkedAt: options.now,
  });
  const decoded = decodeJwt(jwt);
  // Claims that do not decode cannot be checked, whatever the signature: say so, not "not a JWT".
  if (hasUnreadableClaims(decoded)) return done(notVerified(decoded.error));
  if (!decoded.ok) return done(invalid(decoded.error, CHECKED_NOTHING));
  const { header, claims } = decoded;
  if (header.alg !== 'RS256') return done(invalid(`algorithm ${String(header.alg)} is not accepted (Forge tokens are signed with RS256)`, { ...CHECKED_NOTHING, signature: 'failed' }));
  const kid = typeof header.kid === 'string' ? header.kid : null;
  if (!kid) return done(notVerified('the token names no key (kid)'));
  // A token signed with a FIT key is held to the FIT's issuer, whatever iss it claims.
  const type = tokenTypeOf(header, claims);
  const isFit = type === 'FIT' || kid.startsWith(`${FIT_ISSUER}/`);
  // An Isolated Cloud token (icLabel, forge-facts §8.3) is verified by its cloud's own key set, whose URL is
  // not known: only a key set the user trusts can verify it, and failing that it is unknown, never invalid.
  const icLabel = typeof claims.icLabel === 'string' && claims.icLabel !== '' ? claims.icLabel : null;
  const isolated = (why: string) => notVerified(`${ISOLATED_UNKNOWN} (icLabel ${icLabel}${why ? `; ${why}` : ''}); add its key set in Settings → Trusted JWKS URLs`);
  const urls = icLabel ? [...new Set(options.trustedJwksUrls)] : keySetUrls(type !== 'JWT' || kid.startsWith('forge/'), claims, options.trustedJwksUrls);
  if (icLabel && urls.length === 0) return done(isolated(''));
  if (urls.length === 0) return done(notVerified('no key set is known for this kind of token; add one in Settings → Trusted JWKS URLs'));

  const expectedAudience = options.expectedAudience ?? null;
  const toleranceSec = options.clockToleranceSec ?? 5;
  const why: string[] = [];
  for (const url of urls) {
    let keySet: JSONWebKeySet;
    try {
      keySet = await options.cache.get(url, options.fetchJwks);
    } catch (error) {
      why.push(`${url} unreachable (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (!keySet.keys.some((k) => k.kid === kid)) {
      why.push(`no key ${kid} in ${url}`);
      continue;
    }
    try {
      await jwtVerify(compactJwt(jwt), createLocalJWKSet(keySet), {
        algorithms: ['RS256'],
        currentDate: new Date(options.now),
        clockTolerance: toleranceSec,
        ...(isFit ? { issuer: FIT_ISSUER, requiredClaims: FIT_REQUIRED_CLAIMS } : {}),
        ...(expectedAudience ? { audience: expectedAudience } : {}),
      });
    } catch (error) {
      return done(verifyFailure(error, claims, url, { checksIssuer: isFit, expectedAudience, now: options.now, toleranceSec }), url);
    }
    return done(
      {
        status: 'verified',
        reason: `signature valid (${url})${expectedAudience ? '; the audience is this app' : ''}`,
        checks: { signature: 'ok', issuer: isFit ? 'ok' : 'skipped', audience: expectedAudience ? 'ok' : 'skipped', lifetime: 'ok' },
      },
      url,
    );
  }
  return done(icLabel ? isolated(why.join('; ')) : notVerified(why.join('; ')));
}
