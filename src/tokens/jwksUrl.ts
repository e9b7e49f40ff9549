import { objectAt, stringOf } from './claims';

/** Atlassian's key sets (forge-facts §3). Never a URL from the token (jku, x5u, x5c) or from the page. */
export const JWKS_PRODUCTION = 'https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json';
export const JWKS_STAGING = 'https://forge.cdn.stg.atlassian-dev.net/.well-known/jwks.json';

/** An installation on Atlassian's staging platform has its API here (toolsplus's rule, forge-facts §3). */
const STAGING_API_PREFIX = 'https://api.stg.atlassian.com/';

/**
 * The key set of the platform that minted the token, from its own app.apiBaseUrl: staging when that is on
 * api.stg.atlassian.com, production otherwise. app.environment is not used: its type (DEVELOPMENT, STAGING,
 * PRODUCTION) is the app's own environment, and every one of them exists on the production platform.
 */
export function jwksUrlFor(claims: Record<string, unknown>): string {
  const apiBaseUrl = stringOf(objectAt(claims, 'app')?.apiBaseUrl) ?? '';
  return apiBaseUrl.startsWith(STAGING_API_PREFIX) ? JWKS_STAGING : JWKS_PRODUCTION;
}
