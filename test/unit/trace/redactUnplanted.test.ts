import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newTabSession, type CallRecord, type FrameRecord, type TraceV2 } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import { REDACTED, REDACTED_SIGNATURE, redactTrace, toHar } from '../../../src/trace';
import { call, entry, jwt } from '../network/fixtures';
import { traceOf } from './fixtures';

const T = 1_800_000_000_000;
/** Secrets in places the planted suite does not use, each a value a real payload, body, URL or error could carry. */
const S = {
  slackHook: 'https://hooks.slack.com/services/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',
  dbUrlPass: 'Sup3rS3cretDbPass',
  summaryToken: 'tok_live_9f8e7d6c5b4a39281706f5e4',
  keyAsName: 'ghp_' + 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2',
  pathToken: 'ATATT3xFfGF0' + 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6A7B8C9D0E1F2G3H4I5J6K7L8M9N0O1P2Q3R4S5T6U7V8W9X0Y1Z2a3b4c5d6e7f8g9h0i1j2k3l4=ABCD1234',
  cookieInText: 'sessid8f7e6d5c4b3a2f1e0d9c8b7a',
  bearerInError: 'opaqueBearerValue0123456789abcdefXYZ',
  xApiKeyPair: 'xapikeyvalue-7d7d7d7d7d7d7d7d7d7d',
  azureSig: 'Zm9vYmFyYmF6cXV4c2lnbmF0dXJlMTIzNDU2Nzg5MA%3D',
  npmToken: 'npm_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5',
  stripe: 'sk_live_' + '51HxYzAbCdEfGhIjKlMnOpQrStUvWx',
  segmentToken: 'segTok-e3b0c44298fc1c149afbf4c8996fb924',
  sendgrid: 'SG.' + 'abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq',
  keyInGraphql: 'gqlSecretArg5566778899aabbccdd',
  oauthCode: 'authcode-4f4f4f4f4f4f4f4f4f4f',
  protoPass: 'protoHiddenPassw0rd998877',
  protoBody: 'protoBodyPassw0rd445566',
};

describe('secrets in places nobody planted them', () => {
  it('are in the unredacted trace and in neither the redacted JSON nor the HAR, in any encoding', () => {
  const frame: FrameRecord = { key: '3:doc', frameId: 3, docId: 'doc', url: `http://localhost:8000/main/index.html?x=1#code=${S.oauthCode}`, isTop: false, parentUrl: 'http://127.0.0.1:9000/', firstSeenAt: T, hookReady: true, bridge: null, transport: 'post-robot', segment: 0 };
  const calls = [
    call('invoke', { functionKey: 'notify', payload: { webhook: S.slackHook, env: `DATABASE_URL=postgres://admin:${S.dbUrlPass}@db.internal:5432/app`, [S.keyAsName]: true, dump: `GET / HTTP/1.1\r\nHost: x\r\nCookie: sid=${S.cookieInText}\r\n`, headers: [['X-Api-Key', S.xApiKeyPair]], blob: `https://acct.blob.core.windows.net/c/f?sv=2021-06-08&se=2030-01-01&sig=${S.azureSig}`, npmrc: `//registry.npmjs.org/:_authToken=${S.npmToken}`, stripe: S.stripe, sendgrid: S.sendgrid, query: `mutation { login(secret: \\"${S.keyInGraphql}\\") { ok } }` } }, T + 10, T + 20, { frameKey: '3:doc', kind: 'resolver', summary: `requestRemote GET /tasks?token=${S.summaryToken} → 200` }),
    call('invoke', { functionKey: 'x' }, T + 30, T + 40, { frameKey: '3:doc', kind: 'resolver', summary: 'invoke x', status: 'error', error: { value: { message: `401 from upstream: Authorization: Bearer ${S.bearerInError}` }, bytes: 50, truncated: false } }),
  ];
  const payload0 = calls[0]!.request.value as Record<string, unknown>;
  // An own '__proto__' key, as JSON.parse makes one.
  Object.defineProperty(payload0, '__proto__', { value: { password: S.protoPass }, enumerable: true, writable: true, configurable: true });
  const network = [entry({ url: 'https://api.example.com/x', startedAt: T + 12, category: 'remote', responseBody: `{"__proto__":{"password":"${S.protoBody}"}}` }), entry({ url: `https://api.example.com/v1/tokens/${S.pathToken}/status`, startedAt: T + 11, category: 'remote' })];
  const session = newTabSession(7, { segments: [{ index: 0, startedAt: T, url: `http://127.0.0.1:9000/index.html?session_token=${S.segmentToken}` }], frames: [frame], calls, network, networkFeed: 'on' });
  const trace = traceOf(session);
  const redacted = redactTrace(trace);
  const texts = [JSON.stringify(redacted), JSON.stringify(toHar(redacted))];
  const raw = JSON.stringify(trace);
  const encodings = (v: string) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1), Buffer.from(v).toString('base64')];
  for (const [name, value] of Object.entries(S)) {
    expect(raw.includes(value) || raw.includes(JSON.stringify(value).slice(1, -1)), `${name} planted`).toBe(true);
    for (const text of texts) for (const form of encodings(value)) expect(text.includes(form), `${name} survived as ${form}`).toBe(false);
  }
  });
});

/** A one-frame trace of these calls and requests, and its redaction. */
function plantedIn(calls: CallRecord[], network: NetworkEntry[]): { trace: TraceV2; redacted: TraceV2 } {
  const frame: FrameRecord = { key: '3:doc', frameId: 3, docId: 'doc', url: 'http://localhost:8000/main/index.html', isTop: false, parentUrl: 'http://127.0.0.1:9000/', firstSeenAt: T, hookReady: true, bridge: null, transport: 'post-robot', segment: 0 };
  const trace = traceOf(newTabSession(7, { segments: [{ index: 0, startedAt: T, url: 'http://127.0.0.1:9000/' }], frames: [frame], calls, network, networkFeed: 'on' }));
  return { trace, redacted: redactTrace(trace) };
}

/** Each secret is in the trace as recorded, and in neither the redacted JSON nor its HAR (each text as `read` gives it). */
function expectGone(trace: TraceV2, redacted: TraceV2, secrets: Record<string, string>, read = (text: string) => text): void {
  const raw = read(JSON.stringify(trace));
  const exported = [JSON.stringify(redacted), JSON.stringify(toHar(redacted))].map(read);
  for (const [name, value] of Object.entries(secrets)) {
    expect(raw.includes(value), `${name} planted`).toBe(true);
    for (const text of exported) expect(text.includes(value), `${name} survived`).toBe(false);
  }
}

/** A signed JWT whose signature is the planted value. */
const signedWith = (signature: string, sub: string) => `${jwt({ sub, exp: 1_800_000_060 }).split('.').slice(0, 2).join('.')}.${signature}`;

describe('JWTs glued to a word, and credentials in header names', () => {
  const J = {
    dashKey: 'dashJoinedKeySignature0123456789abcdef',
    underscoreValue: 'underscoreJoinedValueSig0123456789ab',
    entryHeaderName: 'entryHeaderNameSignature0123456789abcd',
    pairHeaderName: 'pairHeaderNameSignature0123456789abcdef',
    recordHeaderName: 'recordHeaderNameSignature0123456789abc',
    objectHeaderName: 'objectHeaderNameSignature0123456789ab',
    objectHeaderTwin: 'objectHeaderTwinSignature0123456789ab',
    gluedFormat: 'ghp_' + 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8',
    digitGlued: 'digitGluedSignature0123456789abcdefgh',
    escapedQuoteGlued: 'escapedQuoteGluedSig0123456789abcdefg',
  };
  const calls = [
    call('invoke', {
      functionKey: 'cache',
      payload: {
        [`cache-${signedWith(J.dashKey, 'k')}`]: 'hit',
        note: `session_${signedWith(J.underscoreValue, 'v')}`,
        init: { headers: [[`X-${signedWith(J.pairHeaderName, 'p')}`, '1'], { name: `X-${signedWith(J.recordHeaderName, 'r')}`, value: '1' }] },
        // Two names that redact to the same text: both values stay.
        headers: { [`X-${signedWith(J.objectHeaderName, 'o')}`]: 'first', [`X-${signedWith(J.objectHeaderTwin, 'o')}`]: 'second' },
        token: `X-${J.gluedFormat}`,
        versioned: `v1${signedWith(J.digitGlued, 'd')}`,
        // JSON whose quotes a .NET encoder wrote as \u0022, kept as text one level down.
        html: `{\\u0022t\\u0022:\\u0022${signedWith(J.escapedQuoteGlued, 'q')}\\u0022}`,
      },
    }, T + 10, T + 20, { frameKey: '3:doc', kind: 'resolver', summary: 'invoke cache' }),
  ];
  const network = [entry({ url: 'https://api.example.com/x', startedAt: T + 12, category: 'remote', requestHeaders: [{ name: `X-${signedWith(J.entryHeaderName, 'e')}`, value: '1' }] })];
  const { trace, redacted } = plantedIn(calls, network);

  it('are in the unredacted trace and in neither the redacted JSON nor the HAR', () => expectGone(trace, redacted, J));

  it('keep the claims readable and every entry under a renamed name', () => {
    const payload = (redacted.calls[0]!.request.value as { payload: Record<string, unknown> }).payload;
    const dashKey = Object.keys(payload).find((k) => k.startsWith('cache-'))!;
    expect(dashKey.endsWith(`.${REDACTED_SIGNATURE}`)).toBe(true);
    // Its value stays (masked or not: the name's base64 may spell a sensitive word).
    expect(payload[dashKey]).toBeDefined();
    // Header values go unless on the safe list; both headers stay, the second numbered.
    expect(Object.keys(payload.headers as Record<string, unknown>)).toHaveLength(2);
    expect(Object.keys(payload.headers as Record<string, unknown>)[1]).toMatch(/ #2$/);
    expect(redacted.network[0]!.requestHeaders[0]!.name).toMatch(new RegExp(`^X-eyJ[\\w-]+\\.eyJ[\\w-]+\\.${REDACTED_SIGNATURE}$`));
  });
});

describe("a JWT's claims", () => {
  const FIT_CLAIMS = (JSON.parse(readFileSync(new URL('../tokens/real-forge/fit-claims.docs-2026.json', import.meta.url), 'utf8')) as { claims: Record<string, unknown> }).claims;
  const C = { namedClaim: 'claimApiKeyValue0123456789abcdef', formatInClaim: 'sk_live_' + '51ClaimZyXwVuTsRqPoNmLkJiHgFe', nestedPassword: 'claimNestedPassw0rd4455' };
  const withSecrets = jwt({ sub: 'acct-1', exp: 1_800_000_060, apiKey: C.namedClaim, note: `charged with ${C.formatInClaim}`, profile: { password: C.nestedPassword, name: 'Ann' } });
  const fit = jwt(FIT_CLAIMS);
  const calls = [call('invoke', { functionKey: 'x', payload: { handoff: withSecrets } }, T + 10, T + 20, { frameKey: '3:doc', kind: 'resolver', summary: 'invoke x' })];
  const network = [
    entry({ url: 'https://remote.example/a', startedAt: T + 12, category: 'forge-jwt', requestHeaders: [{ name: 'Authorization', value: `Bearer ${withSecrets}` }] }),
    entry({ url: 'https://remote.example/b', startedAt: T + 14, category: 'forge-jwt', requestHeaders: [{ name: 'Authorization', value: `Bearer ${fit}` }] }),
  ];
  const { trace, redacted } = plantedIn(calls, network);
  /** The text, plus what each base64url run in it decodes to (a JWT's payload). */
  const decodedToo = (text: string) => [text, ...(text.match(/[\w-]{16,}/g) ?? []).map((run) => Buffer.from(run, 'base64url').toString('latin1'))].join('\n');

  it('lose a secret they hold, in the JWT and in the token record, in the JSON and the HAR', () => {
    expect(trace.tokens.some((t) => (t.claims as { apiKey?: string }).apiKey === C.namedClaim)).toBe(true);
    expectGone(trace, redacted, C, decodedToo);
  });

  it('stay readable otherwise: a FIT as the docs describe it keeps every claim, and the JWT its header and claims', () => {
    const record = redacted.tokens.find((t) => t.jwt.startsWith(fit.slice(0, fit.lastIndexOf('.'))))!;
    expect(record.claims).toEqual(FIT_CLAIMS);
    expect(record.jwt).toBe(`${fit.slice(0, fit.lastIndexOf('.'))}.${REDACTED_SIGNATURE}`);
    const other = redacted.tokens.find((t) => (t.claims as { sub?: string }).sub === 'acct-1')!;
    expect(other.claims).toMatchObject({ sub: 'acct-1', exp: 1_800_000_060, apiKey: REDACTED, profile: { name: 'Ann', password: REDACTED } });
    expect(JSON.parse(Buffer.from(other.jwt.split('.')[1]!, 'base64url').toString())).toEqual(other.claims);
  });
});

describe('secrets in XML, in JSON Web Keys, in GraphQL variables named otherwise and in HTML-escaped JSON', () => {
  const X = {
    xmlElement: 'xmlElementPassword0042',
    xmlNamespaced: 'xmlNamespacedApiKey0043',
    shortXml: 'pw1',
    jwkPrivate: 'jwkPrivateExponentD0123456789abcdefABCDEF',
    jwkSymmetric: 'jwkSymmetricK0123456789abcdefABCDEFgh',
    gqlVariable: 'gqlRenamedVariableSecret77',
    htmlProps: 'htmlPropsApiKey0099',
    goTemplate: 'goTemplateToken0100',
  };
  // Props a server rendered into an HTML attribute, the JSON's quotes as character references (React and Rails
  // write &quot;, Go's templates &#34;).
  const html = `<div class="app" data-props="{&quot;apiKey&quot;:&quot;${X.htmlProps}&quot;,&quot;user&quot;:&quot;ann&quot;}">Tom &amp; Ann</div><i data-c="{&#34;token&#34;:&#34;${X.goTemplate}&#34;}"></i>`;
  const soap = `<Envelope><Body><login><user>ann</user><password>${X.xmlElement}</password><ns:apiKey>${X.xmlNamespaced}</ns:apiKey></login></Body></Envelope>`;
  const calls = [
    call('invoke', {
      functionKey: 'keys',
      payload: {
        signing: { kty: 'RSA', kid: 'k1', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl', e: 'AQAB', d: X.jwkPrivate },
        jwks: { keys: [{ kty: 'oct', alg: 'HS256', k: X.jwkSymmetric }] },
        graphql: JSON.stringify({ query: 'mutation Login($t: String!, $who: String) { login(token: $t, user: $who) { ok } }', variables: { t: X.gqlVariable, who: 'ann' } }),
        short: `<auth><pwd>${X.shortXml}</pwd></auth>`,
      },
    }, T + 10, T + 20, { frameKey: '3:doc', kind: 'resolver', summary: 'invoke keys' }),
  ];
  const network = [
    entry({ url: 'https://soap.example/svc', startedAt: T + 12, category: 'remote', requestBody: soap, responseBody: '<ok/>' }),
    entry({ url: 'https://remote.example/page', startedAt: T + 14, category: 'remote', responseBody: html }),
  ];
  const { trace, redacted } = plantedIn(calls, network);

  it('are in the unredacted trace and in neither the redacted JSON nor the HAR', () => expectGone(trace, redacted, X));

  it('keep what is no secret: element names and other elements, a public key, other variables, the HTML around', () => {
    expect(redacted.network[0]!.requestBody).toBe(`<Envelope><Body><login><user>ann</user><password>${REDACTED}</password><ns:apiKey>${REDACTED}</ns:apiKey></login></Body></Envelope>`);
    const payload = (redacted.calls[0]!.request.value as { payload: Record<string, unknown> }).payload;
    expect(payload.signing).toMatchObject({ kty: 'RSA', kid: 'k1', e: 'AQAB', d: REDACTED });
    expect((payload.signing as { n: string }).n).toMatch(/^sXch/);
    expect(JSON.parse(payload.graphql as string).variables).toEqual({ t: REDACTED, who: 'ann' });
    expect(redacted.network[1]!.responseBody).toBe(html.replace(X.htmlProps, REDACTED).replace(X.goTemplate, REDACTED));
  });
});
