/**
 * Header names whose values an export keeps readable: known to carry no credential and to help whoever
 * reads the trace. Every other header's value is redacted. A user extends the list (settings key below,
 * and the export dialog); a name ending in `*` covers every header that starts with it. Kept values are
 * still scanned as text (a `Location` with `?code=` loses the code).
 */
export const SAFE_HEADERS_KEY = 'safeHeaders';

export const DEFAULT_SAFE_HEADERS: readonly string[] = [
  'accept', 'accept-encoding', 'accept-language', 'accept-ranges', 'access-control-*', 'age', 'cache-control',
  'connection', 'content-disposition', 'content-encoding', 'content-language', 'content-length', 'content-range',
  'content-security-policy', 'content-type', 'date', 'etag', 'expires', 'host', 'if-modified-since', 'if-none-match',
  'keep-alive', 'last-modified', 'location', 'origin', 'pragma', 'referer', 'referrer-policy', 'retry-after', 'server',
  'server-timing', 'strict-transport-security', 'timing-allow-origin', 'traceparent', 'tracestate', 'transfer-encoding',
  'user-agent', 'vary', 'via', 'x-b3-*', 'x-content-type-options', 'x-frame-options', 'x-request-id', 'x-trace-id',
  'x-correlation-id', 'atl-traceid', 'atl-client-name', 'atl-client-version', 'atl-attribution', 'x-experimentalapi',
  ':authority', ':method', ':path', ':scheme', ':status',
];

/** A header name as a user typed it: lower case, header characters only (and a trailing `*`), or null. */
export function parseSafeHeader(input: string): string | null {
  const name = input.trim().toLowerCase();
  return /^:?[a-z0-9!#$%&'+.^_`|~-]+\*?$/.test(name) ? name : null;
}

/** The stored list, whatever storage held: the defaults plus every stored name that still parses. */
export function readSafeHeaders(stored: unknown): string[] {
  const extra = Array.isArray(stored) ? stored.flatMap((v) => (typeof v === 'string' && parseSafeHeader(v) ? [parseSafeHeader(v)!] : [])) : [];
  return [...new Set([...DEFAULT_SAFE_HEADERS, ...extra])];
}

/** Whether a header's value stays readable under a list. */
export function isSafeHeader(name: string, safe: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return safe.some((s) => (s.endsWith('*') ? lower.startsWith(s.slice(0, -1)) : lower === s));
}
