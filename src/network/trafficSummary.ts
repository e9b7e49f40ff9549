import type { NetworkEntry } from '../protocol/network';
import type { TokenRecord, TokenType } from '../protocol/tokens';
import { forgeExchangesOf } from './exchanges';
import type { GraphqlForm } from './forgeOperations';
import { UNNAMED_OPERATION } from './graphql';

/**
 * What the Forge traffic of a page says about the forms the extension reads (forge-facts §8): which GraphQL
 * forms it saw, which Forge-looking operations it does not know by name, and which token types it could not
 * read the claims of. For Diagnose: what a user pastes from a real site must tell what is still unknown.
 */
export interface TrafficSummary {
  /** Forge GraphQL operations seen per form. */
  forms: Record<GraphqlForm, number>;
  /** Forge-looking operations not known by name, with how often each was seen, most seen first. */
  unknownOperations: { name: string; count: number }[];
  /** Token types with tokens whose claims did not decode, with how many tokens. */
  unreadableTokens: { type: TokenType; count: number }[];
}

const countBy = <K>(keys: readonly K[]) => {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
};

export function summarizeTraffic(network: readonly NetworkEntry[], tokens: readonly TokenRecord[]): TrafficSummary {
  const forms: Record<GraphqlForm, number> = { persisted: 0, classic: 0, unknown: 0 };
  const unknown: string[] = [];
  for (const entry of network) {
    for (const x of forgeExchangesOf(entry)) {
      forms[x.form]++;
      if (x.kind === 'unknown') unknown.push(x.operationName ?? UNNAMED_OPERATION);
    }
  }
  return {
    forms,
    unknownOperations: countBy(unknown).map(([name, count]) => ({ name, count })),
    unreadableTokens: countBy(tokens.filter((t) => t.claimsUnreadable !== undefined).map((t) => t.type)).map(([type, count]) => ({ type, count })),
  };
}
