import { describe, expect, it } from 'vitest';
import { newTabSession, type CallRecord, type TraceV2 } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { importTraceText, redactTrace, toHar } from '../../../src/trace';
import { call, entry, FIT, har } from '../network/fixtures';
import { exportsOf, leaks } from './exportText';
import { T0, traceOf } from './fixtures';

/**
 * Secrets in places the planted suite did not look: each through the real export path (redactTrace, then the
 * JSON and the HAR writer), and through import where the place is a field of a file the user opens. Each
 * secret is a value no credential-format rule knows (so only the place's own rule can remove it), and the
 * unredacted export must hold it (a test that plants nothing cannot pass).
 */
const secret = (id: string) => `hidden-${id}-${'x7Qp'.repeat(4)}`;
const at = T0 * 1000;

const frame = { key: '3:doc', frameId: 3, docId: 'doc', url: 'http://localhost:8000/main/index.html', isTop: false, parentUrl: '', firstSeenAt: at, hookReady: true, bridge: null, transport: 'post-robot' as const, segment: 0 };
const invoke = (payload: SnapshotValue, extra: Partial<CallRecord> = {}) => call('invoke', { functionKey: 'keep', payload }, at + 10, at + 20, { frameKey: frame.key, kind: 'resolver', summary: 'invoke keep', ...extra });
const request = (extra: Partial<NetworkEntry>) => entry({ url: 'http://remote.test/tasks', category: 'remote', startedAt: at + 12, ...extra });
const sessionTrace = (calls: CallRecord[], network: NetworkEntry[] = []) =>
  traceOf(newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/index.html' }], frames: [frame], calls, network, networkFeed: 'on' }));

/** A browser HAR (one Forge request, so it imports) with `entry` beside it, imported as a trace. */
function importedHar(extra: Record<string, unknown>): TraceV2 {
  const forge = har('GET', 'https://remote.test/tasks', { headers: { Authorization: `Bearer ${FIT}` } });
  const other = har('POST', 'https://remote.test/save', { headers: { Authorization: `Bearer ${FIT}` } });
  const merged = { ...other, ...extra, request: { ...other.request, ...(extra.request as object) }, response: { ...other.response, ...(extra.response as object) } };
  const result = importTraceText(JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [forge, merged] } }));
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

/** A file's text imported as a trace. */
function importedTrace(file: unknown): TraceV2 {
  const result = importTraceText(JSON.stringify(file));
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

/** The trace with fields no version of it has, each carrying a secret in a form the rules know. */
function withExtras(trace: TraceV2, s: string): TraceV2 {
  const extra = { notes: `password=${s}` };
  const [c] = trace.calls;
  const [n] = trace.network;
  return {
    ...trace,
    ...({ comment: { token: s } } as object),
    frames: trace.frames.map((f) => ({ ...f, ...extra })),
    segments: trace.segments.map((g) => ({ ...g, ...extra })),
    calls: [{ ...c!, ...extra, frame: { ...c!.frame, ...extra }, request: { ...c!.request, ...extra } }],
    network: [{ ...n!, ...extra }],
  };
}

interface Case {
  id: string;
  /** Import does not read this field at all: the secret must not be in the unredacted trace either. */
  dropped?: true;
  trace: (s: string) => TraceV2;
}

/** JSON text cut short just after `marker` (a body the recorder truncated). */
const cutAfter = (text: string, marker: string) => text.slice(0, text.indexOf(marker) + marker.length);

const CASES: Case[] = [
  // HAR fields a browser writes, in a file the user imports.
  { id: 'HAR postData.params', trace: (s) => importedHar({ request: { postData: { mimeType: 'application/x-www-form-urlencoded', text: `user=ann&password=${s}`, params: [{ name: 'password', value: s }] } } }) },
  { id: 'HAR request cookies array', trace: (s) => importedHar({ request: { headers: [{ name: 'Authorization', value: `Bearer ${FIT}` }, { name: 'Cookie', value: `JSESSIONID=${s}` }], cookies: [{ name: 'JSESSIONID', value: s }] } }) },
  { id: 'HAR queryString array', trace: (s) => importedHar({ request: { url: `https://remote.test/save?access_token=${s}`, queryString: [{ name: 'access_token', value: s }] } }) },
  { id: 'HAR redirectURL and Location', trace: (s) => importedHar({ response: { status: 302, redirectURL: `https://app.test/cb?code=${s}`, headers: [{ name: 'Location', value: `https://app.test/cb?code=${s}` }] } }) },
  { id: 'HAR response Set-Cookie and cookies', trace: (s) => importedHar({ response: { headers: [{ name: 'Set-Cookie', value: `sid=${s}; Path=/; HttpOnly` }], cookies: [{ name: 'sid', value: s }] } }) },
  { id: 'HAR websocket messages (not imported)', dropped: true, trace: (s) => importedHar({ _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: JSON.stringify({ token: s }) }] }) },
  { id: 'HAR initiator stack (not imported)', dropped: true, trace: (s) => importedHar({ _initiator: { type: 'script', stack: { callFrames: [{ url: `https://app.test/x.js?token=${s}`, lineNumber: 1 }] } } }) },
  { id: 'HAR statusText', trace: (s) => importedHar({ response: { statusText: `Bad request: client_secret=${s}` } }) },
  { id: 'HAR response mimeType', trace: (s) => importedHar({ response: { content: { mimeType: `text/plain; token=${s}`, text: 'x' } } }) },
  { id: 'HAR page title', trace: (s) => {
    const forge = har('GET', 'https://remote.test/tasks', { headers: { Authorization: `Bearer ${FIT}` } });
    const result = importTraceText(JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [{ id: 'p', title: `https://app.test/#access_token=${s}`, startedDateTime: '2026-11-23T10:00:00.000Z', pageTimings: {} }], entries: [{ ...forge, pageref: 'p' }] } }));
    if (!result.ok) throw new Error(result.error);
    return result.trace;
  } },
  // Fields redaction had no rule for: a call's initiator stack, and fields an imported trace or HAR adds.
  { id: 'initiator stack URL', trace: (s) => sessionTrace([invoke({}, { initiator: { frames: [{ fn: 'load', url: `https://cdn.test/app.js?token=${s}`, line: 1, column: 2 }] } })]) },
  { id: 'extra fields in an imported trace', trace: (s) => importedTrace(withExtras(traceOf(newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/' }], frames: [frame], calls: [invoke({})], network: [request({})], networkFeed: 'on' })), s)) },
  { id: 'extra fields in an imported HAR of this tool', trace: (s) => importedTrace(toHar(withExtras(traceOf(newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/' }], frames: [frame], calls: [invoke({})], network: [request({})], networkFeed: 'on' })), s))) },
  // `;` header parameters.
  { id: 'Content-Disposition parameter', trace: (s) => sessionTrace([], [request({ responseHeaders: [{ name: 'Content-Disposition', value: `attachment; filename="r.csv"; token=${s}` }] })]) },
  { id: 'Location path parameter', trace: (s) => sessionTrace([], [request({ responseHeaders: [{ name: 'Location', value: `https://app.test/cart;jsessionid=${s}?x=1` }] })]) },
  { id: 'Content-Type parameter', trace: (s) => sessionTrace([], [request({ responseHeaders: [{ name: 'Content-Type', value: `application/json; charset=utf-8; signature=${s}` }] })]) },
  // Error stacks.
  { id: 'error stack with a URL token', trace: (s) => sessionTrace([invoke({}, { status: 'error', error: { value: { name: 'Error', message: 'failed', stack: `Error: failed\n    at load (https://cdn.test/app.js?token=${s}:1:20)\n    at run (app.js:2:3)` }, bytes: 100, truncated: false } })]) },
  { id: 'error message with a password pair', trace: (s) => sessionTrace([invoke({}, { status: 'error', error: { value: { message: `connect failed: postgres://app:${s}@db.test:5432/x`, stack: `Error: login failed for password '${s}'` }, bytes: 100, truncated: false } })]) },
  // GraphQL documents.
  { id: 'GraphQL escaped quotes', trace: (s) => sessionTrace([], [request({ method: 'POST', requestBody: JSON.stringify({ query: `mutation { login(user: "a\\"b", password: "x\\"${s}") { ok } }` }) })]) },
  { id: 'GraphQL block string', trace: (s) => sessionTrace([], [request({ method: 'POST', requestBody: JSON.stringify({ query: `mutation { setSecret(secret: """${s}""") { ok } }` }) })]) },
  { id: 'GraphQL document cut short', trace: (s) => sessionTrace([], [request({ method: 'POST', requestBody: JSON.stringify({ query: `mutation { login(password: "a\\"${s}") { ok } }`, variables: {} }).slice(0, -12) })]) },
  // JSON escaped and cut short.
  { id: 'escaped JSON cut short', trace: (s) => sessionTrace([], [request({ responseBody: cutAfter(JSON.stringify({ data: JSON.stringify({ password: s, more: 'x'.repeat(40) }) }), 'more') })]) },
  { id: 'twice-escaped JSON cut short', trace: (s) => sessionTrace([], [request({ responseBody: cutAfter(JSON.stringify({ data: JSON.stringify(JSON.stringify({ client_secret: s, more: 'x'.repeat(40) })) }), 'more') })]) },
  { id: 'escaped JSON cut inside the value', trace: (s) => sessionTrace([], [request({ responseBody: cutAfter(JSON.stringify({ data: JSON.stringify({ apiKey: `${s}-and-more` }) }), s) })]) },
  { id: 'JSON key with a unicode escape', trace: (s) => sessionTrace([], [request({ responseBody: `{"pass\\u0077ord":"${s}","more":"cut sh` })]) },
  // URL fragments.
  { id: 'fragment route with a query', trace: (s) => sessionTrace([], [request({ url: `https://app.test/#/auth/callback?access_token=${s}&state=1` })]) },
  { id: 'frame URL fragment', trace: (s) => traceOf(newTabSession(7, { segments: [{ index: 0, startedAt: at, url: 'http://127.0.0.1:9000/' }], frames: [{ ...frame, url: `${frame.url}#id_token=${s}` }], calls: [invoke({})], network: [], networkFeed: 'on' })) },
  // Percent-encoded and base64url-encoded credentials.
  { id: '%-encoded pair in a JSON value', trace: (s) => sessionTrace([invoke({ next: `/cb%3Ftoken%3D${s}%26x%3D1` })]) },
  { id: '%-encoded pair in a URL path', trace: (s) => sessionTrace([], [request({ url: `https://app.test/login/redirect/https%3A%2F%2Fx.test%2Fcb%3Fpassword%3D${s}` })]) },
  { id: 'twice %-encoded pair in a query value', trace: (s) => sessionTrace([], [request({ url: `https://app.test/login?next=%2Fcb%253Ftoken%253D${s}` })]) },
  { id: 'form value with + for spaces', trace: (s) => sessionTrace([], [request({ url: `https://app.test/retry?q=Bearer+${s}&y=1` })]) },
  { id: '%-encoded JSON in a query value', trace: (s) => sessionTrace([], [request({ url: `https://app.test/cb?state=${encodeURIComponent(JSON.stringify({ apiKey: s }))}` })]) },
  { id: 'base64url JSON in a path segment', trace: (s) => sessionTrace([], [request({ url: `https://app.test/auth/${Buffer.from(JSON.stringify({ password: s })).toString('base64url')}/next` })]) },
  { id: 'base64url form in a payload', trace: (s) => sessionTrace([invoke({ state: Buffer.from(`refresh_token=${s}&x=1`).toString('base64url') })]) },
  { id: 'base64 user:password in a payload', trace: (s) => sessionTrace([invoke({ proxy: `basic ${Buffer.from(`ann:${s}`).toString('base64')}` })]) },
];

describe('secrets where nobody looked: gone from the redacted JSON and HAR', () => {
  for (const c of CASES) {
    it(c.id, () => {
      const s = secret(c.id.replace(/\W+/g, '-'));
      const raw = c.trace(s);
      const [rawJson] = exportsOf(raw);
      if (c.dropped) expect(leaks(rawJson!, s), 'a field import does not read').toEqual([]);
      else expect(leaks(rawJson!, s).length, 'planted but not in the unredacted export').toBeGreaterThan(0);
      const [json, harText] = exportsOf(redactTrace(raw));
      expect({ json: leaks(json!, s), har: leaks(harText!, s) }).toEqual({ json: [], har: [] });
    });
  }
});

describe('exports keep what is not a secret beside them', () => {
  it('the HAR written from a redacted trace keeps the query names and the harmless values', () => {
    const trace = redactTrace(sessionTrace([], [request({ url: `https://app.test/cb?state=keep-1&code=${secret('c')}` })]));
    const entry = toHar(trace).log.entries.find((e) => e.request.url.startsWith('https://app.test'))!;
    expect(entry.request.queryString).toEqual([{ name: 'state', value: 'keep-1' }, { name: 'code', value: '[redacted]' }]);
  });
});
