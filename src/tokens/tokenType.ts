import type { TokenSource, TokenType } from '../protocol/tokens';

type Json = Record<string, unknown>;

export const FIT_ISSUER = 'forge/invocation-token';
/** Not documented by Atlassian; what the sandbox (and, per its authors, the platform) uses. */
export const FCT_ISSUER = 'forge/context-token';

const kidStarts = (header: Json, prefix: string) => typeof header.kid === 'string' && header.kid.startsWith(`${prefix}/`);

/**
 * What a Forge token is (forge-facts §2.4, §3):
 * - FIT: iss is `forge/invocation-token`; with no iss at all, a kid under `forge/invocation-token/` says so.
 * - FCT: its claims are not documented, so any of: iss `forge/context-token`, a kid under
 *   `forge/context-token/`, or the token travelled where only FCTs go (a GraphQL `contextToken`, either
 *   way: source graphql-fct or graphql-request). A FIT's issuer wins over where it was seen.
 * - anything else: JWT.
 */
export function tokenTypeOf(header: Json, claims: Json, source?: TokenSource): TokenType;
/** @deprecated Pass (header, claims): without the header a token without iss cannot be told by its kid. */
export function tokenTypeOf(claims: Json): TokenType;
export function tokenTypeOf(first: Json, second?: Json, source?: TokenSource): TokenType {
  const [header, claims] = second === undefined ? [{}, first] : [first, second];
  if (claims.iss === FIT_ISSUER || (claims.iss === undefined && kidStarts(header, FIT_ISSUER))) return 'FIT';
  if (claims.iss === FCT_ISSUER || kidStarts(header, FCT_ISSUER) || source === 'graphql-fct' || source === 'graphql-request') return 'FCT';
  return 'JWT';
}
