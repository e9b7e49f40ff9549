/** What redaction puts where a JWT's signature was (src/trace's REDACTED_SIGNATURE is the same text). */
export const REDACTED_SIGNATURE_MARK = 'REDACTED-SIGNATURE';

/** Header and claims of a compact JWT: what its signature covered, and what redaction keeps. */
export function signingInput(jwt: string): string {
  const cut = jwt.lastIndexOf('.');
  return cut < 0 ? jwt : jwt.slice(0, cut);
}

/** True when redaction removed this token's signature: it can no longer be verified by anyone. */
export const signatureRemoved = (jwt: string): boolean => jwt.slice(jwt.lastIndexOf('.') + 1) === REDACTED_SIGNATURE_MARK;
