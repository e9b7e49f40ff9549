import { describe, expect, it } from 'vitest';
import { summarizeCall, type SummaryInput } from '../../../src/bridge';
import type { SnapshotValue } from '../../../src/protocol';

const fn = (text: string) => ({ $fbdt: 'function', text });

function ok(command: string, request: SnapshotValue, response: SnapshotValue | null = null): string {
  return summarizeCall({ command, request, status: 'ok', response, error: null });
}
function pending(command: string, request: SnapshotValue): string {
  return summarizeCall({ command, request, status: 'pending', response: null, error: null });
}
function failed(command: string, request: SnapshotValue, error: SnapshotValue | null): string {
  return summarizeCall({ command, request, status: 'error', response: null, error });
}

const remoteGet = { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' };
const remoteUpload = {
  remoteKey: 'remote-a',
  fetchRequestInit: { path: '/upload', method: 'POST', body: '{}', headers: [['content-type', 'application/json']] },
  isMultipartFormData: false,
};
const myself = { product: 'jira', restPath: '/rest/api/3/myself', fetchRequestInit: { method: 'GET', headers: [] }, isMultipartFormData: false };
const fetchResponse = (status: number) => ({ body: '{}', headers: {}, status, statusText: '', isAttachment: false });

describe('summarizeCall: the examples', () => {
  it('invokeRemote', () => {
    expect(ok('invoke', remoteGet, { success: true, payload: { status: 200, headers: {}, body: [] } })).toBe('invokeRemote GET /tasks → 200');
  });
  it('invokeService', () => {
    const request = { path: '/jobs', method: 'post', invokeType: 'ui-container-fetch' };
    expect(ok('invoke', request, { success: true, payload: { status: 202, headers: {}, body: {} } })).toBe('invokeService POST /jobs → 202');
  });
  it('requestRemote', () => {
    expect(ok('fetchRemote', remoteUpload, fetchResponse(201))).toBe('requestRemote remote-a POST /upload → 201');
  });
  it('resolver invoke', () => {
    expect(ok('invoke', { functionKey: 'getIssues', payload: { a: 1 } }, [1, 2])).toBe('invoke getIssues');
  });
  it('requestJira / requestConfluence / requestBitbucket', () => {
    expect(ok('fetchProduct', myself, fetchResponse(200))).toBe('requestJira GET /rest/api/3/myself → 200');
    const content = { product: 'confluence', restPath: '/wiki/rest/api/content', fetchRequestInit: {}, isMultipartFormData: false };
    expect(ok('fetchProduct', content, fetchResponse(200))).toBe('requestConfluence GET /wiki/rest/api/content → 200');
    const repos = { product: 'bitbucket', restPath: '/2.0/repositories', fetchRequestInit: { method: 'GET' } };
    expect(ok('fetchProduct', repos, fetchResponse(404))).toBe('requestBitbucket GET /2.0/repositories → 404');
  });
  it('getContext', () => {
    expect(ok('getContext', null, { moduleKey: 'm' })).toBe('getContext');
  });
  it('events', () => {
    expect(ok('on', { event: 'issue-updated', callback: fn('callback') })).toBe('on issue-updated');
    expect(ok('onPublic', { event: 'pub', callback: fn('callback') })).toBe('onPublic pub');
    expect(ok('emit', { event: 'issue-updated', payload: { id: 1 } })).toBe('emit issue-updated');
  });
  it('realtime', () => {
    expect(ok('subscribeRealtimeChannel', { channelName: 'my-channel', onEvent: fn('onEvent'), options: {} })).toBe(
      'subscribeRealtimeChannel my-channel',
    );
    expect(ok('publishRealtimeChannel', { channelName: 'c', eventPayload: 'x', options: {}, isGlobal: true })).toBe(
      'publishRealtimeChannel c (global)',
    );
  });
  it('navigation', () => {
    expect(ok('navigate', { url: '/browse/X-1', type: 'same-tab' })).toBe('navigate same-tab /browse/X-1');
    expect(ok('navigate', { target: 'issue', issueKey: 'X-2', type: 'new-tab' })).toBe('navigate new-tab issue X-2');
    expect(ok('getUrl', { target: 'projectSettingsDetails', projectKey: 'P' })).toBe('getUrl projectSettingsDetails P');
  });
  it('flags', () => {
    expect(ok('showFlag', { id: 'f1', title: 'Saved', type: 'success', actions: [{ text: 'Undo', onClick: fn('undo') }] })).toBe(
      'showFlag "Saved"',
    );
    expect(ok('showFlag', { id: 'f1', type: 'info' })).toBe('showFlag f1');
    expect(ok('closeFlag', { id: 'f1' })).toBe('closeFlag f1');
  });
  it('reconcile counts the nodes of the forgeDoc tree', () => {
    const text = (t: string): SnapshotValue => ({ type: 'String', props: { text: t }, children: [] });
    const forgeDoc: SnapshotValue = {
      type: 'Root',
      props: {},
      key: 'k',
      forgeReactMajorVersion: 11,
      children: [
        { type: 'Stack', props: {}, children: [text('a'), text('b'), { type: 'Button', props: {}, children: [text('Go')] }] },
        { type: 'Box', props: {}, children: [{ type: 'Text', props: {}, children: [text('c')] }, { type: 'Image', props: {} }] },
        { type: 'Inline', props: {}, children: [] },
      ],
    };
    // Root, Stack, 2 strings, Button, its string, Box, Text, its string, Image, Inline = 11
    expect(ok('reconcile', { forgeDoc })).toBe('reconcile Root (11 nodes)');
    expect(ok('reconcile', { forgeDoc: { type: 'MacroConfig', props: {}, children: [] } })).toBe('reconcile MacroConfig (1 node)');
  });
  it('reconcile marks a tree cut short by the snapshot', () => {
    const forgeDoc: SnapshotValue = { type: 'Root', children: [{ type: 'Box', children: { $fbdt: 'depth' } }, { $fbdt: 'truncated' }] };
    expect(ok('reconcile', { forgeDoc })).toBe('reconcile Root (2+ nodes)');
  });
  it('modals', () => {
    expect(ok('openModal', { resource: 'resource-key', onClose: fn('onClose'), size: 'medium', title: 'T' }, true)).toBe('openModal resource-key');
    expect(ok('openModal', { resource: null, title: 'Edit' })).toBe('openModal "Edit"');
    expect(ok('openIssueViewModal', { data: { onClose: fn('onClose'), context: { issueKey: 'X-9' } } })).toBe('openIssueViewModal X-9');
  });
  it('other commands with a useful argument', () => {
    expect(ok('onError', { error: { $fbdt: 'error', text: 'Boom' } })).toBe('onError Boom');
    expect(ok('changeWindowTitle', 'My app')).toBe('changeWindowTitle "My app"');
    expect(ok('trackObjectStoreAction', { action: 'upload' })).toBe('trackObjectStoreAction upload');
    expect(ok('emitFrontendCustomMetric', { customMetricName: 'clicks', value: 3 })).toBe('emitFrontendCustomMetric clicks 3');
    expect(ok('openRovo', { agentName: 'Helper', prompt: 'hi' })).toBe('openRovo Helper');
    expect(ok('requestTeamworkGraph', { query: 'query MyTeams($id: ID!) { team(id: $id) { name } }', variables: {} })).toBe(
      'requestTeamworkGraph MyTeams',
    );
    expect(ok('fetchUserRecommendations', { query: 'ann' })).toBe('fetchUserRecommendations "ann"');
    expect(ok('__permission__egressGet', null)).toBe('__permission__egressGet');
    expect(ok('someFutureCommand', { a: 1 })).toBe('someFutureCommand');
  });
});

describe('summarizeCall: pending and error', () => {
  it('shows … in place of the status while pending', () => {
    expect(pending('invoke', remoteGet)).toBe('invokeRemote GET /tasks → …');
    expect(pending('fetchRemote', remoteUpload)).toBe('requestRemote remote-a POST /upload → …');
    expect(pending('invoke', { functionKey: 'getIssues', payload: {} })).toBe('invoke getIssues → …');
    expect(pending('getContext', null)).toBe('getContext → …');
  });

  it('shows a thrown error by its message', () => {
    const thrown = { $fbdt: 'error', text: 'Remote could not verify the Forge Invocation Token' };
    expect(failed('invoke', remoteGet, thrown)).toBe('invokeRemote GET /tasks → error: Remote could not verify the Forge Invocation Token');
    expect(failed('invoke', { functionKey: 'getIssues' }, { $fbdt: 'error', text: 'Rate limited' })).toBe('invoke getIssues → error: Rate limited');
    expect(failed('getContext', null, 'plain string')).toBe('getContext → error: plain string');
  });

  it('shows an invokeRemote error response by its status', () => {
    expect(failed('invoke', remoteGet, { status: 401, headers: {}, body: null })).toBe('invokeRemote GET /tasks → error: 401');
    expect(failed('invoke', remoteGet, { status: 500, headers: {}, body: { message: 'db down' } })).toBe(
      'invokeRemote GET /tasks → error: 500 db down',
    );
  });

  it('shows the status of a resolved invokeRemote failure', () => {
    expect(ok('invoke', remoteGet, { success: false, error: { status: 404, headers: {}, body: { message: 'no' } } })).toBe(
      'invokeRemote GET /tasks → 404',
    );
    expect(ok('invoke', remoteGet, { success: false })).toBe('invokeRemote GET /tasks → failed');
  });

  it('reads an already unwrapped invokeRemote response', () => {
    expect(ok('invoke', remoteGet, { status: 204, headers: {}, body: null })).toBe('invokeRemote GET /tasks → 204');
  });

  it('has a readable error form for odd error snapshots', () => {
    expect(failed('getContext', null, null)).toBe('getContext → error: error');
    expect(failed('getContext', null, { $fbdt: 'unreadable' })).toBe('getContext → error: unreadable');
    expect(failed('getContext', null, [1, 2])).toBe('getContext → error: error');
    expect(failed('getContext', null, 7)).toBe('getContext → error: 7');
    expect(failed('getContext', null, { message: 'line one\nline two' })).toBe('getContext → error: line one line two');
  });
});

describe('summarizeCall: malformed input never throws', () => {
  const shapes: SnapshotValue[] = [
    null, 0, 42, -1, true, false, '', 'text', [], [1, 'a'], {}, { $fbdt: 'truncated' }, { $fbdt: 'function', text: 'f' },
    { $fbdt: 'cycle' }, { method: 5, path: ['x'] }, { invokeType: 'ui-remote-fetch' }, { invokeType: 'ui-remote-fetch', path: null, method: {} },
    { remoteKey: 3, fetchRequestInit: 'nope' }, { fetchRequestInit: [] }, { product: 'gitlab', restPath: 7 },
    { functionKey: { a: 1 } }, { forgeDoc: 'Root' }, { forgeDoc: { children: 'x' } }, { error: null },
    { data: [1] }, { event: ['a'] }, { url: 12 }, { title: { $fbdt: 'truncated', text: 'Long' } },
  ];
  const commands = [
    'invoke', 'fetchRemote', 'fetchProduct', 'getContext', 'on', 'emit', 'subscribeRealtimeChannel', 'navigate',
    'getUrl', 'showFlag', 'closeFlag', 'openModal', 'openIssueCreateModal', 'reconcile', 'onError', 'changeWindowTitle',
    'trackObjectStoreAction', 'emitFrontendCustomMetric', 'openRovo', 'requestTeamworkGraph', 'fetchUserRecommendations',
    '__proto__', 'constructor', '', 'x'.repeat(300),
  ];
  const statuses: SummaryInput['status'][] = ['pending', 'ok', 'error'];

  it('gives a non-empty line of at most 160 characters for every shape', () => {
    let count = 0;
    const bad: string[] = [];
    for (const command of commands)
      for (const request of shapes)
        for (const status of statuses)
          for (const other of shapes.slice(0, 14)) {
            const input: SummaryInput = { command, request, status, response: status === 'ok' ? other : null, error: status === 'error' ? other : null };
            const summary = summarizeCall(input);
            if (summary.length === 0 || summary.length > 160 || /[\n\r\t]/.test(summary)) bad.push(JSON.stringify([input, summary]));
            count++;
          }
    expect(bad).toEqual([]);
    expect(count).toBe(commands.length * shapes.length * 3 * 14);
  });

  it('fills in missing method and path readably', () => {
    expect(ok('invoke', { invokeType: 'ui-remote-fetch' }, { success: true, payload: { status: 200 } })).toBe('invokeRemote GET ? → 200');
    expect(pending('fetchRemote', { fetchRequestInit: {} })).toBe('requestRemote ? GET ? → …');
    expect(ok('fetchRemote', { remoteKey: 'r', fetchRequestInit: { path: '/a' } }, fetchResponse(200))).toBe('requestRemote r GET /a → 200');
    expect(ok('fetchProduct', { restPath: '/x' }, fetchResponse(200))).toBe('fetchProduct GET /x → 200');
    expect(ok('fetchProduct', { product: 'gitlab', restPath: '/x' }, fetchResponse(200))).toBe('fetchProduct GET /x → 200');
    expect(ok('invoke', null)).toBe('invoke ?');
    expect(ok('invoke', [1, 2])).toBe('invoke ?');
    expect(ok('on', 5)).toBe('on ?');
    expect(ok('navigate', null)).toBe('navigate ?');
    expect(ok('reconcile', { forgeDoc: 'Root' })).toBe('reconcile');
    expect(ok('showFlag', [])).toBe('showFlag');
  });

  it('shows truncated strings with an ellipsis', () => {
    const request = { path: { $fbdt: 'truncated', text: '/very/long' }, method: 'GET', invokeType: 'ui-remote-fetch' };
    expect(pending('invoke', request)).toBe('invokeRemote GET /very/long… → …');
    expect(ok('showFlag', { id: 'f', title: { $fbdt: 'truncated', text: 'Long' } })).toBe('showFlag "Long…"');
  });

  it('cuts a long summary but keeps the status visible', () => {
    const longPath = '/items/' + 'a'.repeat(400);
    const summary = ok('invoke', { ...remoteGet, path: longPath }, { success: true, payload: { status: 200 } });
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.startsWith('invokeRemote GET /items/aaa')).toBe(true);
    expect(summary).toContain('…');
    expect(summary.endsWith(' → 200')).toBe(true);
  });

  it('flattens newlines and control characters in page-supplied text', () => {
    expect(ok('emit', { event: 'a\nb\u0000c' })).toBe('emit a b c');
    expect(ok('bad\ncommand', null)).toBe('bad command');
  });

  it('does not read prototype members of the request', () => {
    const request = JSON.parse('{"__proto__": {"functionKey": "evil"}}') as SnapshotValue;
    expect(ok('invoke', request)).toBe('invoke ?');
    expect(ok('on', { event: 'constructor' })).toBe('on constructor');
  });
});
