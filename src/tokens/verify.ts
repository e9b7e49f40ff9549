import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { VerificationResult } from '../protocol/tokens';
import { decodeJwt, FIT_ISSUER } from './decode';

/** Atlassian's key sets by environment (forge-facts §3). Never a URL from the token (jku, x5u) or the page. */
export const JWKS_PRODUCTION = 'https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json';
export const JWKS_STAGING = 'https://forge.cdn.stg.atlassian-dev.net/.well-known/jwks.json';

export interface JwksCache {
  get(url: string, fetchJwks: (url: string) => Promise<unknown>): Promise<JSONWebKeySet>;
}

/** Key sets per URL, kept ttlMs; a failed fetch is remembered for failureTtlMs so an offline panel does not hammer. */
export function createJwksCache(options: { ttlMs?: number; failureTtlMs?: number; now?: () => number } = {}): JwksCache {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const failureTtl = options.failureTtlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { until: number; value: Promise<JSONWebKeySet> }>();
  return {
    get(url, fetchJwks) {
      const cached = entries.get(url);
      if (cached && cached.until > now()) return cached.value;
      const value = fetchJwks(url).then((body) => {
        const keys = (body as { keys?: unknown } | null)?.keys;
        if (!Array.isArray(keys)) throw new Error(`${url} did not return a key set`);
        return { keys } as JSONWebKeySet;
      });
      entries.set(url, { until: now() + ttl, value });
      value.catch(() => entries.set(url, { until: now() + failureTtl, value }));
      return value;
    },
  };
}

/** The key set of the token's own environment, from app.apiBaseUrl (staging) or else production. */
export function jwksUrlFor(claims: Record<string, unknown>): string {
  const app = claims.app as { apiBaseUrl?: unknown } | undefined;
  const apiBaseUrl = typeof app?.apiBaseUrl === 'string' ? app.apiBaseUrl : '';
  return apiBaseUrl.startsWith('https://api.stg.atlassian.com/') ? JWKS_STAGING : JWKS_PRODUCTION;
}

export interface VerifyOptions {
  fetchJwks: (url: string) => Promise<unknown>;
  /** Key sets the user trusts in settings (the sandbox's, for one), tried after the environment's own. */
  trustedJwksUrls: readonly string[];
  /** The app id (ARI) the frame's context reports; checked against aud when given. */
  expectedAudience?: string | null;
  now: number;
  /** Seconds of clock tolerance on exp/nbf, as a remote would allow (default 5). */
  clockToleranceSec?: number;
  cache: JwksCache;
}

const skipped = { signature: 'skipped', issuer: 'skipped', audience: 'skipped', lifetime: 'skipped' } as const;

/**
 * Verifies a Forge token's signature (RS256 only) against the key set of its environment or one the user
 * trusts, then iss, aud and exp/nbf. When no key can be had (offline, unknown kid) the answer is
 * "not verified: <why>", never "invalid".
 */
export async function verifyToken(jwt: string, options: VerifyOptions): Promise<VerificationResult> {
  const result = (status: VerificationResult['status'], reason: string, jwksUrl: string | null, checks: Partial<VerificationResult['checks']> = {}): VerificationResult => ({
    status,
    reason,
    jwksUrl,
    checks: { ...skipped, ...checks },
    checkedAt: options.now,
  });
  const decoded = decodeJwt(jwt);
  if (!decoded.ok) return result('invalid', `invalid: ${decoded.error}`, null);
  const { header, claims } = decoded;
  if (header.alg !== 'RS256') return result('invalid', `invalid: algorithm ${String(header.alg)} is not accepted (Forge tokens are RS256)`, null, { signature: 'failed' });
  const kid = typeof header.kid === 'string' ? header.kid : null;
  if (!kid) return result('not-verified', 'not verified: the token names no key (kid)', null);
  const isFit = claims.iss === FIT_ISSUER;
  const urls = [...new Set([...(isFit ? [jwksUrlFor(claims)] : []), ...options.trustedJwksUrls])];
  if (urls.length === 0) return result('not-verified', 'not verified: no key set is known for this kind of token; add one in Settings → Trusted JWKS URLs', null);

  const failures: string[] = [];
  for (const url of urls) {
    let jwks: JSONWebKeySet;
    try {
      jwks = await options.cache.get(url, options.fetchJwks);
    } catch (error) {
      failures.push(`${url} unreachable (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (!jwks.keys.some((k) => k.kid === kid)) {
      failures.push(`no key ${kid} in ${url}`);
      continue;
    }
    try {
      await jwtVerify(jwt, createLocalJWKSet(jwks), {
        algorithms: ['RS256'],
        currentDate: new Date(options.now),
        clockTolerance: options.clockToleranceSec ?? 5,
        ...(isFit ? { issuer: FIT_ISSUER } : {}),
        ...(options.expectedAudience ? { audience: options.expectedAudience } : {}),
      });
      return result('verified', `signature valid (${url})${options.expectedAudience ? '; audience matches the app' : ''}`, url, {
        signature: 'ok',
        issuer: isFit ? 'ok' : 'skipped',
        audience: options.expectedAudience ? 'ok' : 'skipped',
        lifetime: 'ok',
      });
    } catch (error) {
      return result('invalid', `invalid: ${explain(error, options.expectedAudience ?? null, claims)}`, url, failedChecks(error));
    }
  }
  return result('not-verified', `not verified: ${failures.join('; ')}`, null);
}

function codeOf(error: unknown): string {
  return (error as { code?: string })?.code ?? '';
}

function claimOf(error: unknown): string {
  return (error as { claim?: string })?.claim ?? '';
}

function explain(error: unknown, audience: string | null, claims: Record<string, unknown>): string {
  const code = codeOf(error);
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'the signature does not match (the token was altered or signed by another key)';
  if (code === 'ERR_JWT_EXPIRED') return `expired at ${new Date(Number(claims.exp) * 1000).toISOString()}`;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = claimOf(error);
    if (claim === 'aud') return `audience ${JSON.stringify(claims.aud)} is not this app (${audience})`;
    if (claim === 'iss') return `issuer ${JSON.stringify(claims.iss)} is not ${FIT_ISSUER}`;
    if (claim === 'nbf') return 'not valid yet (nbf is in the future)';
    return `claim ${claim} check failed`;
  }
  return error instanceof Error ? error.message : String(error);
}

function failedChecks(error: unknown): Partial<VerificationResult['checks']> {
  const code = codeOf(error);
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { signature: 'failed' };
  if (code === 'ERR_JWT_EXPIRED') return { signature: 'ok', lifetime: 'expired' };
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = claimOf(error);
    if (claim === 'aud') return { signature: 'ok', audience: 'failed' };
    if (claim === 'iss') return { signature: 'ok', issuer: 'failed' };
    if (claim === 'nbf') return { signature: 'ok', lifetime: 'not-yet-valid' };
  }
  return { signature: 'failed' };
}
