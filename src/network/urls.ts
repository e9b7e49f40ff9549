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

/** What correlation reads of one URL, from a single parse: a network entry's URL is asked for all three. */
interface UrlParts {
  origin: string | null;
  normalized: string;
  pathname: string;
  search: string;
  /** pathSuffixes, worked out when first asked (a joined base and path never is). */
  suffixes: readonly string[] | null;
}

const MAX_SUFFIXES = 16;

const urlParts = remembered(function urlParts(url: string): UrlParts | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const { pathname, search } = parsed;
  const origin = parsed.origin !== 'null' ? parsed.origin : null;
  parsed.hash = '';
  return { origin, normalized: parsed.href, pathname, search, suffixes: null };
});

export function originOf(url: string): string | null {
  return urlParts(url)?.origin ?? null;
}

/** The URL as the browser would send it (percent-encoding normalised), without its fragment; null when unreadable. */
export function normalizedUrl(url: string): string | null {
  return urlParts(url)?.normalized ?? null;
}

const parsedPath = remembered(function parsedPath(path: string): string | null {
  const parsed = parseUrl(`http://p.invalid${path.startsWith('/') ? '' : '/'}${path}`);
  return parsed ? parsed.pathname + parsed.search : null;
});

/** A path as sent (query included) in the browser's encoding, so a bridge path compares equal to a request's URL. */
export function normalizedPath(path: string): string | null {
  // Most paths are already in that form: no URL is parsed (nor remembered) for them.
  return isNormalPath(path) ? path : parsedPath(path);
}

/** Characters the URL parser keeps as they are in a path and a query (not a backslash, `%`, `'`, `#`, a space or a control). */
const KEPT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@/") KEPT[c.charCodeAt(0)] = 1;
const SLASH = 47;
const QUESTION = 63;
const DOT = 46;

/**
 * True when parsing `path` as a URL's path and query gives it back unchanged: it starts with `/`, has only
 * characters kept as they are, no `.` or `..` segment (the parser resolves those), and no empty query (a
 * lone trailing `?` is dropped).
 */
export function isNormalPath(path: string): boolean {
  if (path.charCodeAt(0) !== SLASH) return false;
  let segment = 1;
  for (let i = 1; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : SLASH;
    if (c === SLASH || c === QUESTION) {
      const length = i - segment;
      const dot = path.charCodeAt(segment) === DOT;
      if (dot && (length === 1 || (length === 2 && path.charCodeAt(segment + 1) === DOT))) return false;
      if (c === QUESTION) return i < path.length - 1 && queryKept(path, i + 1);
      segment = i + 1;
    } else if (c >= 128 || KEPT[c] !== 1) return false;
  }
  return true;
}

/** True when every character of a query from `start` on is kept as it is (`?` too, in a query). */
function queryKept(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== QUESTION && (c >= 128 || KEPT[c] !== 1)) return false;
  }
  return true;
}

/** `base` + `path` joined as Forge joins a remote's baseUrl and a requestRemote path (string concatenation). */
export function joinBaseAndPath(base: string, path: string): string | null {
  return normalizedUrl(base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
}

/**
 * Path-and-query endings of a URL cut at `/` boundaries, longest first: for /api/v1/tasks?x=1 these are
 * /api/v1/tasks?x=1, /v1/tasks?x=1, /tasks?x=1. A call's path on an unknown base URL is one of them.
 */
export function pathSuffixes(url: string): readonly string[] {
  const parts = urlParts(url);
  if (!parts) return NO_SUFFIXES;
  if (parts.suffixes === null) {
    const segments = parts.pathname.split('/').slice(1);
    const out: string[] = [];
    for (let i = 0; i < segments.length && out.length < MAX_SUFFIXES; i++) out.push(`/${segments.slice(i).join('/')}${parts.search}`);
    parts.suffixes = Object.freeze(out);
  }
  return parts.suffixes;
}
const NO_SUFFIXES: readonly string[] = Object.freeze([]);
