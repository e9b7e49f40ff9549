import { randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './keys';

/** Signs `claims` as-is (iat/nbf/exp are set by the caller) with header `{ alg: 'RS256', kid }`. */
export function signRs256(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}

/** The same JWT with its signature bytes altered (every byte of the first 8 inverted). */
export function tamperSignature(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error('not a JWS compact serialisation');
  const sig = Buffer.from(signature, 'base64url');
  for (let i = 0; i < Math.min(8, sig.length); i++) sig[i] = sig[i]! ^ 0xff;
  return `${header}.${payload}.${sig.toString('base64url')}`;
}

/** A JWT id: 40 hex characters (facts §3). */
export function newJti(): string {
  return randomBytes(20).toString('hex');
}

/** Now in whole seconds, shifted by the clock-skew knob. */
export function platformNowSec(skewSec: number): number {
  return Math.floor(Date.now() / 1000) + Math.trunc(skewSec);
}
