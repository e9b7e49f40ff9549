import { describe, expect, it } from 'vitest';
import { remoteEndpointOf } from '../../../src/bridge';
import { callFailed, callOutcome, statusLabel } from '../../../src/query';
import { httpOf } from '../../../src/query/callFacts';
import { callFailedWith } from '../../../src/query/outcome';
import { pathStats } from '../../../src/stats/compare';
import { call, requestRemote } from '../network/fixtures';

// Bridge answers in the shapes forge-facts §2 gives: fetchRemote/fetchProduct `{body, headers, status, statusText,
// isAttachment}`; invokeRemote `{success, payload?: {status, headers, body}, error?: {status, headers, body}}`.
const fetched = (status: number) => ({ value: { body: '{"error":"invalid_fit"}', headers: { 'content-type': 'application/json' }, status, statusText: '', isAttachment: false }, bytes: 80, truncated: false });
const invokeRemote = { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' };
const cases = {
  requestRemote401: call('fetchRemote', requestRemote('/tasks'), 0, 10, { kind: 'requestRemote', response: fetched(401) }),
  requestRemote500: call('fetchRemote', requestRemote('/tasks'), 0, 10, { kind: 'requestRemote', response: fetched(500) }),
  requestRemote200: call('fetchRemote', requestRemote('/tasks'), 0, 10, { kind: 'requestRemote', response: fetched(200) }),
  invokeRemote404: call('invoke', invokeRemote, 0, 10, { kind: 'invokeRemote', response: { value: { success: false, error: { status: 404, headers: {}, body: 'Not Found' } }, bytes: 40, truncated: false } }),
  invokeRemoteNoStatus: call('invoke', invokeRemote, 0, 10, { kind: 'invokeRemote', response: { value: { success: false }, bytes: 20, truncated: false } }),
  jira404: call('fetchProduct', { product: 'jira', restPath: '/rest/api/3/issue/X-1', fetchRequestInit: {} }, 0, 10, { kind: 'product', response: fetched(404) }),
  rejected: call('invoke', { functionKey: 'boom' }, 0, 10, { kind: 'resolver', status: 'error', response: null, error: { value: { $fbdt: 'error', text: 'boom' }, bytes: 10, truncated: false } }),
  // A resolver may return `{status: 500}` as data: that is not an HTTP answer and not a failure.
  resolverWithStatusField: call('invoke', { functionKey: 'getIssues' }, 0, 10, { kind: 'resolver', response: { value: { status: 500 }, bytes: 10, truncated: false } }),
  pending: call('getContext', null, 0, null, { kind: 'context', status: 'pending', response: null }),
};

describe('callOutcome: the one definition of a failed call', () => {
  it('labels Status with the HTTP status, "rejected", "error", "⋯ pending" or "ok"', () => {
    const labels = Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, statusLabel(callOutcome(c))]));
    expect(labels).toEqual({
      requestRemote401: '401', requestRemote500: '500', requestRemote200: '200', invokeRemote404: '404', invokeRemoteNoStatus: 'error',
      jira404: '404', rejected: 'rejected', resolverWithStatusField: 'ok', pending: '⋯ pending',
    });
  });

  it('counts 4xx/5xx answers, success:false and rejections as failures, and nothing else', () => {
    const failed = Object.entries(cases).filter(([, c]) => callFailed(c)).map(([k]) => k);
    expect(failed).toEqual(['requestRemote401', 'requestRemote500', 'invokeRemote404', 'invokeRemoteNoStatus', 'jira404', 'rejected']);
  });

  it('is what Compare counts as an error', () => {
    const all = Object.values(cases);
    const stats = pathStats(all);
    expect(stats.errors).toBe(all.filter((c) => c.endedAt !== null && callFailed(c)).length);
    expect(stats.errors).toBe(6);
  });

  it('reads the same from the HTTP side of a request read before (callFailedWith, what the statistics of Compare use)', () => {
    const all = Object.values(cases);
    expect(all.map((c) => callFailedWith(c, httpOf(c)))).toEqual(all.map(callFailed));
    // Read before means read from the same request: remote endpoints carry the HTTP side Compare groups by.
    const remote = all.filter((c) => remoteEndpointOf(c.command, c.request.value) !== null);
    expect(remote.length).toBeGreaterThanOrEqual(5);
    const endpoints = remote.map((c) => remoteEndpointOf(c.command, c.request.value)!);
    expect(pathStats(remote, endpoints)).toEqual(pathStats(remote));
    expect(pathStats(remote).errors).toBe(4);
  });
});
