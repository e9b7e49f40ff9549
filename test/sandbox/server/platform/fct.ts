import type { JWTPayload } from 'jose';
import { ACCOUNT_ID, APP_ID, APP_VERSION, CLOUD_ID, type EnvironmentType } from '../../app-manifest';
import type { ModuleDef } from '../../app-manifest';
import { extensionIdFor, moduleContext, productOf } from '../modules';
import { newJti } from './jwt';

/**
 * Forge Context Token claims as real sites issue them (facts §8.2: a 2024 Jira capture and the docs agree):
 *   header  { alg: 'RS256', kid: 'forge/context-token/<uuid>' } — its own key, not in the FIT JWKS
 *   iss 'forge/context-token', aud 'forge' (not the app ARI), iat = nbf, exp = iat + 900 s, jti (40 hex)
 *   accountId, appId (the app ARI, as in the capture), appVersion, contextIds (site ARIs), extensionId
 *   (extension ARI), extensionType (e.g. jira:issuePanel), unlicensed (boolean)
 *   context: the module context (accountId, localId, cloudId, moduleKey, extension{…}, …)
 */

export const FCT_ISSUER = 'forge/context-token';
export const FCT_AUDIENCE = 'forge';

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
    context: moduleContext({ module: input.module, localId: input.localId, siteOrigin: s.siteOrigin, environmentType: s.environmentType, accountId }),
    accountId,
    extensionId: extensionIdFor(input.module.key),
    contextIds: [`ari:cloud:${productOf(input.module)}::site/${CLOUD_ID}`],
    appId: APP_ID,
    appVersion: APP_VERSION,
    extensionType: input.module.type,
    unlicensed: false,
    iss: FCT_ISSUER,
    aud: FCT_AUDIENCE,
    iat: s.nowSec,
    nbf: s.nowSec,
    exp: s.nowSec + s.lifetimeSec,
    jti: newJti(),
  };
}
