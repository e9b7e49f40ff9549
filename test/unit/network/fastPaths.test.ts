import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/network';
import { isNormalPath, normalizedPath } from '../../../src/network/urls';
import { random } from '../ui/randomSession';
import { correlate as correlateBefore } from './before/correlate';
import { randomRecorded } from './before/randomRecorded';

/** What normalizedPath gave before its fast path: the path and query of the path parsed as a URL. */
function parsedPath(path: string): string | null {
  try {
    const url = new URL(`http://p.invalid${path.startsWith('/') ? '' : '/'}${path}`);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}

describe('speed work gives the same results as before', () => {
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
