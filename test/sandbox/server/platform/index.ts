import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import type { Knobs } from '../knobs';
import { findModule } from '../modules';
import { FCT_AUDIENCE, FCT_ISSUER, buildFctClaims } from './fct';
import { buildFitClaims, type FitInput } from './fit';
import { platformNowSec, signRs256, tamperSignature } from './jwt';
import { FCT_KID_PREFIX, FIT_KID_PREFIX, createSigningKey } from './keys';

export { FIT_ISSUER, apiBaseUrlFor, type FitInput, type FitKind } from './fit';
export { FCT_AUDIENCE, FCT_ISSUER } from './fct';
export { FIT_KID_PREFIX, FCT_KID_PREFIX } from './keys';

/**
 * The sandbox's Forge platform: an RS256 key for FITs (published as the JWKS) and one for FCTs, FIT and
 * FCT minting, FCT verification. Every timestamp follows the knobs' clock skew.
 */

export interface MintedToken {
  jwt: string;
  /** exp in ms since epoch (as ForgeInvocationToken.expiresAt / ForgeContextToken.expiresAt). */
  expiresAt: number;
  claims: JWTPayload;
}

export interface MintFitOptions {
  /** Already expired when minted (the expiredFit fault). */
  expired?: boolean;
  /** Signature bytes altered (the tamperedFit fault). */
  tampered?: boolean;
}

export interface FctRequest {
  moduleKey: string;
  localId?: string | undefined;
  accountId?: string;
}

export type FctErrorCode = 'expired' | 'invalid';

export class FctError extends Error {
  override readonly name = 'FctError';
  constructor(
    readonly code: FctErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Platform {
  /** kid of the FIT key, `forge/invocation-token/wf-<uuid>`. */
  readonly kid: string;
  /** The FIT key's public JWK (kid, alg RS256, use sig). */
  readonly publicJwk: JWK;
  /** The FCT key's public JWK (not part of the JWKS). */
  readonly fctPublicJwk: JWK;
  /** The JWKS served at the cdn's /.well-known/jwks.json. */
  jwks(): JSONWebKeySet;
  /** Platform time in seconds (clock skew applied). */
  nowSec(): number;
  mintFit(input?: Partial<FitInput>, opts?: MintFitOptions): Promise<MintedToken>;
  mintFct(input: FctRequest): Promise<MintedToken & { expiresIn: number }>;
  /** The claims of a valid FCT; throws FctError ('expired' or 'invalid'). */
  verifyFct(jwt: string): Promise<JWTPayload>;
}

export interface PlatformOptions {
  knobs: () => Readonly<Knobs>;
  siteOrigin: () => string;
}

export async function createPlatform(opts: PlatformOptions): Promise<Platform> {
  const fitKey = await createSigningKey(FIT_KID_PREFIX);
  const fctKey = await createSigningKey(FCT_KID_PREFIX);
  const fctKeySet = createLocalJWKSet({ keys: [fctKey.publicJwk] });
  const nowSec = () => platformNowSec(opts.knobs().clockSkewSec);

  return {
    kid: fitKey.kid,
    publicJwk: fitKey.publicJwk,
    fctPublicJwk: fctKey.publicJwk,
    jwks: () => ({ keys: [structuredClone(fitKey.publicJwk)] }),
    nowSec,

    async mintFit(input = {}, mintOpts = {}) {
      const k = opts.knobs();
      const claims = buildFitClaims(
        { ...input, kind: input.kind ?? 'requestRemote' },
        {
          nowSec: nowSec(),
          lifetimeSec: k.fitLifetimeSec,
          environmentType: k.environmentType,
          apiBaseUrlChoice: k.apiBaseUrl,
          siteOrigin: opts.siteOrigin(),
          legacyVersionClaim: k.fitLegacyVersionClaim,
          license: k.fitLicense,
          icLabel: k.fitIcLabel,
          expired: mintOpts.expired ?? false,
        },
      );
      const signed = await signRs256(claims, fitKey);
      return { jwt: mintOpts.tampered ? tamperSignature(signed) : signed, expiresAt: (claims.exp as number) * 1000, claims };
    },

    async mintFct(input) {
      const module = findModule(input.moduleKey);
      if (!module) throw new FctError('invalid', `unknown module ${input.moduleKey}`);
      const k = opts.knobs();
      const claims = buildFctClaims(
        { module, localId: input.localId, ...(input.accountId ? { accountId: input.accountId } : {}) },
        { nowSec: nowSec(), lifetimeSec: k.fctLifetimeSec, environmentType: k.environmentType, siteOrigin: opts.siteOrigin() },
      );
      return { jwt: await signRs256(claims, fctKey), expiresAt: (claims.exp as number) * 1000, expiresIn: k.fctLifetimeSec, claims };
    },

    async verifyFct(jwt) {
      try {
        const { payload } = await jwtVerify(jwt, fctKeySet, {
          issuer: FCT_ISSUER,
          audience: FCT_AUDIENCE,
          algorithms: ['RS256'],
          currentDate: new Date(nowSec() * 1000),
        });
        return payload;
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new FctError('expired', 'The Forge context token has expired');
        throw new FctError('invalid', `The Forge context token is invalid: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}
