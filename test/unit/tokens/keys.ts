import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { APP_ID } from './fixtures';

export const KID = 'forge/invocation-token/wf-test';

/** A real RS256 key pair and the JWKS that publishes its public half. */
export async function keyPair(kid = KID) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwk, jwks: { keys: [jwk] } };
}

export interface FitOptions {
  iat: number;
  kid?: string;
  aud?: string;
  iss?: string;
  apiBaseUrl?: string;
  /** null: no jti claim. */
  jti?: string | null;
  extraHeader?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

/** A signed FIT shaped like forge-facts §3: app.*, context, principal, 40-hex jti, iat = nbf, exp 25 s later. */
export async function signFit(privateKey: CryptoKey, opts: FitOptions): Promise<string> {
  const token = new SignJWT({
    app: {
      id: APP_ID,
      installationId: 'ari:cloud:ecosystem::installation/0b0e2c1f-4d33-4f5e-8a77-6c2d9e1f3a40',
      apiBaseUrl: opts.apiBaseUrl ?? 'https://api.atlassian.com/ex/jira/c1',
      appVersion: '3.1.0',
      environment: { type: 'DEVELOPMENT', id: `ari:cloud:ecosystem::environment/5f6c1a0e/env-1` },
      module: { type: 'xen:macro', key: 'issue-panel' },
    },
    context: { cloudId: 'c1', moduleKey: 'issue-panel', siteUrl: 'https://site.atlassian.net' },
    principal: '712020:user',
    ...opts.claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? KID, ...opts.extraHeader })
    .setIssuer(opts.iss ?? 'forge/invocation-token')
    .setAudience(opts.aud ?? APP_ID)
    .setIssuedAt(opts.iat)
    .setNotBefore(opts.iat)
    .setExpirationTime(opts.iat + 25);
  if (opts.jti !== null) token.setJti(opts.jti ?? '3f9a0c8e1b7d4a6f2e5c9b0a1d8e7f6c5b4a3928');
  return token.sign(privateKey);
}
