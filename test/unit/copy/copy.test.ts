import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callAsCode, callAsMarkdown, requestRemoteAsCurl, requestRemoteAsFetch, shellQuote } from '../../../src/copy';
import { call, entry, FIT, requestRemote } from '../network/fixtures';

describe('callAsCode', () => {
  it('writes the @forge/bridge call for each kind, with cut values as comments', () => {
    expect(callAsCode(call('invoke', { functionKey: 'getIssues', payload: { page: 2, fn: { $fbdt: 'function', text: 'cb' } } }, 0, 1))).toBe(
      'await invoke("getIssues", {\n  page: 2,\n  fn: undefined /* function: cb */,\n});',
    );
    expect(callAsCode(call('invoke', { path: '/tasks', method: 'POST', invokeType: 'ui-remote-fetch', body: { a: 1 } }, 0, 1))).toBe(
      'await invokeRemote({\n  path: "/tasks",\n  method: "POST",\n  body: {\n    a: 1,\n  },\n});',
    );
    expect(callAsCode(call('fetchRemote', requestRemote('/tasks'), 0, 1))).toMatch(/^await requestRemote\("remote-a", \{\n {2}path: "\/tasks",\n {2}method: "GET"/);
    expect(callAsCode(call('fetchProduct', { product: 'confluence', restPath: '/wiki/rest/api/content', fetchRequestInit: { method: 'GET' } }, 0, 1))).toBe(
      'await requestConfluence(route`/wiki/rest/api/content`, {\n  method: "GET",\n});',
    );
    expect(callAsCode(call('getContext', null, 0, 1))).toContain('await callBridge("getContext", null);');
  });
});

describe('requestRemote as cURL and fetch', () => {
  const c = call('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path: '/notes', method: 'POST', body: `{"text":"it's here"}`, headers: [['content-type', 'application/json']] } }, 0, 1);
  const matched = entry({ url: 'https://remote.example/notes', category: 'forge-jwt', method: 'POST', requestHeaders: [{ name: 'Authorization', value: `Bearer ${FIT}` }, { name: 'Content-Type', value: 'application/json' }, { name: 'Origin', value: 'https://x' }], requestBody: `{"text":"it's here"}` });

  it('uses the matched request and keeps the token out unless asked; quotes survive the shell', () => {
    const curl = requestRemoteAsCurl(c, matched, { includeToken: false })!;
    expect(curl).not.toContain(FIT);
    expect(curl).toContain('-H "Authorization: Bearer $FORGE_FIT"');
    expect(curl).not.toContain('Origin');
    expect(requestRemoteAsCurl(c, matched, { includeToken: true })).toContain(FIT);
    // What the shell hands curl is the body as sent.
    const body = /--data-raw (.*)$/.exec(curl)![1]!;
    expect(execFileSync('sh', ['-c', `printf %s ${body}`]).toString()).toBe(`{"text":"it's here"}`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it('without a matched request, says the base URL is unknown', () => {
    expect(requestRemoteAsCurl(c, null, { includeToken: false })).toContain(`curl '<remote base URL>/notes'`);
    const fetchCode = requestRemoteAsFetch(c, null, { includeToken: false })!;
    expect(fetchCode).toContain('"Authorization": `Bearer ${FORGE_FIT}`');
    expect(fetchCode).toContain('"content-type": "application/json"');
    expect(requestRemoteAsCurl(call('getContext', null, 0, 1), null, { includeToken: false })).toBeNull();
  });
});

describe('callAsMarkdown', () => {
  it('summarises a call for an issue with bounded JSON blocks', () => {
    const md = callAsMarkdown(call('invoke', { functionKey: 'big', payload: 'x'.repeat(5000) }, 1_700_000_000_000, 1_700_000_000_250, { summary: 'invoke big', kind: 'resolver', response: { value: 1, bytes: 1, truncated: false } }), null);
    expect(md).toMatch(/^### invoke big\n/);
    expect(md).toContain('- **Duration:** 250.0 ms'.replace('- **Duration:**', '**Duration:**'));
    expect(md).toContain('_(cut at 2048 characters');
    expect(md).toContain('**Response**');
  });
});
