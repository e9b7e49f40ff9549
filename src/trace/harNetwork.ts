import { fromHarEntry, headerValue } from '../network';
import type { HeaderPair, NetworkEntry } from '../protocol/network';
import type { HarEntry, HarForgeEntry } from '../network/har';
import { harTime, nonNegative } from '../network/harTime';

function queryOf(url: string): HeaderPair[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function harEntryOf(entry: NetworkEntry): HarEntry {
  return {
    startedDateTime: harTime(entry.startedAt),
    time: nonNegative(entry.durationMs),
    request: {
      method: entry.method,
      url: entry.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: entry.requestHeaders,
      queryString: queryOf(entry.url),
      ...(entry.requestBody !== null ? { postData: { mimeType: headerValue(entry.requestHeaders, 'content-type') ?? 'application/octet-stream', text: entry.requestBody } } : {}),
      headersSize: -1,
      bodySize: entry.requestBodySize,
    },
    response: {
      status: entry.status,
      statusText: entry.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: entry.responseHeaders,
      content: {
        size: nonNegative(entry.responseBodySize),
        mimeType: entry.mimeType || 'application/octet-stream',
        ...(entry.responseBody !== null ? { text: entry.responseBody } : {}),
        ...(entry.responseBodyEncoding ? { encoding: entry.responseBodyEncoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: entry.responseBodySize,
    },
    cache: {},
    timings: { ...entry.timings, send: nonNegative(entry.timings.send), wait: nonNegative(entry.timings.wait), receive: nonNegative(entry.timings.receive) },
  };
}

/** A network entry back from an entry of this tool's HAR: read as any HAR entry, then made exact by `_forge`. */
export function networkFromHar(har: HarEntry, forge: HarForgeEntry): NetworkEntry {
  const read = fromHarEntry(har, { text: har.response.content.text ?? null, encoding: har.response.content.encoding ?? null }, { id: forge.id, segment: forge.segment, category: forge.category });
  return { ...read, operationName: forge.operationName, bodyTruncated: forge.bodyTruncated, ...forge.exact };
}

const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** A network entry as a HAR entry; `_forge` keeps what HAR cannot say, and the calls that caused it. */
export function networkToHar(entry: NetworkEntry, index: number, matches: HarForgeEntry['matches']): HarEntry<HarForgeEntry> {
  const har = harEntryOf(entry);
  const forge: HarForgeEntry = { index, id: entry.id, category: entry.category, operationName: entry.operationName, segment: entry.segment, bodyTruncated: entry.bodyTruncated, matches };
  const read = networkFromHar(har, forge);
  const exact: Partial<Record<keyof NetworkEntry, unknown>> = {};
  for (const key of Object.keys(entry) as (keyof NetworkEntry)[]) if (!same(entry[key], read[key])) exact[key] = entry[key];
  if (Object.keys(exact).length > 0) forge.exact = exact as Partial<NetworkEntry>;
  return { ...har, _forge: forge };
}
