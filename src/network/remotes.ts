import type { NetworkEntry } from '../protocol/network';
import { forgeExchangesOf } from './exchanges';
import { originOf } from './urls';

/** What the traffic tells about the app's remotes. */
export interface RemoteKnowledge {
  /** Base URLs per remote key, from FIT mints (request `remoteKey`, response `metadata.baseUrl`). */
  baseUrlsByKey: ReadonlyMap<string, readonly string[]>;
  /** Every base URL learned, whatever its key. */
  baseUrls: readonly string[];
  /** Origins of the site itself (its GraphQL gateway and product REST): a request there is never to a remote. */
  siteOrigins: ReadonlySet<string>;
}

export function learnRemotes(entries: readonly NetworkEntry[]): RemoteKnowledge {
  const byKey = new Map<string, string[]>();
  const all = new Set<string>();
  const siteOrigins = new Set<string>();
  for (const entry of entries) {
    if (entry.category !== 'forge-graphql' && entry.category !== 'product') continue;
    const site = originOf(entry.url);
    if (site) siteOrigins.add(site);
    for (const x of forgeExchangesOf(entry)) {
      const base = x.response?.baseUrl;
      if (!base || !originOf(base)) continue;
      all.add(base);
      if (!x.remoteKey) continue;
      const list = byKey.get(x.remoteKey) ?? [];
      if (!list.includes(base)) list.push(base);
      byKey.set(x.remoteKey, list);
    }
  }
  return { baseUrlsByKey: byKey, baseUrls: [...all], siteOrigins };
}

/** Origins of remotes the entries teach: FIT mints' `metadata.baseUrl`, and where FIT-bearing requests went. */
export function remoteOriginsOf(entries: readonly NetworkEntry[]): Set<string> {
  const out = new Set<string>();
  for (const base of learnRemotes(entries).baseUrls) out.add(originOf(base)!);
  for (const entry of entries) {
    const origin = entry.category === 'forge-jwt' ? originOf(entry.url) : null;
    if (origin) out.add(origin);
  }
  return out;
}
