import { correlate } from '../../../src/network';
import { newTabSession, type CallRecord, type FrameRecord, type TabSession } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { collectTokens } from '../../../src/tokens';
import { exportTraceV2 } from '../../../src/trace';
import { call, entry, fitMint, invokeGraphql, jwt, requestRemote } from '../network/fixtures';
import { PLANTED, type Planted } from './plantedSecrets';

/** Known secrets planted in every place a trace can carry them. */
export const SECRETS = {
  fitSignature: 'PLANTEDfitSIGNATUREabcdef0123456789',
  oauthSystem: 'planted-oauth-system-token-7f3a9',
  oauthUser: 'planted-oauth-user-token-2b8c1',
  cookie: 'planted-session-cookie-5d1e',
  basic: 'cGxhbnRlZDpiYXNpYy1wYXNzd29yZA',
  password: 'planted-payload-password-99',
  apiKey: 'plantedQueryApiKey42',
  bodySecret: 'planted-base64-body-secret-11',
  clientSecret: 'planted-form-client-secret-3',
  deliverySignature: 'PLANTEDdeliverySIGNATURE0042',
  headerPairKey: 'planted-header-pair-api-key-8',
  invokeRemoteBasic: 'cGxhbnRlZC1pbnZva2UtcmVtb3RlLWJhc2lj',
  attachmentSecret: 'planted-attachment-secret-61',
  truncatedSecret: 'planted-truncated-body-secret-5',
  escapedSecret: 'planted-escaped-json-secret-17',
  fragmentToken: 'planted-fragment-access-token-23',
  graphqlVariable: 'planted-graphql-variable-token-90',
  unknownHeader: 'planted-unknown-header-value-77',
};

export const T0 = 1_800_000_000;

export function plantedFit(): string {
  const unsigned = jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', jti: 'f'.repeat(40), iat: T0, nbf: T0, exp: T0 + 25, app: { id: 'a' } });
  return `${unsigned.slice(0, unsigned.lastIndexOf('.'))}.${SECRETS.fitSignature}`;
}

const FRAME: FrameRecord = {
  key: '3:doc', frameId: 3, docId: 'doc', url: 'http://localhost:8000/main/index.html', isTop: false, parentUrl: 'http://127.0.0.1:9000/index.html',
  firstSeenAt: T0 * 1000, hookReady: true, bridge: { semver: '1.15.3', frozen: false, via: 'trap' }, transport: 'post-robot', segment: 0,
};

/** A JWT whose signature is planted (a token the app received in an event). */
function plantedEventJwt(): string {
  const unsigned = jwt({ sub: 'event', exp: T0 + 60 });
  return `${unsigned.slice(0, unsigned.lastIndexOf('.'))}.${SECRETS.deliverySignature}`;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The secrets the first nine places hold (the session other tests open in the panel: two calls). */
export function plantedSession(): TabSession {
  const fit = plantedFit();
  const at = T0 * 1000;
  const remote = call('fetchRemote', { ...requestRemote(`/tasks?apiKey=${SECRETS.apiKey}&page=2`), fetchRequestInit: { path: `/tasks?apiKey=${SECRETS.apiKey}&page=2`, method: 'POST', body: JSON.stringify({ password: SECRETS.password, title: 'keep me' }), headers: [] } }, at + 100, at + 200, { frameKey: FRAME.key, kind: 'requestRemote', summary: 'requestRemote remote-a POST /tasks → 200', response: { value: { status: 200, body: '{"ok":true}' }, bytes: 30, truncated: false } });
  const resolver = call('invoke', { functionKey: 'login', payload: { user: 'ann', password: SECRETS.password } }, at + 300, at + 400, { frameKey: FRAME.key, kind: 'resolver', summary: 'invoke login' });
  const calls: CallRecord[] = [remote, resolver];
  const network: NetworkEntry[] = [
    fitMint(at + 105, 'http://remote.test'),
    entry({
      url: `http://remote.test/tasks?apiKey=${SECRETS.apiKey}&page=2`,
      category: 'forge-jwt',
      method: 'POST',
      startedAt: at + 120,
      requestHeaders: [
        { name: 'Authorization', value: `Bearer ${fit}` },
        { name: 'x-forge-oauth-system', value: SECRETS.oauthSystem },
        { name: 'X-Forge-OAuth-User', value: SECRETS.oauthUser },
        { name: 'Cookie', value: `session=${SECRETS.cookie}` },
      ],
      responseHeaders: [{ name: 'Set-Cookie', value: `sid=${SECRETS.cookie}; HttpOnly` }, { name: 'Date', value: new Date(at).toUTCString() }],
      requestBody: `grant_type=x&client_secret=${SECRETS.clientSecret}&title=keep`,
      responseBody: base64(JSON.stringify({ token: SECRETS.bodySecret, note: 'keep me' })),
      responseBodyEncoding: 'base64',
    }),
    entry({ url: 'http://product.test/rest/api/3/myself', category: 'product', startedAt: at + 130, requestHeaders: [{ name: 'Authorization', value: `Basic ${SECRETS.basic}` }] }),
    invokeGraphql({ functionKey: 'login', payload: { user: 'ann', password: SECRETS.password } }, at + 310),
  ];
  return newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/index.html' }], frames: [FRAME], calls, network, networkFeed: 'on' });
}

/**
 * The same session with a secret in every other place a trace can carry one: a JWT in an event delivery,
 * fetch headers as [name, value] pairs, a requestRemote attachment (base64), an invokeRemote payload's
 * Authorization, a GraphQL variable, a body cut short with JSON escaped inside it, a URL fragment.
 */
export function plantedEverywhereSession(): TabSession {
  const base = plantedSession();
  const at = T0 * 1000;
  const headersAsPairs = call('fetchRemote', { ...requestRemote('/files/1'), fetchRequestInit: { path: '/files/1', method: 'GET', body: null, headers: [['X-Api-Key', SECRETS.headerPairKey], ['Accept', 'application/json']] } }, at + 500, at + 600, {
    frameKey: FRAME.key, kind: 'requestRemote', summary: 'requestRemote remote-a GET /files/1 → 200',
    response: { value: { status: 200, isAttachment: true, body: base64(JSON.stringify({ secret: SECRETS.attachmentSecret, name: 'report.json' })) }, bytes: 120, truncated: false },
  });
  const invokeRemote = call('invoke', { path: '/sync', method: 'POST', headers: { Authorization: `Basic ${SECRETS.invokeRemoteBasic}`, 'X-Trace': SECRETS.unknownHeader, traceparent: '00-keep-trace-id-01' }, body: { mode: 'full' }, invokeType: 'ui-remote-fetch' }, at + 700, at + 800, { frameKey: FRAME.key, kind: 'invokeRemote', summary: 'invokeRemote POST /sync' });
  const subscription = call('on', { event: 'jira:issueChanged', callback: { $fbdt: 'function', text: 'onChange' } }, at + 50, at + 60, {
    frameKey: FRAME.key, kind: 'events', summary: 'on jira:issueChanged',
    deliveries: [{ seq: 1, at: at + 900, key: 'callback', args: { value: [{ issueId: '10001', note: `token ${plantedEventJwt()} arrived` }], bytes: 200, truncated: false } }],
  });
  const graphqlVariable = entry({
    url: 'http://site.test/gateway/api/graphql', category: 'forge-graphql', method: 'POST', startedAt: at + 400, operationName: 'forge_ui_invokeExtension',
    requestBody: JSON.stringify({ operationName: 'forge_ui_invokeExtension', variables: { input: { extensionId: 'x', apiToken: SECRETS.graphqlVariable, payload: { call: { functionKey: 'keepFunction' } } } } }),
  });
  const cutShort = entry({
    url: 'http://remote.test/big', category: 'remote', startedAt: at + 450, bodyTruncated: true,
    // Cut short, so not JSON: masked by the text rules, also where JSON sits escaped inside a string.
    responseBody: `{"rows":[{"password":"${SECRETS.truncatedSecret}","title":"keep row"},{"raw":"{\\"apiKey\\":\\"${SECRETS.escapedSecret}\\",\\"name\\":\\"keep`,
  });
  return {
    ...base,
    frames: [{ ...FRAME, url: `${FRAME.url}#access_token=${SECRETS.fragmentToken}&state=keep-state` }],
    calls: [subscription, ...base.calls, headersAsPairs, invokeRemote],
    network: [...base.network, graphqlVariable, cutShort],
  };
}

export function traceOf(session: TabSession) {
  const matches = correlate(session.calls, session.network);
  const tokens = collectTokens({ calls: session.calls, network: session.network, matches });
  return exportTraceV2(session, { extensionVersion: '0.1.0', now: T0 * 1000 + 1000, browser: { name: 'Chromium', version: '156' } }, { tokens, matches });
}

export const plantedTrace = () => traceOf(plantedSession());
export const plantedEverywhereTrace = () => traceOf(plantedEverywhereSession());

/** Every place a trace carries data, each as a session holding the planted values there and nowhere else. */
export const PLACES = ['payload', 'result', 'error', 'delivery', 'requestHeaders', 'responseHeaders', 'requestBody', 'responseBody', 'base64Body', 'url', 'frameUrl'] as const;
export type Place = (typeof PLACES)[number];

const structured = (items: readonly Planted[]) => Object.fromEntries(items.flatMap((s, i) => (s.name ? [[s.name, s.value]] : [[`note${i}`, s.text]])));
const notes = (items: readonly Planted[]) => items.map((s) => s.text);
const query = (items: readonly Planted[]) => items.map((s, i) => `q${i}=${encodeURIComponent(s.text)}`).join('&');

export function plantedInSession(place: Place, items: readonly Planted[] = PLANTED): TabSession {
  const at = T0 * 1000;
  const frame: FrameRecord = place === 'frameUrl' ? { ...FRAME, url: `${FRAME.url}#${query(items)}` } : FRAME;
  const value: SnapshotValue = { named: structured(items), notes: notes(items) };
  const calls: CallRecord[] = [];
  const network: NetworkEntry[] = [];
  const invoke = (extra: Partial<CallRecord>, payload: SnapshotValue = { functionKey: 'keepFunction' }) => call('invoke', { functionKey: 'keepFunction', payload }, at + 10, at + 20, { frameKey: FRAME.key, kind: 'resolver', summary: 'invoke keepFunction', ...extra });
  const request = (extra: Partial<NetworkEntry>) => entry({ url: 'http://remote.test/tasks?page=2', category: 'remote', startedAt: at + 12, ...extra });
  if (place === 'payload') calls.push(invoke({}, value));
  if (place === 'result') calls.push(invoke({ response: { value: { body: value }, bytes: 100, truncated: false } }));
  if (place === 'error') calls.push(invoke({ status: 'error', error: { value: { message: `failed: ${notes(items).join(' | ')}`, details: value }, bytes: 100, truncated: false } }));
  if (place === 'delivery') calls.push(call('on', { event: 'jira:issueChanged' }, at, at + 1, { frameKey: FRAME.key, kind: 'events', summary: 'on jira:issueChanged', deliveries: [{ seq: 1, at: at + 5, key: 'callback', args: { value: [value], bytes: 100, truncated: false } }] }));
  const headers = items.flatMap((s, i) => [...(s.name ? [{ name: s.name, value: s.value }] : []), { name: `X-Note-${i}`, value: s.text }, { name: 'Location', value: `https://app.test/next?${query([s])}` }]);
  if (place === 'requestHeaders') network.push(request({ requestHeaders: [...headers, { name: 'Referer', value: `https://app.test/p?${query(items)}` }] }));
  if (place === 'responseHeaders') network.push(request({ responseHeaders: headers }));
  if (place === 'requestBody') network.push(request({ method: 'POST', requestBody: JSON.stringify(value) }), request({ method: 'POST', requestBody: query(items) }));
  if (place === 'responseBody') network.push(request({ responseBody: notes(items).join('\n') }), request({ responseBody: JSON.stringify(value) }));
  if (place === 'base64Body') network.push(request({ responseBody: base64(notes(items).join('\n')), responseBodyEncoding: 'base64' }));
  if (place === 'url') network.push(request({ url: `http://remote.test/search?${query(items)}` }));
  return newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/index.html' }], frames: [frame], calls, network, networkFeed: 'on' });
}

export const plantedInTrace = (place: Place, items: readonly Planted[] = PLANTED) => traceOf(plantedInSession(place, items));
