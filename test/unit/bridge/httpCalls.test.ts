import { describe, expect, it } from 'vitest';
import { errorMessageOf, httpRequestOf, httpStatusOf, remoteEndpointOf } from '../../../src/bridge';
import type { SnapshotValue } from '../../../src/protocol';

describe('remoteEndpointOf', () => {
  it('reads an invokeRemote call, grouping on the path without its query string', () => {
    const request = { path: '/tasks?page=2#top', method: 'get', headers: {}, invokeType: 'ui-remote-fetch' };
    expect(remoteEndpointOf('invoke', request)).toEqual({
      path: '/tasks',
      fullPath: '/tasks?page=2#top',
      method: 'GET',
      remoteKey: null,
      via: 'invokeRemote',
    });
  });

  it('reads a requestRemote call', () => {
    const request = { remoteKey: 'remote-a', fetchRequestInit: { path: '/upload?x=1', method: 'POST', body: null, headers: [] }, isMultipartFormData: true };
    expect(remoteEndpointOf('fetchRemote', request)).toEqual({
      path: '/upload',
      fullPath: '/upload?x=1',
      method: 'POST',
      remoteKey: 'remote-a',
      via: 'requestRemote',
    });
  });

  it('puts the same endpoint reached both ways on the same path and method', () => {
    const a = remoteEndpointOf('invoke', { path: '/tasks?a=1', invokeType: 'ui-remote-fetch' });
    const b = remoteEndpointOf('fetchRemote', { remoteKey: 'r', fetchRequestInit: { path: '/tasks', method: 'GET' } });
    expect([a?.method, a?.path]).toEqual(['GET', '/tasks']);
    expect([b?.method, b?.path]).toEqual(['GET', '/tasks']);
  });

  it('is null for calls that are not remote calls', () => {
    expect(remoteEndpointOf('invoke', { functionKey: 'f', payload: {} })).toBeNull();
    expect(remoteEndpointOf('invoke', { path: '/jobs', invokeType: 'ui-container-fetch' })).toBeNull();
    expect(remoteEndpointOf('fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself' })).toBeNull();
    expect(remoteEndpointOf('getContext', null)).toBeNull();
    expect(remoteEndpointOf('__proto__', { path: '/x' })).toBeNull();
  });

  it('never throws on malformed requests', () => {
    for (const request of [null, 1, 'x', [], { $fbdt: 'cycle' }, { fetchRequestInit: 5 }, { remoteKey: [], fetchRequestInit: { path: {} } }] as SnapshotValue[]) {
      expect(() => remoteEndpointOf('fetchRemote', request)).not.toThrow();
    }
    expect(remoteEndpointOf('fetchRemote', null)).toEqual({ path: '', fullPath: '', method: 'GET', remoteKey: null, via: 'requestRemote' });
  });
});

describe('httpRequestOf', () => {
  it('names product calls after the @forge/bridge function', () => {
    expect(httpRequestOf('fetchProduct', { product: 'confluence', restPath: '/wiki/x', fetchRequestInit: { method: 'put' } })).toEqual({
      via: 'requestConfluence',
      method: 'PUT',
      path: '/wiki/x',
      remoteKey: null,
    });
    expect(httpRequestOf('fetchProduct', { product: 'constructor', restPath: '/x' })?.via).toBe('fetchProduct');
    expect(httpRequestOf('fetchProduct', { product: '__proto__', restPath: '/x' })?.via).toBe('fetchProduct');
  });
});

describe('httpStatusOf', () => {
  const remote = { path: '/t', invokeType: 'ui-remote-fetch' };
  it('reads each response shape', () => {
    expect(httpStatusOf('invoke', remote, { success: true, payload: { status: 201 } })).toBe(201);
    expect(httpStatusOf('invoke', remote, { success: false, error: { status: 403 } })).toBe(403);
    expect(httpStatusOf('invoke', remote, { status: 200, headers: {}, body: {} })).toBe(200);
    expect(httpStatusOf('fetchRemote', { remoteKey: 'r' }, { status: 418, statusText: '' })).toBe(418);
    expect(httpStatusOf('fetchProduct', { product: 'jira' }, { status: 204 })).toBe(204);
  });
  it('is null when there is no status to read', () => {
    expect(httpStatusOf('invoke', { functionKey: 'f' }, { status: 200 })).toBeNull();
    expect(httpStatusOf('invoke', remote, null)).toBeNull();
    expect(httpStatusOf('invoke', remote, { success: true, payload: { status: '200' } })).toBeNull();
    expect(httpStatusOf('fetchRemote', {}, [200])).toBeNull();
    expect(httpStatusOf('fetchRemote', {}, { status: { $fbdt: 'number', text: 'NaN' } })).toBeNull();
    expect(httpStatusOf('getContext', null, { status: 200 })).toBeNull();
  });
});

describe('errorMessageOf', () => {
  it('reads the usual error snapshots', () => {
    expect(errorMessageOf({ $fbdt: 'error', text: 'Boom' })).toBe('Boom');
    expect(errorMessageOf({ status: 401, headers: {}, body: '' })).toBe('401');
    expect(errorMessageOf({ status: 400, headers: {}, body: { error: { message: 'bad field' } } })).toBe('400 bad field');
    expect(errorMessageOf({ name: 'BridgeAPIError', message: 'Unable to open modal.' })).toBe('Unable to open modal.');
    expect(errorMessageOf({ $fbdt: 'truncated', text: 'abc' })).toBe('abc…');
  });
  it('always gives a short line', () => {
    expect(errorMessageOf(null)).toBe('error');
    expect(errorMessageOf(undefined)).toBe('error');
    expect(errorMessageOf({})).toBe('error');
    expect(errorMessageOf({ $fbdt: 'error' })).toBe('error');
    expect(errorMessageOf({ $fbdt: 'promise' })).toBe('promise');
    expect(errorMessageOf('x'.repeat(500)).length).toBe(100);
  });
});
