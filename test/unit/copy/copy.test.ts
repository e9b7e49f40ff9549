import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callAsCode, callAsMarkdown, requestRemoteAsCurl, requestRemoteAsFetch, shellQuote } from '../../../src/copy';
import { call, entry, FIT, requestRemote } from '../network/fixtures';

describe('callAsCode', () => {
  it('writes the @forge/bridge call for each kind, with cut values as comments', () => {
    expect(callAsCode(call('invoke', { functionKey: 'getIssues', payload: { page: 2, fn: { $fbdt: 'function', text: 'cb' } } }, 0, 1))).toBe(
      "await invoke('getIssues', { page: 2, fn: undefined /* function: cb */ });",
    );
    expect(callAsCode(call('invoke', { path: '/tasks', method: 'POST', invokeType: 'ui-remote-fetch', body: { a: 1 } }, 0, 1))).toBe("await invokeRemote({ path: '/tasks', method: 'POST', body: { a: 1 } });");
    expect(callAsCode(call('fetchRemote', requestRemote('/tasks'), 0, 1))).toBe("await requestRemote('remote-a', { path: '/tasks', method: 'GET' });");
    // @forge/bridge's product requests take the path as a plain string (route`` is @forge/api's).
    expect(callAsCode(call('fetchProduct', { product: 'confluence', restPath: '/wiki/rest/api/content', fetchRequestInit: { method: 'GET' } }, 0, 1))).toBe(
      "await requestConfluence('/wiki/rest/api/content', { method: 'GET' });",
    );
    expect(callAsCode(call('getContext', null, 0, 1))).toBe('await view.getContext();');
    expect(() => new Function(`return (async () => { ${callAsCode(call('invoke', { functionKey: 'k', payload: { s: "it's", n: [1, null], d: { $fbdt: 'function', text: 'f' } } }, 0, 1))} })`)).not.toThrow();
  });
});

describe('requestRemote as cURL and fetch', () => {
  const c = call('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path: '/notes', method: 'POST', body: `{"text":"it's here"}`, headers: [['content-type', 'application/json']] } }, 0, 1);
  const matched = entry({ url: 'https://remote.example/notes', category: 'forge-jwt', method: 'POST', requestHeaders: [{ name: 'Authorization', value: `Bearer ${FIT}` }, { name: 'Content-Type', value: 'application/json' }, { name: 'Origin', value: 'https://x' }], requestBody: `{"text":"it's here"}` });

  it('uses the matched request and keeps the token out unless asked; quotes survive the shell', () => {
    const curl = requestRemoteAsCurl(c, matched, { includeToken: false })!;
    expect(curl).not.toContain(FIT);
    expect(curl).toContain(`-H 'Authorization: Bearer '"$FORGE_FIT"`);
    expect(curl).toMatch(/^# Set FORGE_FIT to a fresh FIT first: it lives 25 s\.\ncurl 'https:\/\/remote\.example\/notes'/);
    expect(curl).not.toContain('Origin');
    expect(requestRemoteAsCurl(c, matched, { includeToken: true })).toContain(FIT);
    // What the shell hands curl is the body as sent.
    const body = /--data-raw (.*)$/.exec(curl)![1]!;
    expect(execFileSync('sh', ['-c', `printf %s ${body}`]).toString()).toBe(`{"text":"it's here"}`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it('without a matched request, says the base URL is unknown', () => {
    const curl = requestRemoteAsCurl(c, null, { includeToken: false })!;
    expect(curl).toContain(`curl '<remote base URL>/notes'`);
    expect(curl).toMatch(/^# No matching network request was recorded: the remote's base URL is not known/);
    const fetchCode = requestRemoteAsFetch(c, null, { includeToken: false })!;
    expect(fetchCode).toContain("await fetch('<remote base URL>/notes', {");
    expect(fetchCode).toContain('Authorization: `Bearer ${FORGE_FIT}`,');
    expect(fetchCode).toContain("'content-type': 'application/json',");
    expect(fetchCode).toContain("body: JSON.stringify({ text: 'it\\'s here' }),");
    // The copied code is JavaScript that parses (an async body, as pasted into a console or a test).
    expect(() => new Function(`return (async () => {\n${fetchCode}\n})`)).not.toThrow();
    expect(requestRemoteAsCurl(call('getContext', null, 0, 1), null, { includeToken: false })).toBeNull();
  });
});

describe('callAsMarkdown', () => {
  it('summarises a call for an issue with bounded JSON blocks', () => {
    const md = callAsMarkdown(call('invoke', { functionKey: 'big', payload: 'x'.repeat(5000) }, 1_700_000_000_000, 1_700_000_000_250, { summary: 'invoke big', kind: 'resolver', response: { value: 1, bytes: 1, truncated: false } }), null);
    expect(md).toMatch(/^### invoke big\n/);
    expect(md).toContain('- **Started:** 2023-11-14T22:13:20.000Z · **Duration:** 250.0 ms');
    expect(md).toContain('_Cut here: 2048 of 5043 characters shown._');
    expect(md).toContain('**Response**');
  });
});
