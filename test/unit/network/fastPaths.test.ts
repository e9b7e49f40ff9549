import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/network';
import { isNormalPath, normalizedPath, normalizedUrl, originOf, pathSuffixes } from '../../../src/network/urls';
import { random } from '../ui/randomSession';
import { call, entry, fitMint } from './fixtures';
import type { CallRecord } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import { correlate as correlateBefore } from './before/correlate';
import { randomRecorded } from './before/randomRecorded';
import * as urlsBefore from './before/urls';

/** What normalizedPath gave before its fast path: the path and query of the path parsed as a URL. */
function parsedPath(path: string): string | null {
  try {
    const url = new URL(`http://p.invalid${path.startsWith('/') ? '' : '/'}${path}`);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

/**
 * requestRemote and product calls and requests with awkward paths and methods (a space inside, lower case,
 * padded), on remotes whose base URL a FIT mint told (some seeds) or not, to the remote or the site itself (a
 * remote there has exact keys only: no path-only key to let its calls through).
 */
function randomHttp(seed: number): { calls: CallRecord[]; network: NetworkEntry[] } {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const paths = ['/tasks', '/tasks?page=1', 'tasks', '/v1/tasks', '/a/../tasks', '/a b', '/a%20b', '/x/y/z?q=a b', '/tasks/', '/t?', '/é'];
  const methods = ['GET', 'get', ' POST ', 'GET X', 'X'];
  const calls: CallRecord[] = [];
  const network: NetworkEntry[] = seed % 2 === 0 ? [fitMint(900, pick(['http://remote.test/v1', 'http://remote.test', 'http://remote.test/v1/', 'http://site.test/r']))] : [];
  for (let i = 0; i < 80; i++) {
    const at = 1000 + Math.floor(rand() * 400);
    const path = pick(paths);
    const method = pick(methods);
    const product = rand() < 0.4;
    calls.push(product
      ? call('fetchProduct', { product: 'jira', restPath: path, fetchRequestInit: { method } }, at, at + 60)
      : call('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path, method } }, at, at + 60));
    if (rand() < 0.7) {
      const origin = product || rand() < 0.2 ? pick(['http://site.test', 'http://site.test/r']) : 'http://remote.test';
      const url = `${origin}${pick(['', '/v1', '/v1/x'])}${pick(paths).replace(/^(?!\/)/, '/')}`;
      network.push(entry({ url, category: product ? 'product' : 'forge-jwt', method: rand() < 0.8 ? method.trim().toUpperCase() : pick(methods), startedAt: at + Math.floor(rand() * 50) }));
    }
  }
  return { calls, network };
}

describe('speed work gives the same results as before', () => {
  it('correlate once: the same matches as before for requestRemote and product calls with awkward paths and methods', () => {
    const matched = { 'remote-request': 0, 'product-request': 0 } as Record<string, number>;
    for (let seed = 1; seed <= 60; seed++) {
      const { calls, network } = randomHttp(seed);
      const once = correlate(calls, network, { remember: false });
      expect(once, `seed ${seed}`).toEqual(correlateBefore(calls, network));
      for (const m of once) matched[m.relation] = (matched[m.relation] ?? 0) + 1;
    }
    expect(matched['remote-request']).toBeGreaterThan(100);
    expect(matched['product-request']).toBeGreaterThan(100);
  });

  it('normalizedPath: a path taken as it is equals the parsed one, on random paths of awkward characters', () => {
    const pieces = ['/', '/', 'a', 'Z', '0', '.', '..', '?', '&', '=', '%', '%2e', '%2E', '#', ' ', '\\', "'", '"', '~', '-', '@', ':', ';', ',', '!', '$', '(', '*', '+', '`', '{', '<', '|', '^', '[', 'é', '\t', '\n', '\u0000'];
    const rand = random(7);
    let fast = 0;
    for (let n = 0; n < 20_000; n++) {
      let path = rand() < 0.9 ? '/' : '';
      for (let i = Math.floor(rand() * 8); i > 0; i--) path += pieces[Math.floor(rand() * pieces.length)];
      if (isNormalPath(path)) fast++;
      expect(normalizedPath(path), JSON.stringify(path)).toBe(parsedPath(path));
    }
    // Both sides of the fast path were taken.
    expect(fast).toBeGreaterThan(1_000);
    expect(fast).toBeLessThan(19_000);
    for (const path of ['/tasks?page=2', '/a/./b', '/a/..', '/x?', '/x??y', '/%2e/']) expect(normalizedPath(path), path).toBe(parsedPath(path));
  });

  it('originOf, normalizedUrl and pathSuffixes from one parse give what each gave from its own, on random URLs, in any order of asking', () => {
    const pieces = ['/', '/', 'a', 'b', '.', '..', '?', '&', '=', '%', '%2e', '#', '#x', ' ', '\\', 'é', ':', '@', '//'];
    const heads = ['https://remote.example', 'https://u:p@h.example:8443', 'http://h.example:80', 'blob:https://h.example/', 'data:text/plain,', 'file:///', 'nope', 'https://'];
    const rand = random(11);
    let suffixes = 0;
    for (let n = 0; n < 5_000; n++) {
      let url = heads[Math.floor(rand() * heads.length)]!;
      for (let i = Math.floor(rand() * 9); i > 0; i--) url += pieces[Math.floor(rand() * pieces.length)];
      // Asked in a random order: whichever comes first parses the URL for the others.
      const asks = [
        () => expect(originOf(url), `origin ${url}`).toBe(urlsBefore.originOf(url)),
        () => expect(normalizedUrl(url), `normalized ${url}`).toBe(urlsBefore.normalizedUrl(url)),
        () => {
          const now = pathSuffixes(url);
          suffixes += now.length;
          expect(now, `suffixes ${url}`).toEqual(urlsBefore.pathSuffixes(url));
        },
      ];
      while (asks.length > 0) asks.splice(Math.floor(rand() * asks.length), 1)[0]!();
    }
    expect(suffixes).toBeGreaterThan(5_000);
  });

  it('correlate: the same matches as before on random sessions, some without any request of one kind', () => {
    let matched = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { calls, network } = randomRecorded(seed);
      const now = correlate(calls, network);
      expect(now, `seed ${seed}`).toEqual(correlateBefore(calls, network));
      matched += now.length;
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('correlate once (keys not remembered) gives the matches of the run that remembers them, on random sessions', () => {
    let matched = 0;
    for (let seed = 41; seed <= 70; seed++) {
      const { calls, network } = randomRecorded(seed);
      const once = correlate(calls, network, { remember: false });
      expect(once, `seed ${seed}`).toEqual(correlateBefore(calls, network));
      expect(once, `seed ${seed}`).toEqual(correlate(calls, network));
      matched += once.length;
    }
    expect(matched).toBeGreaterThan(100);
  });
});
