import type { HarEntry } from '../../../src/network';
import { jwt } from './fixtures';

/**
 * Traffic as real Atlassian sites send it, built from forge-facts §8 (not from the reader's code): the Relay
 * persisted form current Jira uses, the classic Apollo form of 2024, the FIT and FCT mints, and the shapes
 * of §8.1 (no query text, `call` without `payload`, `contextToken` as an object, a string or null, string
 * `expiresAt` in epoch ms).
 */

export const SITE = 'https://acme.atlassian.net';
export const APP_UUID = '8db33809-1f32-48bb-8c52-5877dab48107';
export const EXTENSION_ARI = `ari:cloud:ecosystem::extension/${APP_UUID}/aa911f10-c54b-4b93-9e27-dd2947840b9e/static/issue-panel`;
export const PQ_HASH = '3f1c8e9a0b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e';
const T0 = 1_796_000_000;

/** An FCT with the claims of §8.2 (aud "forge", 900 s, top-level accountId …). */
export function fct(n = 0): string {
  return jwt(
    { context: { accountId: '712020:abc', localId: 'L1', cloudId: 'c-1', moduleKey: 'issue-panel', extension: { type: 'jira:issuePanel' } }, accountId: '712020:abc', extensionId: EXTENSION_ARI, contextIds: ['ari:cloud:jira::site/c-1'], appId: `ari:cloud:ecosystem::app/${APP_UUID}`, appVersion: '2.12.0', extensionType: 'jira:issuePanel', unlicensed: false, iss: 'forge/context-token', aud: 'forge', iat: T0 + n, nbf: T0 + n, exp: T0 + n + 900, jti: `${n}`.padStart(40, 'f') },
    { alg: 'RS256', kid: 'forge/context-token/172aa642-4659-49de-94a6-b5aa6c87ea9b' },
  );
}

/** A requestRemote FIT (§3, §8.3). */
export function fit(n = 0): string {
  return jwt({ app: { id: `ari:cloud:ecosystem::app/${APP_UUID}`, apiBaseUrl: 'https://api.atlassian.com/ex/jira/c-1' }, principal: '712020:abc', iss: 'forge/invocation-token', aud: `ari:cloud:ecosystem::app/${APP_UUID}`, iat: T0 + n, nbf: T0 + n, exp: T0 + n + 25, jti: `${n}`.padStart(40, 'e') });
}

/** Headers §8.1 lists for the persisted form; authentication is by cookie. */
const PERSISTED_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'atl-client-name': 'jira-frontend', 'atl-attribution': 'issue-view', 'x-experimentalapi': 'true', 'x-request-fallback-to-post-reason': 'mutation', cookie: 'cloud.session.token=secret' };

export type Form = 'persisted' | 'classic';

function post(url: string, body: unknown, response: unknown, headers: Record<string, string>, at: number): HarEntry {
  return {
    startedDateTime: new Date(at).toISOString(),
    time: 40,
    request: { method: 'POST', url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })), postData: { mimeType: 'application/json', text: JSON.stringify(body) } },
    response: { status: 200, statusText: 'OK', headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: JSON.stringify(response) } },
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 1, wait: 30, receive: 8 },
    _resourceType: 'fetch',
  };
}

/** One GraphQL operation in either form: persisted `/pq/<hash>?operation=<name>` with no query text, or classic with it. */
export function graphql(form: Form, names: { persisted: string; classic: string; field: string }, variables: unknown, response: unknown, at: number): HarEntry {
  if (form === 'persisted') {
    return post(`${SITE}/gateway/api/graphql/pq/${PQ_HASH}?operation=${names.persisted}`, { operationName: names.persisted, variables }, response, PERSISTED_HEADERS, at);
  }
  const query = `mutation ${names.classic}($input: Input!) { ${names.field}(input: $input) { success } }`;
  return post(`${SITE}/gateway/api/graphql`, { operationName: names.classic, query, variables }, response, { 'content-type': 'application/json' }, at);
}

const INVOKE = { persisted: 'useInvokeExtensionRelayMutation', classic: 'forge_ui_invokeExtension', field: 'invokeExtension' };
const SIGN = { persisted: 'SignInvocationTokenForUI', classic: 'signInvocationTokenForUI', field: 'signInvocationTokenForUI' };

export function invokeVariables(call: Record<string, unknown>, contextToken: unknown) {
  return {
    input: {
      contextIds: [],
      extensionId: EXTENSION_ARI,
      entryPoint: 'resolver',
      payload: { call, context: { localId: 'L1', cloudId: '', environmentId: 'env', environmentType: 'PRODUCTION', moduleKey: 'issue-panel', siteUrl: SITE, extension: { type: 'jira:issuePanel' } }, contextToken },
    },
  };
}

/** An invoke: `data.invokeExtension = { success, response: { body }, contextToken, errors }` (no metrics: none seen, §8.5). */
export function invoke(form: Form, call: Record<string, unknown>, body: unknown, at: number, contextToken: unknown = { jwt: fct(1), expiresAt: String((T0 + 901) * 1000) }): HarEntry {
  return graphql(form, INVOKE, invokeVariables(call, fct(0)), { data: { invokeExtension: { success: true, response: { body }, contextToken, errors: null } } }, at);
}

/** The FIT mint: `forgeInvocationToken { jwt, expiresAt }`, expiresAt a string of epoch ms (§8.1, FSRT). */
export function fitMint(form: Form, at: number, baseUrl = 'https://remote.example.com'): HarEntry {
  return graphql(form, SIGN, { input: { forgeContextToken: fct(0), remoteKey: 'remote-a' } }, { data: { signInvocationTokenForUI: { success: true, errors: null, forgeInvocationToken: { jwt: fit(0), expiresAt: String((T0 + 25) * 1000) }, metadata: { baseUrl } } } }, at);
}

/** requestRemote's own request: straight from the browser to the remote, the FIT as Bearer. */
export function remoteRequest(path: string, at: number, baseUrl = 'https://remote.example.com'): HarEntry {
  return {
    startedDateTime: new Date(at).toISOString(),
    time: 30,
    request: { method: 'GET', url: `${baseUrl}${path}`, headers: [{ name: 'authorization', value: `Bearer ${fit(0)}` }] },
    response: { status: 200, statusText: 'OK', headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"tasks":[]}' } },
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 1, wait: 20, receive: 8 },
    _resourceType: 'fetch',
  };
}

/** One session of a Jira issue panel in the given form: resolver with and without payload, invokeRemote, a FIT mint and requestRemote. */
export function session(form: Form, t = Date.parse('2026-11-23T10:00:00.000Z')): HarEntry[] {
  return [
    invoke(form, { functionKey: 'getText', payload: { issueKey: 'ACME-1' } }, { text: 'hello' }, t),
    invoke(form, { functionKey: 'getAll' }, [1, 2], t + 100),
    invoke(form, { path: '/tasks', method: 'GET', headers: {}, body: null, invokeType: 'ui-remote-fetch' }, { success: true, payload: { status: 200, headers: { 'content-type': ['application/json'] }, body: { tasks: [] } } }, t + 200),
    fitMint(form, t + 300),
    remoteRequest('/tasks?mine=1', t + 360),
  ];
}

export const harFile = (entries: HarEntry[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });
