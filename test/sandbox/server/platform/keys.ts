import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/** An RS256 signing key of the sandbox platform, with its public JWK. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** FIT keys are named `forge/invocation-token/wf-<uuid>` (facts §3, [3P] observed kid). */
export const FIT_KID_PREFIX = 'forge/invocation-token/wf-';
/** [INF] FCT key ids; the FCT's signer is not documented (facts §7.4). */
export const FCT_KID_PREFIX = 'forge/context-token/ct-';

export async function createSigningKey(kidPrefix: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const kid = `${kidPrefix}${randomUUID()}`;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}
