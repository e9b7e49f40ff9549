import type { NetworkCategory, NetworkEntry } from '../protocol/network';
import { isForgeOperation, operationNamesIn, readForgeGraphql } from './graphql';
import { headerValue, type HarEntryLike } from './har';
import { bearerJwt, isForgeJwt } from './jwtClaims';

/** Product REST the host calls for fetchProduct, and the FCT mint (forge-facts §2.4). */
const PRODUCT_PATH = /^\/(rest\/api\/|wiki\/rest\/|rest\/internal\/2\/forge\/|!api\/|api\/2\.0\/)/;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

export interface KnownTraffic {
  /** Origins of remotes seen so far (from FIT mints and FIT-bearing requests). */
  remoteOrigins: ReadonlySet<string>;
}

/**
 * Whether an entry matters to Forge, and why; null for everything else (scripts, images, analytics,
 * GraphQL that is not Forge's). Order matters: a FIT on a request to a remote is 'forge-jwt'.
 */
export function categorize(entry: HarEntryLike, known: KnownTraffic): NetworkCategory | null {
  const { request } = entry;
  const path = pathOf(request.url);
  if (request.method === 'POST' && /\/graphql\/?$/.test(path)) {
    return operationNamesIn(request.postData?.text ?? null).some(isForgeOperation) ? 'forge-graphql' : null;
  }
  const jwt = bearerJwt(headerValue(request.headers, 'authorization'));
  if (jwt && isForgeJwt(jwt)) return 'forge-jwt';
  const origin = originOf(request.url);
  if (origin && known.remoteOrigins.has(origin)) return 'remote';
  if (PRODUCT_PATH.test(path)) return 'product';
  return null;
}

/** A CORS preflight: kept (it costs time) but never matched to a call. */
export function isPreflight(entry: Pick<NetworkEntry, 'method'>): boolean {
  return entry.method === 'OPTIONS';
}

/** Remote origins an entry teaches: a FIT mint's metadata.baseUrl, or where a FIT was sent. */
export function remoteOriginsOf(entries: readonly NetworkEntry[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    if (entry.category === 'forge-graphql') {
      for (const exchange of readForgeGraphql(entry)) {
        const origin = exchange.response?.baseUrl ? originOf(exchange.response.baseUrl) : null;
        if (origin) out.add(origin);
      }
    } else if (entry.category === 'forge-jwt') {
      const origin = originOf(entry.url);
      if (origin) out.add(origin);
    }
  }
  return out;
}
