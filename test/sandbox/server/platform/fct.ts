import type { JWTPayload } from 'jose';
import { ACCOUNT_ID, APP_ID, APP_VERSION, ENVIRONMENT_ID, INSTALLATION_ID, type EnvironmentType } from '../../app-manifest';
import type { ModuleDef } from '../../app-manifest';
import { extensionIdFor, moduleContext } from '../modules';
import { newJti } from './jwt';

/**
 * Forge Context Token claims. [INF] The FCT's claims are unknown (facts §7.4); the schema only calls it a
 * "JWT containing verified context data about the invocation", and @forge/bridge mentions "the
 * context.extension object in a product's FCT". The sandbox's choice:
 *   header  { alg: 'RS256', kid: 'forge/context-token/ct-<uuid>' } — its own key, not in the FIT JWKS;
 *   iss     'forge/context-token'
 *   aud     the app ARI
 *   sub     the accountId
 *   iat = nbf, exp = iat + fctLifetimeSec (default 900 s), jti (40 hex)
 *   extensionId
 *   app     { id, installationId, appVersion, environment { type, id } }
 *   context the module context (cloudId, localId, moduleKey, extension, environment*, siteUrl, …)
 *   principal the accountId
 */

export const FCT_ISSUER = 'forge/context-token';

export interface FctInput {
  module: ModuleDef;
  localId?: string | undefined;
  accountId?: string;
}

export interface FctSettings {
  nowSec: number;
  lifetimeSec: number;
  environmentType: EnvironmentType;
  siteOrigin: string;
}

export function buildFctClaims(input: FctInput, s: FctSettings): JWTPayload {
  const accountId = input.accountId ?? ACCOUNT_ID;
  return {
    iss: FCT_ISSUER,
    aud: APP_ID,
    sub: accountId,
    iat: s.nowSec,
    nbf: s.nowSec,
    exp: s.nowSec + s.lifetimeSec,
    jti: newJti(),
    extensionId: extensionIdFor(input.module.key),
    app: { id: APP_ID, installationId: INSTALLATION_ID, appVersion: APP_VERSION, environment: { type: s.environmentType, id: ENVIRONMENT_ID } },
    context: moduleContext({ module: input.module, localId: input.localId, siteOrigin: s.siteOrigin, environmentType: s.environmentType, accountId }),
    principal: accountId,
  };
}
