import type { JSONWebKeySet, JWK } from 'jose';

export interface JwksCache {
  /** The key set at url: cached, else fetched with fetchJwks. Rejects when it cannot be had (also from cache). */
  get(url: string, fetchJwks: (url: string) => Promise<unknown>): Promise<JSONWebKeySet>;
}

export interface JwksCacheOptions {
  /** How long a fetched key set is kept (default 10 minutes). */
  ttlMs?: number;
  /** How long a failed fetch is remembered, so an offline panel does not ask again on every token (default 30 s). */
  failureTtlMs?: number;
  now?: () => number;
}

/** The body of a JWKS response (parsed, or JSON text) as a key set; throws when it is not one. */
function asKeySet(url: string, body: unknown): JSONWebKeySet {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error(`${url} did not return JSON`);
    }
  }
  const keys = value !== null && typeof value === 'object' ? (value as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) throw new Error(`${url} did not return a key set`);
  return { keys: keys.filter((k): k is JWK => k !== null && typeof k === 'object' && !Array.isArray(k)) };
}

/** Key sets per URL with an expiry; one fetch at a time per URL (callers that ask meanwhile share it). */
export function createJwksCache(options: JwksCacheOptions = {}): JwksCache {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { until: number; keySet: Promise<JSONWebKeySet> }>();
  return {
    get(url, fetchJwks) {
      const cached = entries.get(url);
      if (cached && cached.until > now()) return cached.keySet;
      const keySet = Promise.resolve()
        .then(() => fetchJwks(url))
        .then((body) => asKeySet(url, body));
      entries.set(url, { until: now() + ttlMs, keySet });
      keySet.catch(() => entries.set(url, { until: now() + failureTtlMs, keySet }));
      return keySet;
    },
  };
}
