import type { VerificationResult } from '../protocol/tokens';
import { FIT_ISSUER } from './tokenType';

type Checks = VerificationResult['checks'];
export type Outcome = { status: 'invalid' | 'not-verified'; reason: string; checks: Checks };

export const CHECKED_NOTHING: Checks = { signature: 'skipped', issuer: 'skipped', audience: 'skipped', lifetime: 'skipped' };

export interface ClaimOptions {
  checksIssuer: boolean;
  expectedAudience: string | null;
  now: number;
  toleranceSec: number;
}

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const claimOf = (error: unknown): string => String((error as { claim?: unknown } | null)?.claim ?? '');
const reasonOf = (error: unknown): string => String((error as { reason?: unknown } | null)?.reason ?? '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function isoOf(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : String(seconds);
}

/**
 * The checks that passed before a claim failed. jose (6.x, validateClaimsSet) checks, once the signature
 * is good: required claims present, then iss, aud, nbf, exp. The unit tests pin this order.
 */
function checksUpTo(failed: 'presence' | 'iss' | 'aud' | 'nbf' | 'exp', options: ClaimOptions): Checks {
  const order = ['presence', 'iss', 'aud', 'nbf', 'exp'] as const;
  const passed = (step: (typeof order)[number]) => order.indexOf(step) < order.indexOf(failed);
  return {
    signature: 'ok',
    issuer: options.checksIssuer && passed('iss') ? 'ok' : options.checksIssuer && failed === 'iss' ? 'failed' : 'skipped',
    audience: options.expectedAudience && passed('aud') ? 'ok' : options.expectedAudience && failed === 'aud' ? 'failed' : 'skipped',
    lifetime: failed === 'exp' ? 'expired' : failed === 'nbf' ? 'not-yet-valid' : 'skipped',
  };
}

export const invalid = (reason: string, checks: Checks): Outcome => ({ status: 'invalid', reason: `invalid: ${reason}`, checks });
export const notVerified = (reason: string): Outcome => ({ status: 'not-verified', reason: `not verified: ${reason}`, checks: CHECKED_NOTHING });

/** What a jose error from jwtVerify means, in plain words, and which checks it leaves where. */
export function verifyFailure(error: unknown, claims: Record<string, unknown>, jwksUrl: string, options: ClaimOptions): Outcome {
  const code = codeOf(error);
  const claim = claimOf(error);
  const tolerance = `${options.toleranceSec} s tolerance`;
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return invalid('the signature does not match (the token was changed after signing, or another key signed it)', { ...CHECKED_NOTHING, signature: 'failed' });
    case 'ERR_JWT_EXPIRED':
      return invalid(`expired at ${isoOf(claims.exp)}, ${(options.now / 1000 - Number(claims.exp)).toFixed(1)} s before the check (${tolerance})`, checksUpTo('exp', options));
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reasonOf(error) === 'missing') return invalid(`the token has no ${claim} claim, which Forge remotes require`, checksUpTo('presence', options));
      if (claim === 'iss') return invalid(`issuer ${JSON.stringify(claims.iss)} is not ${FIT_ISSUER}`, checksUpTo('iss', options));
      if (claim === 'aud') return invalid(`audience ${JSON.stringify(claims.aud)} is not this app (${options.expectedAudience})`, checksUpTo('aud', options));
      if (claim === 'nbf') return invalid(`not valid until ${isoOf(claims.nbf)}, ${(Number(claims.nbf) - options.now / 1000).toFixed(1)} s after the check (${tolerance})`, checksUpTo('nbf', options));
      return invalid(`the ${claim} claim is not acceptable (${messageOf(error)})`, checksUpTo('presence', options));
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
    case 'ERR_JWK_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      // The key set, not the token, is at fault: nothing is known about the token yet.
      return notVerified(`the key in ${jwksUrl} cannot check this token (${messageOf(error)})`);
    default:
      return invalid(`the token is malformed (${messageOf(error)})`, { ...CHECKED_NOTHING, signature: 'failed' });
  }
}
