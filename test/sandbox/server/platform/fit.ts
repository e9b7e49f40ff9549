import type { JWTPayload } from 'jose';
import { ACCOUNT_ID, APP_ID, APP_VERSION, CLOUD_ID, ENVIRONMENT_ID, INSTALLATION_ID, type EnvironmentType } from '../../app-manifest';
import { findModule, moduleContext, productOf } from '../modules';
import { newJti } from './jwt';

/**
 * Forge Invocation Token claims, modelled on the docs' 2026 example claim set (facts §8.3,
 * shared/real-forge/fit-claims.docs-2026.json): iss `forge/invocation-token`, aud = the app ARI, iat = nbf,
 * exp = iat + lifetime (25 s), jti (40 hex), app {id, appVersion, installationId, apiBaseUrl, installation
 * {id, contexts[{name, apiBaseUrl, cloudId}]}, environment, module, license?}, context (module context,
 * frontend invocations), principal (accountId), and icLabel when the knob sets one.
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
  /** 'documented': app.license only on PRODUCTION invokeRemote FITs; 'always': on every FIT. */
  license: 'documented' | 'always';
  /** Top-level icLabel (Isolated Cloud label); '' for none. */
  icLabel: string;
  /** Mint an already-expired token (exp a minute in the past). */
  expired?: boolean;
}

export function apiBaseUrlFor(choice: 'production' | 'site', product: 'jira' | 'confluence', siteOrigin: string): string {
  const base = choice === 'site' ? siteOrigin : 'https://api.atlassian.com';
  return `${base}/ex/${product}/${CLOUD_ID}`;
}

/** app.license as the docs' 2026 example has it (facts §8.3): `active` (not the deprecated isActive), modes, capabilitySet. */
export function licenseClaim(): Record<string, unknown> {
  return {
    active: true,
    billingPeriod: 'MONTHLY',
    capabilitySet: 'capabilityAdvanced',
    ccpEntitlementId: 'e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
    ccpEntitlementSlug: 'E-3SB-X4Q-7KD-2RM',
    isEvaluation: false,
    subscriptionEndDate: '2027-12-08T00:00:00.000Z',
    supportEntitlementNumber: null,
    trialEndDate: null,
    type: 'commercial',
    modes: ['USER_ACCESS'],
  };
}

export function buildFitClaims(input: FitInput, s: FitSettings): JWTPayload {
  const module = findModule(input.moduleKey ?? 'issue-panel');
  if (!module) throw new Error(`unknown module ${input.moduleKey}`);
  const product = productOf(module);
  const apiBaseUrl = apiBaseUrlFor(s.apiBaseUrlChoice, product, s.siteOrigin);
  const accountId = input.accountId ?? ACCOUNT_ID;
  const iat = s.expired ? s.nowSec - s.lifetimeSec - 60 : s.nowSec;
  // Only paid PRODUCTION apps carry a license, and requestRemote FITs never do ([DOC] requestRemote Limitations).
  const licensed = s.license === 'always' || (s.environmentType === 'PRODUCTION' && input.kind === 'invokeRemote');
  const app: Record<string, unknown> = {
    id: APP_ID,
    ...(s.legacyVersionClaim ? { version: APP_VERSION } : {}),
    appVersion: APP_VERSION,
    installationId: INSTALLATION_ID,
    apiBaseUrl,
    installation: { id: INSTALLATION_ID, contexts: [{ name: product, apiBaseUrl, cloudId: CLOUD_ID }] },
    environment: { type: s.environmentType, id: ENVIRONMENT_ID },
    module: { type: module.fitModuleType, key: module.key },
    ...(licensed ? { license: licenseClaim() } : {}),
  };
  return {
    app,
    context:
      input.context ??
      moduleContext({ module, localId: input.localId, siteOrigin: s.siteOrigin, environmentType: s.environmentType, accountId }),
    principal: accountId,
    ...(s.icLabel ? { icLabel: s.icLabel } : {}),
    aud: APP_ID,
    iss: FIT_ISSUER,
    iat,
    nbf: iat,
    exp: iat + s.lifetimeSec,
    jti: newJti(),
  };
}
