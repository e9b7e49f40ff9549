import { LIMITS } from '../protocol/limits';
import type { NetworkCategory, NetworkEntry, NetworkTimings } from '../protocol/network';
import { operationNamesIn, isForgeOperation } from './graphql';
import type { HarEntryLike } from './har';

const TIMING_KEYS = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;
const HEADER_VALUE_CHARS = 16 * 1024;
const HEADERS_MAX = 200;

function bounded(text: string | null | undefined): { text: string | null; cut: boolean } {
  if (text === null || text === undefined) return { text: null, cut: false };
  return text.length > LIMITS.networkBodyChars ? { text: text.slice(0, LIMITS.networkBodyChars), cut: true } : { text, cut: false };
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function headers(list: HarEntryLike['request']['headers'] | undefined) {
  return (list ?? [])
    .slice(0, HEADERS_MAX)
    .filter((h) => typeof h?.name === 'string' && h.name !== '')
    .map((h) => ({ name: h.name.slice(0, 256), value: String(h.value ?? '').slice(0, HEADER_VALUE_CHARS) }));
}

/** A network entry from a HAR entry and its response body (read separately in the browsers), bounded. */
export function fromHarEntry(
  har: HarEntryLike,
  content: { text: string | null; encoding: string | null },
  meta: { id: string; segment: number; category: NetworkCategory },
): NetworkEntry {
  const requestBody = bounded(har.request.postData?.text);
  const responseBody = bounded(content.text ?? har.response.content.text);
  const timings = {} as NetworkTimings;
  for (const key of TIMING_KEYS) timings[key] = Math.max(-1, finite(har.timings?.[key], -1));
  const started = Date.parse(har.startedDateTime);
  const operation = meta.category === 'forge-graphql' ? (operationNamesIn(requestBody.text).find(isForgeOperation) ?? null) : null;
  return {
    id: meta.id,
    startedAt: Number.isFinite(started) ? started : 0,
    durationMs: Math.max(-1, finite(har.time, -1)),
    method: (har.request.method || 'GET').slice(0, 32),
    url: har.request.url.slice(0, LIMITS.urlChars),
    status: Math.max(0, Math.trunc(finite(har.response.status, 0))),
    statusText: (har.response.statusText ?? '').slice(0, 512),
    requestHeaders: headers(har.request.headers),
    responseHeaders: headers(har.response.headers),
    requestBody: requestBody.text,
    responseBody: responseBody.text,
    responseBodyEncoding: (content.encoding ?? har.response.content.encoding) === 'base64' ? 'base64' : null,
    bodyTruncated: requestBody.cut || responseBody.cut,
    requestBodySize: finite(har.request.bodySize, -1),
    responseBodySize: finite(har.response.content.size ?? har.response.bodySize, -1),
    mimeType: (har.response.content.mimeType ?? '').slice(0, 256),
    timings,
    category: meta.category,
    operationName: operation,
    segment: meta.segment,
  };
}
