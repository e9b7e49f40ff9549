import { newTabSession, type CallRecord, type FrameRecord, type NetworkEntry, type TabSession } from '../../src/protocol';

/** A session as large as the bench wants: resolver invokes, requestRemote and invokeRemote calls, a FIT-bearing request every 40 calls. */
export function session(calls: number): TabSession {
  const t0 = 1_800_000_000_000;
  const list: CallRecord[] = [];
  for (let i = 0; i < calls; i++) {
    const remote = i % 4 === 0;
    // An app that reaches its remote both ways (what the remote-path comparison is for): every 8th call is an
    // invokeRemote of the endpoint the requestRemote calls reach, so no rule can skip the comparison.
    const proxied = i % 8 === 2;
    const common = { id: `1:doc#${i + 1}`, frameKey: '1:doc', callId: i + 1, segment: 0, startedAt: t0 + i * 3, endedAt: t0 + i * 3 + 2, status: 'ok' as const, error: null, deliveries: [], deliveriesDropped: 0 };
    if (proxied) {
      list.push({
        ...common, command: 'invoke', kind: 'invokeRemote', summary: 'invokeRemote GET /tasks → 200',
        request: { value: { path: `/tasks?page=${i}`, method: 'GET', invokeType: 'ui-remote-fetch' }, bytes: 70, truncated: false },
        response: { value: { success: true, payload: { status: 200, body: `{"items":[${i}]}` } }, bytes: 60, truncated: false },
      });
      continue;
    }
    list.push({
      ...common,
      command: remote ? 'fetchRemote' : 'invoke', kind: remote ? 'requestRemote' : 'resolver',
      summary: remote ? 'requestRemote remote-a GET /tasks → 200' : 'invoke getIssues',
      request: { value: remote ? { remoteKey: 'remote-a', fetchRequestInit: { path: `/tasks?page=${i}`, method: 'GET' } } : { functionKey: 'getIssues', payload: { page: i, password: 'x' } }, bytes: 80, truncated: false },
      response: { value: { status: 200, body: `{"items":[${i}]}` }, bytes: 40, truncated: false },
    });
  }
  const network: NetworkEntry[] = [];
  for (let i = 0; i < calls; i += 40) {
    network.push({
      id: `n${i}`, startedAt: t0 + i * 3 + 1, durationMs: 1, method: 'GET', url: `https://remote.example/tasks?page=${i}`, status: 200, statusText: 'OK',
      requestHeaders: [{ name: 'Authorization', value: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJmb3JnZS9pbnZvY2F0aW9uLXRva2VuIn0.c2lnbmF0dXJl' }], responseHeaders: [],
      requestBody: null, responseBody: '{"items":[]}', responseBodyEncoding: null, bodyTruncated: false, requestBodySize: 0, responseBodySize: 12, mimeType: 'application/json',
      timings: { blocked: 0, dns: -1, connect: -1, ssl: -1, send: 0, wait: 1, receive: 0 }, category: 'forge-jwt', operationName: null, segment: 0,
    });
  }
  const frame: FrameRecord = {
    key: '1:doc', frameId: 1, docId: 'doc', url: 'https://59n3u0-x.cdn.prod.atlassian-dev.net/app/env/dep/main/index.html', isTop: false, parentUrl: 'https://site.atlassian.net/jira',
    firstSeenAt: t0 - 100, hookReady: true, bridge: { semver: '1.15.3', frozen: false, via: 'trap' }, transport: 'post-robot', segment: 0,
  };
  const segments = [{ index: 0, startedAt: t0 - 200, url: 'https://site.atlassian.net/jira' }];
  return newTabSession(1, { segments, frames: [frame], calls: list, maxCalls: calls, network, networkFeed: 'on' });
}
