import type { CallRecord } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import type { HarEntry } from '../../../src/network';

/** A compact JWT with the given claims (unsigned: categorisation never verifies). */
export function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'forge/invocation-token/wf-1' }): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part(header)}.${part(claims)}.c2ln`;
}

export const FIT = jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', exp: 2_000_000_000 });

export function har(method: string, url: string, extra: { body?: unknown; response?: unknown; headers?: Record<string, string>; resourceType?: string } = {}): HarEntry {
  return {
    startedDateTime: '2026-11-23T10:00:00.000Z',
    time: 20,
    request: {
      method,
      url,
      headers: Object.entries(extra.headers ?? {}).map(([name, value]) => ({ name, value })),
      ...(extra.body === undefined ? {} : { postData: { mimeType: 'application/json', text: typeof extra.body === 'string' ? extra.body : JSON.stringify(extra.body) } }),
    },
    response: { status: 200, statusText: 'OK', headers: [], content: { mimeType: 'application/json', ...(extra.response === undefined ? {} : { text: JSON.stringify(extra.response) }) } },
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 15, receive: 3.5 },
    ...(extra.resourceType ? { _resourceType: extra.resourceType } : {}),
  };
}

let nextEntry = 0;
export function entry(extra: Partial<NetworkEntry> & Pick<NetworkEntry, 'url' | 'category'>): NetworkEntry {
  return {
    id: `e${++nextEntry}`,
    startedAt: 1000,
    durationMs: 20,
    method: 'GET',
    status: 200,
    statusText: 'OK',
    requestHeaders: [],
    responseHeaders: [],
    requestBody: null,
    responseBody: null,
    responseBodyEncoding: null,
    bodyTruncated: false,
    requestBodySize: -1,
    responseBodySize: -1,
    mimeType: 'application/json',
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 15, receive: 3.5 },
    operationName: null,
    segment: 0,
    ...extra,
  };
}

export function invokeGraphql(call: Record<string, unknown>, at: number, response: Record<string, unknown> = { success: true, response: { body: {} }, metrics: { appTimeMs: 9 } }): NetworkEntry {
  return entry({
    url: 'http://site.test/gateway/api/graphql',
    category: 'forge-graphql',
    method: 'POST',
    startedAt: at,
    operationName: 'forge_ui_invokeExtension',
    requestBody: JSON.stringify({ operationName: 'forge_ui_invokeExtension', query: 'mutation forge_ui_invokeExtension(...)', variables: { input: { extensionId: 'x', payload: { call, contextToken: 'fct' } } } }),
    responseBody: JSON.stringify({ data: { invokeExtension: response } }),
  });
}

export function fitMint(at: number, baseUrl = 'http://remote.test'): NetworkEntry {
  return entry({
    url: 'http://site.test/gateway/api/graphql',
    category: 'forge-graphql',
    method: 'POST',
    startedAt: at,
    durationMs: 8,
    operationName: 'signInvocationTokenForUI',
    requestBody: JSON.stringify({ operationName: 'signInvocationTokenForUI', variables: { input: { forgeContextToken: 'fct', remoteKey: 'remote-a' } } }),
    responseBody: JSON.stringify({ data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: FIT, expiresAt: 1_000_025_000 }, metadata: { baseUrl } } } }),
  });
}

let nextCall = 0;
export function call(command: string, request: SnapshotValue, startedAt: number, endedAt: number | null, extra: Partial<CallRecord> = {}): CallRecord {
  const id = `f:d#${++nextCall}`;
  return {
    id, frameKey: 'f:d', callId: nextCall, segment: 0, command, kind: 'other', summary: command, startedAt, endedAt,
    status: endedAt === null ? 'pending' : 'ok', request: { value: request, bytes: 10, truncated: false }, response: null, error: null, deliveries: [], deliveriesDropped: 0,
    ...extra,
  };
}

export const requestRemote = (path: string, method = 'GET') => ({ remoteKey: 'remote-a', fetchRequestInit: { path, method, body: null, headers: [] }, isMultipartFormData: false });
