import type { HeaderPair } from '../protocol/network';
import type { TokenSource } from '../protocol/tokens';
import type { ForgeGraphqlExchange } from '../network/graphql';
import { jwtCandidates } from './decode';

/** Where tokens sit in the traffic (forge-facts §2.4): Authorization headers, and Forge GraphQL exchanges. */
export interface TokenSighting {
  jwt: string;
  source: TokenSource;
  /** expiresAt reported next to the token (ms epoch), when any. */
  expiresAt: number | null;
}

/** Candidate JWTs in the request's `Authorization: Bearer …` header(s). Not yet decoded. */
export function bearerTokens(headers: readonly HeaderPair[]): string[] {
  return headers.flatMap((h) => (h.name.toLowerCase() === 'authorization' && /^\s*Bearer\s/i.test(h.value) ? jwtCandidates(h.value) : []));
}

/**
 * Tokens a Forge GraphQL exchange carried, as src/network/graphql reads them: the FCT a request sent
 * (`payload.contextToken` of invokeExtension, `forgeContextToken` of signInvocationTokenForUI), and the FIT
 * and FCTs its response handed out (an invocation's next `contextToken`, the FCT mints' tokens), with the
 * expiry reported beside them.
 */
export function graphqlTokens(exchanges: readonly ForgeGraphqlExchange[]): { sent: TokenSighting[]; received: TokenSighting[] } {
  const sent: TokenSighting[] = [];
  const received: TokenSighting[] = [];
  for (const x of exchanges) {
    if (x.contextTokenSent) sent.push({ jwt: x.contextTokenSent, expiresAt: null, source: 'graphql-request' });
    if (x.response?.fit) received.push({ ...x.response.fit, source: 'graphql-fit' });
    for (const fct of x.response?.fcts ?? []) received.push({ ...fct, source: 'graphql-fct' });
  }
  return { sent, received };
}
