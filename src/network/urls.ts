/** URL readers that never throw: network entries come from pages and HAR files, so any text may turn up. */

export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * A pure function of one string, remembered for the last few thousand inputs. Correlation asks for the same
 * URLs again on every update of a live panel (a profile of 10,000 streamed calls: URL parsing was the largest
 * cost); the answers are strings or frozen arrays, so sharing them is safe.
 */
function remembered<T>(compute: (text: string) => T, bound = 4096): (text: string) => T {
  let cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = compute(text);
    if (cache.size >= bound) cache = new Map();
    cache.set(text, value);
    return value;
  };
}

export const originOf = remembered(function originOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed && parsed.origin !== 'null' ? parsed.origin : null;
});

/** The URL as the browser would send it (percent-encoding normalised), without its fragment; null when unreadable. */
export const normalizedUrl = remembered(function normalizedUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  parsed.hash = '';
  return parsed.href;
});

/** A path as sent (query included) in the browser's encoding, so a bridge path compares equal to a request's URL. */
export const normalizedPath = remembered(function normalizedPath(path: string): string | null {
  const parsed = parseUrl(`http://p.invalid${path.startsWith('/') ? '' : '/'}${path}`);
  return parsed ? parsed.pathname + parsed.search : null;
});

/** `base` + `path` joined as Forge joins a remote's baseUrl and a requestRemote path (string concatenation). */
export function joinBaseAndPath(base: string, path: string): string | null {
  return normalizedUrl(base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
}

const MAX_SUFFIXES = 16;

/**
 * Path-and-query endings of a URL cut at `/` boundaries, longest first: for /api/v1/tasks?x=1 these are
 * /api/v1/tasks?x=1, /v1/tasks?x=1, /tasks?x=1. A call's path on an unknown base URL is one of them.
 */
export const pathSuffixes = remembered(function pathSuffixes(url: string): readonly string[] {
  const parsed = parseUrl(url);
  if (!parsed) return [];
  const segments = parsed.pathname.split('/').slice(1);
  const out: string[] = [];
  for (let i = 0; i < segments.length && out.length < MAX_SUFFIXES; i++) out.push(`/${segments.slice(i).join('/')}${parsed.search}`);
  return Object.freeze(out);
});
