import { httpRequestOf } from '../bridge/httpCalls';
import { field, textOf } from '../bridge/snapshotRead';
import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { MatchRelation } from '../protocol/tokens';
import { isPreflight } from './categorize';
import { readForgeGraphql } from './graphql';

/**
 * What a call and a network entry must share to be matched: one key per relation. A call gives the keys its
 * request could have produced; an entry the keys it carries. Equal keys are candidates; time decides the rest.
 */
export interface Keyed {
  relation: MatchRelation;
  key: string;
}

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return '';
  }
}

function withSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/** Keys of a call, most specific first (basePaths: path prefixes of the remotes' base URLs seen, '' included). */
export function callKeys(call: CallRecord, basePaths: readonly string[]): Keyed[] {
  const request = call.request.value;
  if (call.command === 'invoke') {
    const http = httpRequestOf(call.command, request);
    if (http) return [{ relation: 'graphql', key: `endpoint ${String(field(request, 'invokeType'))} ${http.method} ${http.path ?? ''}` }];
    const functionKey = textOf(field(request, 'functionKey'));
    if (!functionKey) return [];
    // The payload tells apart calls of one function made at once; a cut snapshot cannot, so then the key alone.
    const payload = call.request.truncated ? [] : [{ relation: 'graphql' as const, key: `resolver ${functionKey} ${JSON.stringify(field(request, 'payload') ?? null)}` }];
    return [...payload, { relation: 'graphql', key: `resolver ${functionKey}` }];
  }
  if (call.command === 'fetchRemote') {
    const http = httpRequestOf(call.command, request);
    if (!http || http.path === null) return [];
    const path = withSlash(http.path);
    // Longest base path first: the most specific key is tried first.
    return [...basePaths].sort((a, b) => b.length - a.length).map((base) => ({ relation: 'remote-request' as const, key: `http ${http.method} ${base.replace(/\/$/, '')}${path}` }));
  }
  if (call.command === 'fetchProduct') {
    const http = httpRequestOf(call.command, request);
    return http && http.path !== null ? [{ relation: 'product-request', key: `http ${http.method} ${withSlash(http.path)}` }] : [];
  }
  return [];
}

/** Keys of a network entry. */
export function entryKeys(entry: NetworkEntry): Keyed[] {
  if (entry.category === 'forge-graphql') {
    return readForgeGraphql(entry).flatMap((x): Keyed[] => {
      const call = x.call;
      if (!call) return [];
      if (typeof call.functionKey === 'string') {
        return [
          { relation: 'graphql', key: `resolver ${call.functionKey} ${JSON.stringify(call.payload ?? null)}` },
          { relation: 'graphql', key: `resolver ${call.functionKey}` },
        ];
      }
      const method = typeof call.method === 'string' && call.method.trim() ? call.method.trim().toUpperCase() : 'GET';
      return [{ relation: 'graphql', key: `endpoint ${String(call.invokeType)} ${method} ${typeof call.path === 'string' ? call.path : ''}` }];
    });
  }
  if (isPreflight(entry)) return [];
  const key = `http ${entry.method.toUpperCase()} ${pathAndQuery(entry.url)}`;
  if (entry.category === 'product') return [{ relation: 'product-request', key }];
  return [{ relation: 'remote-request', key }];
}

/** Whether an entry is a FIT mint (signInvocationTokenForUI). */
export function isFitMint(entry: NetworkEntry): boolean {
  return entry.category === 'forge-graphql' && readForgeGraphql(entry).some((x) => x.operationName === 'signInvocationTokenForUI');
}

/** Path prefixes of the remotes' base URLs learned from FIT mints ('' always). */
export function remoteBasePaths(entries: readonly NetworkEntry[]): string[] {
  const out = new Set<string>(['']);
  for (const entry of entries) {
    if (entry.category !== 'forge-graphql') continue;
    for (const x of readForgeGraphql(entry)) {
      if (!x.response?.baseUrl) continue;
      try {
        out.add(new URL(x.response.baseUrl).pathname.replace(/\/$/, ''));
      } catch {
        // not a URL: nothing learned
      }
    }
  }
  return [...out];
}
