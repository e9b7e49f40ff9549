import type { SnapshotValue } from '../protocol/snapshot';
import { classifyCall } from './classify';
import { asObject, field, numberOf, path, textOf } from './snapshotRead';

/** How an HTTP-like bridge call was made, in the words of the @forge/bridge function the app called. */
export type HttpVia = 'invokeRemote' | 'invokeService' | 'requestRemote' | 'requestJira' | 'requestConfluence' | 'requestBitbucket' | 'fetchProduct';

export interface HttpRequestInfo {
  via: HttpVia;
  /** Upper case; GET when the request had none. */
  method: string;
  /** As sent, query string included; null when the request had none. */
  path: string | null;
  /** requestRemote's remote key, else null. */
  remoteKey: string | null;
}

export interface RemoteEndpoint {
  /** Path without query string or fragment, for grouping; '' when the request had none. */
  path: string;
  /** Path as sent, query string included; '' when the request had none. */
  fullPath: string;
  method: string;
  /** requestRemote's remote key; null for invokeRemote (the module's one endpoint remote). */
  remoteKey: string | null;
  via: 'invokeRemote' | 'requestRemote';
}

const PRODUCT_VIA: Readonly<Record<string, HttpVia>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, HttpVia>, {
    jira: 'requestJira',
    confluence: 'requestConfluence',
    bitbucket: 'requestBitbucket',
  }),
);

function methodOf(value: SnapshotValue | undefined): string {
  const method = textOf(value);
  return method && method.trim() ? method.trim().toUpperCase() : 'GET';
}

/** The HTTP side of invokeRemote, invokeService, requestRemote and requestJira/Confluence/Bitbucket calls; null for any other call. */
export function httpRequestOf(command: string, request: SnapshotValue): HttpRequestInfo | null {
  switch (command) {
    case 'invoke': {
      const kind = classifyCall(command, request);
      if (kind !== 'invokeRemote' && kind !== 'invokeService') return null;
      return { via: kind, method: methodOf(field(request, 'method')), path: textOf(field(request, 'path')), remoteKey: null };
    }
    case 'fetchRemote': {
      const init = field(request, 'fetchRequestInit');
      return {
        via: 'requestRemote',
        method: methodOf(field(init, 'method')),
        path: textOf(field(init, 'path')),
        remoteKey: textOf(field(request, 'remoteKey')),
      };
    }
    case 'fetchProduct': {
      const product = field(request, 'product');
      const via = (typeof product === 'string' ? PRODUCT_VIA[product] : undefined) ?? 'fetchProduct';
      return { via, method: methodOf(path(request, 'fetchRequestInit', 'method')), path: textOf(field(request, 'restPath')), remoteKey: null };
    }
    default:
      return null;
  }
}

/** Path without its query string or fragment. */
export function stripQuery(fullPath: string): string {
  const cut = fullPath.search(/[?#]/);
  return cut < 0 ? fullPath : fullPath.slice(0, cut);
}

/** The remote endpoint of an invokeRemote or requestRemote call (to compare the two per endpoint); null for any other call. */
export function remoteEndpointOf(command: string, request: SnapshotValue): RemoteEndpoint | null {
  return remoteEndpointFrom(httpRequestOf(command, request));
}

/** remoteEndpointOf for a request already read by httpRequestOf (query/callFacts' httpOf keeps it per call). */
export function remoteEndpointFrom(http: HttpRequestInfo | null): RemoteEndpoint | null {
  if (http === null || (http.via !== 'invokeRemote' && http.via !== 'requestRemote')) return null;
  const fullPath = http.path ?? '';
  return { path: stripQuery(fullPath), fullPath, method: http.method, remoteKey: http.remoteKey, via: http.via };
}

/**
 * The HTTP status a call's response carries, or null. invokeRemote/invokeService responses are the
 * bridge's `{success, payload?, error?}` (or, if already unwrapped, `{status, headers, body}`);
 * fetchRemote and fetchProduct responses are `{status, ...}`.
 */
export function httpStatusOf(command: string, request: SnapshotValue, response: SnapshotValue | null): number | null {
  return httpStatusFrom(httpRequestOf(command, request), response);
}

/** httpStatusOf for a request already read by httpRequestOf. */
export function httpStatusFrom(http: Pick<HttpRequestInfo, 'via'> | null, response: SnapshotValue | null): number | null {
  if (http === null || asObject(response) === null) return null;
  if (http.via === 'invokeRemote' || http.via === 'invokeService') {
    const success = field(response, 'success');
    if (success === true) return numberOf(path(response, 'payload', 'status'));
    if (success === false) return numberOf(path(response, 'error', 'status'));
  }
  return numberOf(field(response, 'status'));
}

/** True when an invokeRemote/invokeService bridge response says `success: false`. */
export function endpointCallFailed(command: string, request: SnapshotValue, response: SnapshotValue | null): boolean {
  return endpointFailedFrom(httpRequestOf(command, request), response);
}

/** endpointCallFailed for a request already read by httpRequestOf. */
export function endpointFailedFrom(http: Pick<HttpRequestInfo, 'via'> | null, response: SnapshotValue | null): boolean {
  return (http?.via === 'invokeRemote' || http?.via === 'invokeService') && field(response, 'success') === false;
}
