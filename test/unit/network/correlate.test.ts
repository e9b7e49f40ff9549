import { describe, expect, it } from 'vitest';
import { computePhases, correlate, PENDING_WINDOW_MS } from '../../../src/network';
import { call, entry, FIT, fitMint, invokeGraphql, requestRemote } from './fixtures';

const remoteEntry = (path: string, at: number, extra = {}) =>
  entry({ url: `http://remote.test${path}`, category: 'forge-jwt', startedAt: at, requestHeaders: [{ name: 'Authorization', value: `Bearer ${FIT}` }], ...extra });

describe('correlate', () => {
  it('matches a requestRemote call to its direct request and the FIT mint it waited on', () => {
    const c = call('fetchRemote', requestRemote('/tasks?x=1'), 1000, 1100);
    const mint = fitMint(1005);
    const direct = remoteEntry('/tasks?x=1', 1020);
    const other = remoteEntry('/tasks?x=2', 1030);
    const matches = correlate([c], [other, direct, mint]);
    expect(matches).toEqual([
      { callId: c.id, entryId: direct.id, relation: 'remote-request', certainty: 'certain', candidates: 1 },
      { callId: c.id, entryId: mint.id, relation: 'token-renewal', certainty: 'certain', candidates: 1 },
    ]);
  });

  it('pairs sequential identical calls with their own requests, certainly, whatever order the entries arrive in', () => {
    const a = call('fetchRemote', requestRemote('/tasks'), 1000, 1050);
    const b = call('fetchRemote', requestRemote('/tasks'), 2000, 2050);
    const ea = remoteEntry('/tasks', 1010);
    const eb = remoteEntry('/tasks', 2010);
    const matches = correlate([b, a], [eb, ea]);
    expect(matches.map((m) => [m.callId, m.entryId, m.certainty])).toEqual([
      [a.id, ea.id, 'certain'],
      [b.id, eb.id, 'certain'],
    ]);
  });

  it('marks overlapping identical calls uncertain instead of guessing', () => {
    const a = call('fetchRemote', requestRemote('/tasks'), 1000, 1100);
    const b = call('fetchRemote', requestRemote('/tasks'), 1001, 1100);
    const matches = correlate([a, b], [remoteEntry('/tasks', 1020), remoteEntry('/tasks', 1021)]);
    expect(matches).toHaveLength(2);
    expect(matches.every((m) => m.certainty === 'uncertain' && m.candidates === 2)).toBe(true);
    expect(new Set(matches.map((m) => m.entryId)).size).toBe(2);
  });

  it('ignores preflights, requests outside the call, and other methods; a base URL path from the mint is honoured', () => {
    const c = call('fetchRemote', requestRemote('/upload', 'POST'), 1000, 1100);
    const preflight = entry({ url: 'http://remote.test/api/upload', category: 'remote', method: 'OPTIONS', startedAt: 1005 });
    const late = remoteEntry('/api/upload', 5000, { method: 'POST' });
    const get = remoteEntry('/api/upload', 1010);
    const post = remoteEntry('/api/upload', 1020, { method: 'POST' });
    const matches = correlate([c], [preflight, late, get, post, fitMint(900, 'http://remote.test/api/')]);
    expect(matches.filter((m) => m.relation === 'remote-request').map((m) => m.entryId)).toEqual([post.id]);
    expect(correlate([c], [preflight, late, get])).toEqual([]);
  });

  it('matches resolver invokes by function key and remote invokes by path, method and invokeType', () => {
    const resolver = call('invoke', { functionKey: 'getIssues', payload: { page: 1 } }, 1000, 1200);
    const remote = call('invoke', { path: '/tasks', method: 'POST', invokeType: 'ui-remote-fetch', body: {} }, 1000, 1200);
    const gResolver = invokeGraphql({ functionKey: 'getIssues', payload: { page: 1 } }, 1010);
    const gRemote = invokeGraphql({ path: '/tasks', method: 'POST', invokeType: 'ui-remote-fetch' }, 1011);
    const gOther = invokeGraphql({ path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, 1012);
    const matches = correlate([resolver, remote], [gOther, gRemote, gResolver]);
    expect(matches.map((m) => [m.callId, m.entryId, m.relation])).toEqual([
      [resolver.id, gResolver.id, 'graphql'],
      [remote.id, gRemote.id, 'graphql'],
    ]);
  });

  it('matches product requests by method and REST path', () => {
    const c = call('fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself', fetchRequestInit: { method: 'GET' } }, 1000, 1100);
    const e = entry({ url: 'http://site.test/rest/api/3/myself', category: 'product', startedAt: 1010 });
    expect(correlate([c], [e])).toEqual([{ callId: c.id, entryId: e.id, relation: 'product-request', certainty: 'certain', candidates: 1 }]);
  });

  it('handles 100,000 calls against 10,000 entries with each entry used once', () => {
    const calls = Array.from({ length: 100_000 }, (_, i) => call('fetchRemote', requestRemote(`/item/${i % 10_000}`), i * 10, i * 10 + 5));
    const entries = Array.from({ length: 10_000 }, (_, i) => remoteEntry(`/item/${i}`, i * 10 + 1));
    const matches = correlate(calls, entries);
    expect(matches).toHaveLength(10_000);
    expect(new Set(matches.map((m) => m.entryId)).size).toBe(10_000);
    expect(matches.every((m) => m.certainty === 'certain')).toBe(true);
  });
});

describe('computePhases', () => {
  it('splits a requestRemote call into bridge out, token fetch, the network phases and bridge back', () => {
    const c = call('fetchRemote', requestRemote('/tasks'), 1000, 1100);
    const mint = fitMint(1005);
    const direct = remoteEntry('/tasks', 1030, { durationMs: 40 });
    const phases = computePhases(c, correlate([c], [direct, mint]), [direct, mint]);
    expect(phases).toEqual({
      callId: c.id, totalMs: 100, bridgeOutMs: 30, tokenFetchMs: 8,
      network: { blocked: 1, dns: 0, connect: 0, ssl: 0, send: 0.5, wait: 15, receive: 3.5 },
      bridgeBackMs: 30, appTimeMs: null, platformOverheadMs: null,
    });
  });

  it('reports the platform overhead of an invocation from metrics.appTimeMs, and clamps clock skew to 0', () => {
    const c = call('invoke', { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, 1000, 1010);
    const g = invokeGraphql({ path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, 1002, { success: true, metrics: { appTimeMs: 9 } });
    const phases = computePhases(c, correlate([c], [g]), [g]);
    expect(phases).toMatchObject({ appTimeMs: 9, platformOverheadMs: 6, bridgeBackMs: 0 });
    expect(computePhases(c, [], [])).toMatchObject({ network: null, bridgeOutMs: null, totalMs: 10 });
  });
});

describe('correlate: resolver calls told apart by their payload', () => {
  it('matches two overlapping calls of one function to their own requests, certainly, by payload', () => {
    const a = call('invoke', { functionKey: 'getIssues', payload: { page: 1 } }, 1000, 1200);
    const b = call('invoke', { functionKey: 'getIssues', payload: { page: 2 } }, 1001, 1200);
    const gb = invokeGraphql({ functionKey: 'getIssues', payload: { page: 2 } }, 1010);
    const ga = invokeGraphql({ functionKey: 'getIssues', payload: { page: 1 } }, 1011);
    const matches = correlate([a, b], [gb, ga]);
    expect(matches.map((m) => [m.callId, m.entryId, m.certainty])).toEqual([
      [a.id, ga.id, 'certain'],
      [b.id, gb.id, 'certain'],
    ]);
  });

  it('falls back to the function key when the snapshot was cut, and then says it is uncertain', () => {
    const a = call('invoke', { functionKey: 'big', payload: { $fbdt: 'truncated' } }, 1000, 1200, { request: { value: { functionKey: 'big', payload: { $fbdt: 'truncated' } }, bytes: 70_000, truncated: true } });
    const b = call('invoke', { functionKey: 'big', payload: { x: 1 } }, 1001, 1200);
    const g1 = invokeGraphql({ functionKey: 'big', payload: { huge: 'x' } }, 1010);
    const g2 = invokeGraphql({ functionKey: 'big', payload: { x: 1 } }, 1011);
    const matches = correlate([a, b], [g1, g2]);
    expect(matches.find((m) => m.callId === b.id)).toMatchObject({ entryId: g2.id });
    expect(matches.find((m) => m.callId === a.id)).toMatchObject({ entryId: g1.id, certainty: 'uncertain' });
  });
});

describe('correlate: batched GraphQL and pending calls', () => {
  it('gives each operation of one batched request to its own call', () => {
    const a = call('invoke', { functionKey: 'first', payload: {} }, 1000, 1200);
    const b = call('invoke', { functionKey: 'second', payload: {} }, 1001, 1200);
    const op = (functionKey: string) => ({ operationName: 'forge_ui_invokeExtension', variables: { input: { extensionId: 'x', payload: { call: { functionKey, payload: {} } } } } });
    const batch = entry({
      url: 'http://site.test/gateway/api/graphql', category: 'forge-graphql', method: 'POST', startedAt: 1010, operationName: 'forge_ui_invokeExtension',
      requestBody: JSON.stringify([op('second'), op('first')]),
      responseBody: JSON.stringify([{ data: { invokeExtension: { success: true } } }, { data: { invokeExtension: { success: true } } }]),
    });
    const matches = correlate([a, b], [batch]);
    expect(matches.map((m) => [m.callId, m.entryId, m.relation, m.certainty])).toEqual([
      [a.id, batch.id, 'graphql', 'certain'],
      [b.id, batch.id, 'graphql', 'certain'],
    ]);
  });

  it('links a requestRemote call to the FIT mint it waited on even when its request to the remote was not recorded', () => {
    const c = call('fetchRemote', requestRemote('/tasks'), 1000, 1100);
    const unrelated = call('invoke', { functionKey: 'other', payload: {} }, 900, 950);
    const mint = fitMint(1005);
    expect(correlate([unrelated, c], [mint])).toEqual([{ callId: c.id, entryId: mint.id, relation: 'token-renewal', certainty: 'certain', candidates: 1 }]);
  });

  it('gives a call that never settled a bounded window, so it cannot claim a request made much later', () => {
    const pending = call('fetchRemote', requestRemote('/tasks'), 1000, null);
    const soon = remoteEntry('/tasks', 1000 + PENDING_WINDOW_MS - 1000);
    const muchLater = remoteEntry('/tasks', 1000 + PENDING_WINDOW_MS + 5000);
    expect(correlate([pending], [muchLater])).toEqual([]);
    expect(correlate([pending], [muchLater, soon]).map((m) => m.entryId)).toEqual([soon.id]);
  });
});
