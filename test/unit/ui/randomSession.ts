import type { CallRecord } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { call, entry, invokeGraphql, requestRemote } from '../network/fixtures';
import { fct, fit } from '../tokens/fixtures';

/** mulberry32: a seeded generator, so that a failing session can be rebuilt from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A FIT mint (signInvocationTokenForUI, forge-facts §2.4) returning `token`, for `remoteKey` at `baseUrl`. */
function mint(token: string, at: number, baseUrl: string, remoteKey: string, site: string): NetworkEntry {
  return entry({
    url: `${site}/gateway/api/graphql`, category: 'forge-graphql', method: 'POST', startedAt: at, durationMs: 8, operationName: 'signInvocationTokenForUI',
    requestBody: JSON.stringify({ operationName: 'signInvocationTokenForUI', variables: { input: { forgeContextToken: fct(1_800_000_000), remoteKey } } }),
    responseBody: JSON.stringify({ data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: token, expiresAt: 1_800_000_025_000 }, metadata: { baseUrl } } } }),
  });
}

export interface Happening {
  /** When the panel learns of it (calls start, settle; requests arrive from DevTools after they ended). */
  at: number;
  call?: CallRecord;
  entry?: NetworkEntry;
}

/**
 * Forge traffic as the panel receives it: clusters of calls (requestRemote with FIT mints and Bearer
 * requests, resolver and remote invocations over GraphQL, identical calls that overlap, pending ones),
 * sometimes close enough to overlap the next, with remotes and site origins first seen midway.
 */
export function randomSession(rand: () => number, clusters: number): Happening[] {
  const out: Happening[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const remotes = [
    { key: 'remote-a', base: 'http://remote.test' },
    { key: 'remote-a', base: 'http://remote.test/api/' },
    { key: 'remote-b', base: 'http://other.test' },
  ];
  const sites = ['http://site.test', 'http://site2.test'];
  let t = 1_800_000_000_000;
  for (let c = 0; c < clusters; c++) {
    t += pick([20, 80, 150, 400, 5_000, 40_000]);
    const site = c < clusters / 2 ? sites[0]! : pick(sites);
    const count = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const start = t + Math.floor(rand() * 30);
      const duration = pick([5, 40, 120, 900]);
      const pending = rand() < 0.1;
      const kind = pick(['remote', 'resolver', 'invokeRemote', 'context'] as const);
      const path = pick(['/tasks', '/tasks?page=2', '/upload']);
      let settled: CallRecord;
      if (kind === 'remote') {
        const remote = pick(remotes.slice(0, 1 + Math.floor((c / clusters) * remotes.length)));
        settled = call('fetchRemote', { ...requestRemote(path, pick(['GET', 'POST'])), remoteKey: remote.key }, start, start + duration, { kind: 'requestRemote' });
        const token = fit(1_800_000_000 + Math.floor(rand() * 5));
        if (rand() < 0.6) out.push({ at: start + 9, entry: mint(token, start + 1, remote.base, remote.key, site) });
        if (rand() < 0.8) {
          const url = `${remote.base.replace(/\/$/, '')}${path}`;
          const at = start + pick([2, 10, duration + 70]);
          out.push({ at: at + 5, entry: entry({ url, category: 'forge-jwt', method: (settled.request.value as { fetchRequestInit: { method: string } }).fetchRequestInit.method, startedAt: at, requestHeaders: [{ name: 'Authorization', value: `Bearer ${rand() < 0.7 ? token : fit(1_799_999_000)}` }] }) });
        }
      } else if (kind === 'context') {
        settled = call('getContext', null, start, start + 1, { kind: 'context' });
        if (rand() < 0.3) out.push({ at: start + 20, entry: entry({ url: `${site}/rest/api/3/myself`, category: 'product', startedAt: start + 3 }) });
      } else {
        const request: SnapshotValue = kind === 'resolver' ? { functionKey: pick(['getIssues', 'save']), payload: { page: Math.floor(rand() * 3) } } : { path, method: 'POST', invokeType: 'ui-remote-fetch', body: {} };
        settled = call('invoke', request, start, start + duration, { kind: kind === 'resolver' ? 'resolver' : 'invokeRemote' });
        if (rand() < 0.85) {
          const g = invokeGraphql(request, start + pick([1, 3, 20]));
          out.push({ at: g.startedAt + 15, entry: { ...g, url: `${site}/gateway/api/graphql` } });
        }
      }
      out.push({ at: start, call: { ...settled, endedAt: null, status: 'pending', response: null } });
      if (!pending) out.push({ at: start + duration, call: settled });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
