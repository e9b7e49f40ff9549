import type { NetworkEntry } from '../protocol/network';
import { readForgeGraphql, type ForgeGraphqlExchange } from './graphql';

const read = new WeakMap<NetworkEntry, readonly ForgeGraphqlExchange[]>();

/**
 * The Forge operations of a Forge GraphQL entry, parsed once per entry: a recorded entry never changes,
 * and correlation, token collection, phases and HAR import all read them, the panel again on every update.
 */
export function forgeExchangesOf(entry: NetworkEntry): readonly ForgeGraphqlExchange[] {
  if (entry.category !== 'forge-graphql') return [];
  let exchanges = read.get(entry);
  if (!exchanges) read.set(entry, (exchanges = readForgeGraphql(entry)));
  return exchanges;
}

/** Whether an entry is a FIT mint (signInvocationTokenForUI, any case), or handed out a FIT all the same. */
export function isFitMint(exchanges: readonly ForgeGraphqlExchange[]): boolean {
  return exchanges.some((x) => x.kind === 'fit-mint' || x.response?.fit != null);
}
