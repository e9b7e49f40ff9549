export { collectTokens } from './collect';
export { decodeJwt, findJwts, FIT_ISSUER, tokenHash, tokenTypeOf, type DecodedJwt } from './decode';
export { explainClaims, type ClaimGroup, type ClaimRow } from './explain';
export { createJwksCache, JWKS_PRODUCTION, JWKS_STAGING, jwksUrlFor, verifyToken, type JwksCache, type VerifyOptions } from './verify';
export { NEAR_EXPIRY_MS, SKEW_MS, tokenWarnings } from './warnings';
