import type { JWTPayload } from 'jose';
import { ACCOUNT_ID, APP_ID, APP_VERSION, CLOUD_ID, ENVIRONMENT_ID, INSTALLATION_ID, type EnvironmentType } from '../../app-manifest';
import { findModule, moduleContext, productOf } from '../modules';
import { newJti } from './jwt';

/**
 * Forge Invocation Token claims, as forge-facts §3 documents them ([DOC] Forge Remote essentials):
 * iss `forge/invocation-token`, aud = the app ARI, iat = nbf, exp = iat + lifetime (25 s), jti (40 hex),
 * app {installationId, apiBaseUrl, id, appVersion, environment, module, license?, installation},
 * context (module context, frontend invocations), principal (accountId).
 */

export const FIT_ISSUER = 'forge/invocation-token';

/** invokeRemote FITs are minted by the platform when proxying; requestRemote FITs by signInvocationTokenForUI. */
export type FitKind = 'invokeRemote' | 'requestRemote';

export interface FitInput {
  kind: FitKind;
  /** UI module the call comes from (app.module); default 'issue-panel'. */
  moduleKey?: string;
  /** The module context to sign in; default: the platform's context for the module. */
  context?: Record<string, unknown>;
  localId?: string;
  accountId?: string;
}

export interface FitSettings {
  nowSec: number;
  lifetimeSec: number;
  environmentType: EnvironmentType;
  apiBaseUrlChoice: 'production' | 'site';
  siteOrigin: string;
  legacyVersionClaim: boolean;
  /** Mint an already-expired token (exp a minute in the past). */
  expired?: boolean;
}

export function apiBaseUrlFor(choice: 'production' | 'site', product: 'jira' | 'confluence', siteOrigin: string): string {
  const base = choice === 'site' ? siteOrigin : 'https://api.atlassian.com';
  return `${base}/ex/${product}/${CLOUD_ID}`;
}

/** [INF] plausible values; only the field names are documented (facts §3). */
export function licenseClaim(): Record<string, unknown> {
  return {
    isActive: true,
    billingPeriod: 'MONTHLY',
    ccpEntitlementId: 'e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
    ccpEntitlementSlug: 'E-3SB-X4Q-7KD-2RM',
    isEvaluation: false,
    subscriptionEndDate: null,
    supportEntitlementNumber: 'SEN-L20461985',
    trialEndDate: null,
    type: 'commercial',
  };
}

export function buildFitClaims(input: FitInput, s: FitSettings): JWTPayload {
  const module = findModule(input.moduleKey ?? 'issue-panel');
  if (!module) throw new Error(`unknown module ${input.moduleKey}`);
  const product = productOf(module);
  const apiBaseUrl = apiBaseUrlFor(s.apiBaseUrlChoice, product, s.siteOrigin);
  const accountId = input.accountId ?? ACCOUNT_ID;
  const iat = s.expired ? s.nowSec - s.lifetimeSec - 60 : s.nowSec;
  const app: Record<string, unknown> = {
    installationId: INSTALLATION_ID,
    apiBaseUrl,
    id: APP_ID,
    ...(s.legacyVersionClaim ? { version: APP_VERSION } : {}),
    appVersion: APP_VERSION,
    environment: { type: s.environmentType, id: ENVIRONMENT_ID },
    module: { type: module.fitModuleType, key: module.key },
    // Only paid PRODUCTION apps carry a license, and requestRemote FITs never do ([DOC] requestRemote Limitations).
    ...(s.environmentType === 'PRODUCTION' && input.kind === 'invokeRemote' ? { license: licenseClaim() } : {}),
    installation: { id: INSTALLATION_ID, contexts: [{ name: `ari:cloud:${product}::site/${CLOUD_ID}`, apiBaseUrl }] },
  };
  return {
    app,
    context:
      input.context ??
      moduleContext({ module, localId: input.localId, siteOrigin: s.siteOrigin, environmentType: s.environmentType, accountId }),
    principal: accountId,
    aud: APP_ID,
    iss: FIT_ISSUER,
    iat,
    nbf: iat,
    exp: iat + s.lifetimeSec,
    jti: newJti(),
  };
}
