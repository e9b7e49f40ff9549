import type { NetworkEntry } from '../protocol/network';
import { readForgeGraphql, type ForgeGraphqlExchange } from './graphql';

export type ExchangesOf = (entry: NetworkEntry) => readonly ForgeGraphqlExchange[];

/** A reader of entries' Forge GraphQL exchanges that parses each body once per use (correlation reads them several times). */
export function exchangeReader(): ExchangesOf {
  const read = new Map<NetworkEntry, readonly ForgeGraphqlExchange[]>();
  return (entry) => {
    if (entry.category !== 'forge-graphql') return [];
    let exchanges = read.get(entry);
    if (!exchanges) read.set(entry, (exchanges = readForgeGraphql(entry)));
    return exchanges;
  };
}

/** Whether an entry is a FIT mint (signInvocationTokenForUI). */
export function isFitMint(exchanges: readonly ForgeGraphqlExchange[]): boolean {
  return exchanges.some((x) => x.operationName === 'signInvocationTokenForUI' || x.response?.fit != null);
}
