import { describe, expect, it, vi } from 'vitest';
import { createJwksCache } from '../../../src/tokens';

const URL_A = 'https://keys.example/a.json';
const KEYS = { keys: [{ kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' }] };

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createJwksCache', () => {
  it('keeps a key set for ten minutes by default, then fetches it again', async () => {
    const time = clock();
    const fetchJwks = vi.fn(async () => KEYS);
    const cache = createJwksCache({ now: time.now });
    expect(await cache.get(URL_A, fetchJwks)).toEqual(KEYS);
    time.advance(10 * 60_000 - 1);
    await cache.get(URL_A, fetchJwks);
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    time.advance(1);
    await cache.get(URL_A, fetchJwks);
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch between callers that ask at once, and keeps URLs apart', async () => {
    const fetchJwks = vi.fn(async (url: string) => ({ keys: [{ kty: 'RSA', kid: url }] }));
    const cache = createJwksCache({ now: () => 0 });
    const [a, b, c] = await Promise.all([cache.get(URL_A, fetchJwks), cache.get(URL_A, fetchJwks), cache.get('https://keys.example/b.json', fetchJwks)]);
    expect(a).toBe(b);
    expect(c.keys[0]!.kid).toBe('https://keys.example/b.json');
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('remembers a failed fetch for 30 s, so an offline panel does not ask on every token', async () => {
    const time = clock(1000);
    const fetchJwks = vi.fn(async () => {
      throw new Error('offline');
    });
    const cache = createJwksCache({ now: time.now });
    await expect(cache.get(URL_A, fetchJwks)).rejects.toThrow('offline');
    time.advance(29_000);
    await expect(cache.get(URL_A, fetchJwks)).rejects.toThrow('offline');
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    time.advance(1001);
    fetchJwks.mockResolvedValueOnce(KEYS as never);
    expect(await cache.get(URL_A, fetchJwks)).toEqual(KEYS);
    expect(fetchJwks).toHaveBeenCalledTimes(2);
  });

  it('takes JSON text, and names a body that is no key set', async () => {
    const cache = createJwksCache({ now: () => 0 });
    expect(await cache.get(URL_A, async () => JSON.stringify(KEYS))).toEqual(KEYS);
    await expect(cache.get('https://keys.example/html', async () => '<html>')).rejects.toThrow('https://keys.example/html did not return JSON');
    await expect(cache.get('https://keys.example/empty', async () => ({ nope: [] }))).rejects.toThrow('https://keys.example/empty did not return a key set');
    await expect(cache.get('https://keys.example/sync', () => { throw new Error('sync failure'); })).rejects.toThrow('sync failure');
  });
});
