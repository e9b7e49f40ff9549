import { describe, expect, it } from 'vitest';
import { remoteEndpointOf } from '../../../src/bridge';
import { compareRemotes, quantile, sharedHistogram, summarize, verdictFor } from '../../../src/stats';
import { call, requestRemote } from '../network/fixtures';

const viaInvoke = (ms: number, status = 200) =>
  call('invoke', { path: '/tasks?page=1', method: 'GET', invokeType: 'ui-remote-fetch' }, 0, ms, { response: { value: { success: status < 400, payload: { status } }, bytes: 100, truncated: false } });
const viaRequest = (ms: number, status = 200) => call('fetchRemote', requestRemote('/tasks'), 0, ms, { response: { value: { status }, bytes: 80, truncated: false } });

describe('summary statistics', () => {
  it('interpolates quantiles and bins two series on the same edges', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(summarize([5, 1, 3])).toMatchObject({ count: 3, p50: 3, max: 5, mean: 3 });
    const h = sharedHistogram([1, 2], [10], 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.a).toEqual([1, 1, 0, 0, 0]);
    expect(h.b).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('summarize sorts like a comparator sort', () => {
  it('on random values with NaN, infinities, negatives and zeros left in', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const specials = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, -1e-9, 1e300];
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: Math.floor(rand() * 60) }, () => (rand() < 0.15 ? specials[Math.floor(rand() * specials.length)]! : (rand() - 0.3) * 1000));
      const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
      const sum = sorted.reduce((a, b) => a + b, 0);
      const want = { count: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.length ? sorted.at(-1) : Number.NaN, mean: sorted.length ? sum / sorted.length : Number.NaN };
      expect(summarize(values)).toEqual(want);
    }
  });
});

describe('compareRemotes and verdictFor', () => {
  it('gives the same comparisons from endpoints a caller read already', () => {
    const toB = call('fetchRemote', { ...requestRemote('/tasks'), remoteKey: 'remote-b' }, 0, 40, { response: { value: { status: 503 }, bytes: 80, truncated: false } });
    const calls = [viaInvoke(10), viaInvoke(12, 500), viaRequest(20), call('getContext', null, 0, 5), toB, viaRequest(30, 404), call('fetchRemote', requestRemote('/tasks'), 0, null)];
    const endpoints = calls.map((c) => remoteEndpointOf(c.command, c.request.value));
    expect(compareRemotes(calls, endpoints)).toEqual(compareRemotes(calls));
    // The endpoints given are the ones used: a caller's are not read again.
    const moved = endpoints.map((e) => (e ? { ...e, path: '/moved' } : e));
    expect(compareRemotes(calls, moved).map((c) => c.path)).toEqual(['/moved', '/moved']);
  });

  it('groups both paths by method and path and says which is faster, from the numbers', () => {
    const calls = [...[50, 60, 70, 80, 90, 100].map((ms) => viaInvoke(ms)), ...[20, 25, 30, 35, 40].map((ms) => viaRequest(ms))];
    const [cmp] = compareRemotes(calls);
    expect(cmp).toMatchObject({ method: 'GET', path: '/tasks', remoteKeys: ['remote-a'], invokeRemote: { calls: 6, errorRate: 0 }, requestRemote: { calls: 5 } });
    expect(cmp!.invokeRemote!.latency.p50).toBe(75);
    expect(cmp!.requestRemote!.latency.p50).toBe(30);
    expect(verdictFor(cmp!)).toBe('requestRemote is 2.5× faster at p50 for GET /tasks on remote-a over 11 calls (6 invokeRemote, 5 requestRemote): 30 ms against 75 ms.');
  });

  it('says when only one path was used, when there are too few calls, ties, and different error rates', () => {
    const only = compareRemotes([viaRequest(10)])[0]!;
    expect(verdictFor(only)).toBe('Only requestRemote was used for GET /tasks on remote-a (1 call); call invokeRemote to compare.');
    const few = compareRemotes([viaRequest(10), viaInvoke(10)])[0]!;
    expect(verdictFor(few)).toBe('The comparison for GET /tasks on remote-a is not yet meaningful: 1 invokeRemote and 1 requestRemote calls have ended, and it needs at least 5 on each side.');
    const tie = compareRemotes([...[10, 10, 10, 10, 10].map((ms) => viaInvoke(ms)), ...[10, 10, 10, 10, 10.5].map((ms) => viaRequest(ms, 500))])[0]!;
    expect(verdictFor(tie)).toBe(
      'invokeRemote and requestRemote are within 10 % of each other at p50 for GET /tasks on remote-a (10 ms and 10 ms) over 10 calls (5 invokeRemote, 5 requestRemote). Error rates differ: invokeRemote 0 % (0 of 5), requestRemote 100 % (5 of 5).',
    );
    expect(verdictFor({ ...tie, oauthObserved: { invokeRemote: true } })).toMatch(/ Only invokeRemote brings this endpoint OAuth tokens \(x-forge-oauth-\*\); requestRemote never does\.$/);
  });

  it('counts pending calls apart and ignores calls that are not remote calls', () => {
    const cmp = compareRemotes([viaRequest(10), call('fetchRemote', requestRemote('/tasks'), 0, null), call('getContext', null, 0, 5)]);
    expect(cmp).toHaveLength(1);
    // calls counts the ended ones; the pending one is in no figure and the verdict says so.
    expect(cmp[0]!.requestRemote).toMatchObject({ calls: 1, pending: 1, latency: { count: 1 } });
    const withInvoke = compareRemotes([...[1, 2, 3, 4, 5].map((ms) => viaInvoke(ms)), ...[1, 2, 3, 4, 5].map((ms) => viaRequest(ms)), call('fetchRemote', requestRemote('/tasks'), 0, null)]);
    expect(verdictFor(withInvoke[0]!)).toMatch(/ 1 call still pending is not counted\.$/);
  });

  it('keeps requestRemote calls to different remotes apart, each beside the invokeRemote calls of that endpoint', () => {
    const toB = call('fetchRemote', { ...requestRemote('/tasks'), remoteKey: 'remote-b' }, 0, 40, { response: { value: { status: 200 }, bytes: 80, truncated: false } });
    const cmp = compareRemotes([viaInvoke(10), viaRequest(20), viaRequest(30), toB]);
    expect(cmp.map((c) => [c.id, c.remoteKey, c.invokeRemote?.calls, c.requestRemote?.calls])).toEqual([
      ['GET /tasks remote-a', 'remote-a', 1, 2],
      ['GET /tasks remote-b', 'remote-b', 1, 1],
    ]);
  });
});
