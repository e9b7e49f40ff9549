import { describe, expect, it } from 'vitest';
import { categorize, fromHarEntry, readForgeGraphql, remoteOriginsOf } from '../../../src/network';
import { LIMITS } from '../../../src/protocol/limits';
import { FIT, fitMint, har, jwt } from './fixtures';

const none = { remoteOrigins: new Set<string>() };

describe('categorize', () => {
  it('keeps Forge GraphQL operations, single or batched, by operationName or by the query', () => {
    expect(categorize(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: { operationName: 'forge_ui_invokeExtension', query: '' } }), none)).toBe('forge-graphql');
    expect(categorize(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: [{ query: 'query other { a }' }, { query: 'mutation useInvokeExtensionRelayMutation($i: I) { x }' }] }), none)).toBe('forge-graphql');
    expect(categorize(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: { operationName: 'signInvocationTokenForUI' } }), none)).toBe('forge-graphql');
  });

  it('drops ordinary traffic: other GraphQL, scripts, analytics, a JWT that is not Forge\'s', () => {
    expect(categorize(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: { operationName: 'JiraIssueViewQuery' } }), none)).toBeNull();
    expect(categorize(har('GET', 'https://x.atlassian.net/static/app.js'), none)).toBeNull();
    expect(categorize(har('POST', 'https://analytics.example/v1/events', { body: { e: 1 } }), none)).toBeNull();
    expect(categorize(har('GET', 'https://api.example/me', { headers: { Authorization: `Bearer ${jwt({ iss: 'auth0' }, { alg: 'RS256' })}` } }), none)).toBeNull();
    expect(categorize(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: 'not json' }), none)).toBeNull();
  });

  it('keeps FIT-bearing requests, requests to known remotes (preflights included), and product REST', () => {
    expect(categorize(har('GET', 'https://remote.example/tasks', { headers: { authorization: `Bearer ${FIT}` } }), none)).toBe('forge-jwt');
    const known = { remoteOrigins: new Set(['https://remote.example']) };
    expect(categorize(har('OPTIONS', 'https://remote.example/tasks', { resourceType: 'preflight' }), known)).toBe('remote');
    expect(categorize(har('GET', 'https://x.atlassian.net/rest/api/3/myself'), none)).toBe('product');
    expect(categorize(har('GET', 'https://x.atlassian.net/wiki/rest/api/content'), none)).toBe('product');
  });
});

describe('categorize: product REST only on the page\'s own origins and the product API host', () => {
  it('drops any other origin\'s /rest/api/ path', () => {
    expect(categorize(har('GET', 'https://evil.example/rest/api/3/myself'), none)).toBeNull();
    expect(categorize(har('GET', 'http://x.atlassian.net/rest/api/3/myself'), none)).toBeNull();
    expect(categorize(har('GET', 'https://api.bitbucket.org/2.0/user'), none)).toBe('product');
  });

  it('with the page\'s origins known, keeps only those (a sandbox site included) and the API host', () => {
    const page = { remoteOrigins: new Set<string>(), pageOrigins: new Set(['http://127.0.0.1:8123']) };
    expect(categorize(har('GET', 'http://127.0.0.1:8123/rest/api/3/myself'), page)).toBe('product');
    expect(categorize(har('GET', 'https://other.atlassian.net/rest/api/3/myself'), page)).toBeNull();
    expect(categorize(har('GET', 'https://api.bitbucket.org/2.0/user'), page)).toBe('product');
  });
});

describe('fromHarEntry and what entries teach', () => {
  it('bounds bodies, keeps -1 for phases that did not apply, and names the GraphQL operation', () => {
    const big = 'x'.repeat(LIMITS.networkBodyChars + 10);
    const e = fromHarEntry(har('POST', 'https://x.atlassian.net/gateway/api/graphql', { body: { operationName: 'forge_ui_invokeExtension' } }), { text: big, encoding: null }, { id: 'n1', segment: 2, category: 'forge-graphql' });
    expect(e).toMatchObject({ id: 'n1', segment: 2, operationName: 'forge_ui_invokeExtension', bodyTruncated: true, startedAt: Date.parse('2026-11-23T10:00:00.000Z') });
    expect(e.responseBody).toHaveLength(LIMITS.networkBodyChars);
    expect(e.timings).toEqual({ blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 15, receive: 3.5 });
  });

  it('learns remote origins from a FIT mint and from where a FIT went', () => {
    const sent = fromHarEntry(har('GET', 'https://other-remote.example/x', { headers: { Authorization: `Bearer ${FIT}` } }), { text: null, encoding: null }, { id: 'n2', segment: 0, category: 'forge-jwt' });
    expect([...remoteOriginsOf([fitMint(1, 'https://remote.example/api'), sent])].sort()).toEqual(['https://other-remote.example', 'https://remote.example']);
  });

  it('reads a truncated GraphQL body without throwing', () => {
    const mint = fitMint(1);
    expect(readForgeGraphql({ requestBody: mint.requestBody!.slice(0, 30), responseBody: null })).toEqual([]);
    expect(readForgeGraphql(mint)[0]).toMatchObject({ operationName: 'signInvocationTokenForUI', remoteKey: 'remote-a', response: { fit: { jwt: FIT }, baseUrl: 'http://remote.test' } });
  });
});
