import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export const APP = 'ari:cloud:ecosystem::app/5f6c1a0e-3b9d-4c2e-9a41-7d2b8e6f0c13';
export const KID = 'forge/invocation-token/wf-test';

export async function keyPair(kid = KID) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwk, jwks: { keys: [jwk] } };
}

/** A FIT shaped like forge-facts §3: 25 s lifetime, app.*, context, principal, 40-hex jti. */
export async function signFit(
  privateKey: CryptoKey,
  opts: { iat: number; kid?: string; aud?: string; apiBaseUrl?: string; extraHeader?: Record<string, unknown>; claims?: Record<string, unknown>; iss?: string } ,
): Promise<string> {
  return new SignJWT({
    app: { id: APP, apiBaseUrl: opts.apiBaseUrl ?? 'https://api.atlassian.com/ex/jira/abc', environment: { type: 'DEVELOPMENT', id: `${APP}/env` }, module: { type: 'jira:issuePanel', key: 'issue-panel' } },
    context: { moduleKey: 'issue-panel' },
    principal: '712020:user',
    ...opts.claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? KID, ...opts.extraHeader })
    .setIssuer(opts.iss ?? 'forge/invocation-token')
    .setAudience(opts.aud ?? APP)
    .setJti('a'.repeat(40))
    .setIssuedAt(opts.iat)
    .setNotBefore(opts.iat)
    .setExpirationTime(opts.iat + 25)
    .sign(privateKey);
}
