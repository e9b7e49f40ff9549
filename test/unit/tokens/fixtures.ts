import type { CallKind, CallRecord } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { CallMatch } from '../../../src/protocol/tokens';
import { entry as networkEntry } from '../network/fixtures';

/** Seconds: a fixed "now" for token claims. */
export const T0 = 1_800_000_000;
export const APP_ID = 'ari:cloud:ecosystem::app/5f6c1a0e-3b9d-4c2e-9a41-7d2b8e6f0c13';

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An unsigned-looking compact JWT (a fake signature): collecting and warning never verify. */
export function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'forge/invocation-token/wf-1' }): string {
  return `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A FIT's claims as forge-facts §3 shows them: 25 s lifetime, iat = nbf, 40-hex jti. */
export function fitClaims(iat: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: 'forge/invocation-token',
    aud: APP_ID,
    jti: iat.toString(16).padStart(40, '0'),
    iat,
    nbf: iat,
    exp: iat + 25,
    app: { id: APP_ID, apiBaseUrl: 'https://api.atlassian.com/ex/jira/c1', environment: { type: 'DEVELOPMENT', id: `${APP_ID}/env-1` }, module: { type: 'xen:macro', key: 'panel' } },
    context: { moduleKey: 'panel' },
    principal: '712020:user',
    ...extra,
  };
}

export const fit = (iat: number, extra: Record<string, unknown> = {}) => jwt(fitClaims(iat, extra));
export const fct = (iat: number) => jwt({ iss: 'forge/context-token', aud: APP_ID, iat, exp: iat + 900, context: { moduleKey: 'panel' } }, { alg: 'RS256', kid: 'forge/context-token/ct-1' });

/** A network entry at T0 (the network fixtures' entry: one id counter for both). */
export function entry(extra: Partial<NetworkEntry> & Pick<NetworkEntry, 'url'>): NetworkEntry {
  return networkEntry({ category: 'remote', startedAt: T0 * 1000, timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 20, receive: 0 }, ...extra });
}

/** A request to a remote carrying `token` as Bearer (requestRemote's path). */
export function remoteRequest(token: string, at: number, extra: Partial<NetworkEntry> = {}): NetworkEntry {
  return entry({ url: 'https://remote.example/tasks', category: 'forge-jwt', startedAt: at, requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }], ...extra });
}

/** A POST to the site's GraphQL gateway with the given request and response bodies (objects or batches). */
export function graphql(request: unknown, response: unknown, at: number, durationMs = 40): NetworkEntry {
  return entry({
    url: 'https://site.atlassian.net/gateway/api/graphql',
    category: 'forge-graphql',
    method: 'POST',
    startedAt: at,
    durationMs,
    requestBody: typeof request === 'string' ? request : JSON.stringify(request),
    responseBody: typeof response === 'string' ? response : JSON.stringify(response),
  });
}

/** signInvocationTokenForUI: an FCT in, a FIT out (forge-facts §2.4). */
export function fitMint(token: string, at: number, fctSent = 'not-a-jwt', durationMs = 40): NetworkEntry {
  return graphql(
    { operationName: 'signInvocationTokenForUI', query: 'mutation signInvocationTokenForUI($input: SignInvocationTokenForUIInput!) { … }', variables: { input: { forgeContextToken: fctSent, remoteKey: 'remote-a' } } },
    { data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: token, expiresAt: String((T0 + 25) * 1000) }, metadata: { baseUrl: 'https://remote.example' } } } },
    at,
    durationMs,
  );
}

let callCount = 0;
export function call(kind: CallKind, startedAt: number, extra: Partial<CallRecord> = {}): CallRecord {
  const n = ++callCount;
  return {
    id: `frame-1#${n}`,
    frameKey: 'frame-1',
    callId: n,
    segment: 0,
    command: kind === 'requestRemote' ? 'fetchRemote' : 'invoke',
    kind,
    summary: kind,
    startedAt,
    endedAt: startedAt + 100,
    status: 'ok',
    request: { value: null, bytes: 4, truncated: false },
    response: null,
    error: null,
    deliveries: [],
    deliveriesDropped: 0,
    ...extra,
  };
}

export const match = (callId: string, entryId: string, relation: CallMatch['relation'] = 'remote-request'): CallMatch => ({ callId, entryId, relation, certainty: 'certain', candidates: 1 });
