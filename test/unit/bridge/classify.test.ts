import { describe, expect, it } from 'vitest';
import { classifyCall } from '../../../src/bridge';
import type { CallKind } from '../../../src/protocol';
import type { SnapshotValue } from '../../../src/protocol';

const ALL_KINDS: CallKind[] = [
  'resolver', 'invokeRemote', 'invokeService', 'requestRemote', 'product', 'context', 'events', 'realtime',
  'navigation', 'modal', 'flag', 'uikit', 'other',
];

const CASES: [string, SnapshotValue, CallKind][] = [
  ['invoke', { functionKey: 'getIssues', payload: {} }, 'resolver'],
  ['invoke', { path: '/tasks', method: 'GET', invokeType: 'ui-remote-fetch' }, 'invokeRemote'],
  ['invoke', { path: '/jobs', method: 'POST', invokeType: 'ui-container-fetch' }, 'invokeService'],
  ['fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path: '/x' } }, 'requestRemote'],
  ['fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself' }, 'product'],
  ['getContext', null, 'context'],
  ['on', { event: 'issue-updated', callback: { $fbdt: 'function', text: 'callback' } }, 'events'],
  ['subscribeRealtimeChannel', { channelName: 'c' }, 'realtime'],
  ['navigate', { url: '/browse/X-1', type: 'same-tab' }, 'navigation'],
  ['openModal', { resource: 'r' }, 'modal'],
  ['showFlag', { id: '1', title: 'Saved' }, 'flag'],
  ['reconcile', { forgeDoc: { type: 'Root', children: [] } }, 'uikit'],
  ['initFeatureFlags', { user: {}, config: {} }, 'other'],
];

describe('classifyCall', () => {
  it.each(CASES)('%s %j is %s', (command, request, kind) => {
    expect(classifyCall(command, request)).toBe(kind);
  });

  it('reaches every kind', () => {
    expect(new Set(CASES.map(([c, r]) => classifyCall(c, r)))).toEqual(new Set(ALL_KINDS));
  });

  it('treats invoke with any other or malformed invokeType as a resolver call', () => {
    for (const request of [
      null, 42, 'ui-remote-fetch', [], ['ui-remote-fetch'], { invokeType: 'ui-other-fetch' }, { invokeType: 7 },
      { invokeType: { $fbdt: 'truncated', text: 'ui-remote' } }, { $fbdt: 'unreadable' },
    ] as SnapshotValue[]) {
      expect(classifyCall('invoke', request)).toBe('resolver');
    }
  });

  it('does not read invokeType from the prototype', () => {
    const request = JSON.parse('{"__proto__": {"invokeType": "ui-remote-fetch"}}') as SnapshotValue;
    expect(classifyCall('invoke', request)).toBe('resolver');
  });

  it('gives unknown and prototype-named commands kind other', () => {
    for (const command of ['__proto__', 'constructor', 'toString', 'nope']) expect(classifyCall(command, {})).toBe('other');
  });
});
