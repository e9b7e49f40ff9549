import { LIMITS } from '../protocol/limits';
import type { HeaderPair, NetworkCategory, NetworkEntry, NetworkTimings } from '../protocol/network';
import { forgeOperationOf } from './graphql';
import type { HarEntry, HarTimingName } from './har';
import { harStartedAt } from './harTime';

const TIMING_KEYS: readonly HarTimingName[] = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'];

function bounded(text: unknown): { text: string | null; cut: boolean } {
  if (typeof text !== 'string') return { text: null, cut: false };
  return text.length > LIMITS.networkBodyChars ? { text: text.slice(0, LIMITS.networkBodyChars), cut: true } : { text, cut: false };
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

const short = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

function headers(list: unknown): HeaderPair[] {
  if (!Array.isArray(list)) return [];
  return list
    .slice(0, LIMITS.headersMax)
    .filter((h): h is { name: string; value?: unknown } => typeof h?.name === 'string' && h.name !== '')
    .map((h) => ({ name: h.name.slice(0, LIMITS.headerNameChars), value: String(h.value ?? '').slice(0, LIMITS.headerValueChars) }));
}

/** HAR timings copied as given (Chrome's floats, Firefox's whole ms); a missing or unreadable phase is -1, HAR's "did not apply". */
function timingsOf(timings: HarEntry['timings']): NetworkTimings {
  const out = {} as NetworkTimings;
  for (const key of TIMING_KEYS) out[key] = Math.max(-1, finite(timings?.[key], -1));
  return out;
}


/**
 * A network entry from a HAR entry and its response body (read separately in the browsers: Chrome's and
 * Firefox's `getContent`), with bodies cut to LIMITS.networkBodyChars. Malformed input gives empty fields,
 * never a throw: the rest of the entry is kept.
 */
export function fromHarEntry(
  har: HarEntry,
  content: { text: string | null; encoding: string | null },
  meta: { id: string; segment: number; category: NetworkCategory },
): NetworkEntry {
  const request: Partial<HarEntry['request']> = har?.request ?? {};
  const response: Partial<HarEntry['response']> = har?.response ?? {};
  const responseContent: HarEntry['response']['content'] = response.content ?? {};
  const requestBody = bounded(request.postData?.text);
  const responseBody = bounded(content?.text ?? responseContent.text);
  const startedAt = harStartedAt(har?.startedDateTime);
  return {
    id: meta.id,
    startedAt: Number.isFinite(startedAt) ? startedAt : 0,
    durationMs: Math.max(-1, finite(har?.time, -1)),
    method: short(request.method, 32) || 'GET',
    url: short(request.url, LIMITS.urlChars),
    status: Math.max(0, Math.trunc(finite(response.status, 0))),
    statusText: short(response.statusText, 512),
    requestHeaders: headers(request.headers),
    responseHeaders: headers(response.headers),
    requestBody: requestBody.text,
    responseBody: responseBody.text,
    responseBodyEncoding: (content?.encoding ?? responseContent.encoding) === 'base64' ? 'base64' : null,
    bodyTruncated: requestBody.cut || responseBody.cut,
    requestBodySize: finite(request.bodySize, -1),
    responseBodySize: finite(responseContent.size ?? response.bodySize, -1),
    mimeType: short(responseContent.mimeType, 256),
    timings: timingsOf(har?.timings),
    category: meta.category,
    operationName: meta.category === 'forge-graphql' && typeof request.url === 'string' ? forgeOperationOf(request.url, requestBody.text) : null,
    segment: meta.segment,
  };
}
