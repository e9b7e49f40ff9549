/**
 * Header names whose values an export keeps readable: known to carry no credential and to help whoever
 * reads the trace. Every other header's value is redacted. A user extends the list (settings key below,
 * and the export dialog); a name ending in `*` covers every header that starts with it. Kept values are
 * still scanned as text (a `Location` with `?code=` loses the code).
 *
 * A listed name cannot make a credential readable by accident: a header whose name contains a sensitive word
 * (`x-api-key`, `x-hub-signature-256`, `x-session-id`, whatever a `*` prefix covers) stays redacted even when
 * listed (redact/headers.ts), and Settings refuses such a name with the reason.
 */
import { DEFAULT_SENSITIVE_KEYS, nameRules } from '../redact/names';

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

/** The stored list, whatever storage held: the defaults plus every stored name that still parses and is not refused. */
export function readSafeHeaders(stored: unknown): string[] {
  const extra = Array.isArray(stored) ? stored.flatMap((v) => (typeof v === 'string' && parseSafeHeader(v) && !safeHeaderRefusal(parseSafeHeader(v)!) ? [parseSafeHeader(v)!] : [])) : [];
  return [...new Set([...DEFAULT_SAFE_HEADERS, ...extra])];
}

/** Whether a header's value stays readable under a list. */
export function isSafeHeader(name: string, safe: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return safe.some((s) => (s.endsWith('*') ? lower.startsWith(s.slice(0, -1)) : lower === s));
}

const defaultRules = nameRules(DEFAULT_SENSITIVE_KEYS);

/** Why a name cannot be kept readable (it contains a sensitive word, or covers every header), or null. */
export function safeHeaderRefusal(name: string): string | null {
  if (name === '*' || name.replace(/\*$/, '').length < 2) return `"${name}" would cover almost every header; name the headers (a prefix of two or more characters with *).`;
  if (defaultRules.isSensitive(name.replace(/\*$/, ''))) return `"${name}" looks like it carries a credential (its name contains a sensitive word), so its value stays redacted even if listed.`;
  return null;
}

export interface SafeHeaderList {
  /** The names added to the defaults (parsed, deduplicated, not already a default). */
  added: string[];
  /** What was typed but not taken, and why. */
  refused: { input: string; reason: string }[];
}

/** What a user typed in Settings (names separated by commas, spaces or lines): the names to add, and the ones refused with the reason. */
export function parseSafeHeaderList(input: string): SafeHeaderList {
  const added: string[] = [];
  const refused: { input: string; reason: string }[] = [];
  for (const item of input.split(/[\s,]+/).filter(Boolean)) {
    const name = parseSafeHeader(item);
    const reason = item === '*' ? safeHeaderRefusal(item) : name === null ? `"${item}" is not a header name (letters, digits and - only; * at the end for a prefix).` : safeHeaderRefusal(name);
    if (reason !== null) refused.push({ input: item, reason });
    else if (!DEFAULT_SAFE_HEADERS.includes(name!) && !added.includes(name!)) added.push(name!);
  }
  return { added, refused };
}
