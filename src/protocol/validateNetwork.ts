/**
 * Validation of what the DevTools page sends the background: network entries are page traffic, so they are
 * bounded and rebuilt from known fields like every other message that crosses into the background.
 */
import { LIMITS } from './limits';
import type { HeaderPair, NetworkCategory, NetworkEntry, NetworkTimings } from './network';
import type { DevtoolsToBackground } from './runtime';
import { byType, describe, fail, join, nonNegativeInt, oneOf, record, str, time, type ParseResult } from './validateBasics';


const CATEGORIES: ReadonlySet<string> = new Set<NetworkCategory>(['forge-graphql', 'forge-jwt', 'remote', 'product']);
const ENCODINGS: ReadonlySet<string> = new Set(['base64']);
const TIMING_KEYS = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

function num(obj: Record<string, unknown>, key: string, path: string, min: number): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) fail(join(path, key), `expected a finite number ≥ ${min}, got ${describe(v)}`);
  return v;
}

function nullableText(obj: Record<string, unknown>, key: string, path: string, max: number): string | null {
  return obj[key] === null ? null : str(obj, key, path, max);
}

function headers(obj: Record<string, unknown>, key: string, path: string): HeaderPair[] {
  const list = obj[key];
  const at = join(path, key);
  if (!Array.isArray(list)) fail(at, `expected an array, got ${describe(list)}`);
  if (list.length > LIMITS.headersMax) fail(at, `more than ${LIMITS.headersMax} headers (${list.length})`);
  return list.map((h, i) => {
    const p = `${at}[${i}]`;
    const pair = record(h, p);
    return { name: str(pair, 'name', p, LIMITS.headerNameChars, 1), value: str(pair, 'value', p, LIMITS.headerValueChars) };
  });
}

function timings(obj: Record<string, unknown>, path: string): NetworkTimings {
  const t = record(obj.timings, join(path, 'timings'));
  const out = {} as NetworkTimings;
  for (const key of TIMING_KEYS) out[key] = num(t, key, join(path, 'timings'), -1);
  return out;
}

function entry(data: unknown, path: string): NetworkEntry {
  const e = record(data, path);
  const encoding = e.responseBodyEncoding;
  if (encoding !== null && !(typeof encoding === 'string' && ENCODINGS.has(encoding))) fail(join(path, 'responseBodyEncoding'), 'expected "base64" or null');
  const operationName = nullableText(e, 'operationName', path, LIMITS.commandChars);
  const bodyTruncated = e.bodyTruncated;
  if (typeof bodyTruncated !== 'boolean') fail(join(path, 'bodyTruncated'), `expected a boolean, got ${describe(bodyTruncated)}`);
  return {
    id: str(e, 'id', path, LIMITS.networkEntryIdChars, 1),
    startedAt: time(e, 'startedAt', path),
    durationMs: num(e, 'durationMs', path, -1),
    method: str(e, 'method', path, 32, 1),
    url: str(e, 'url', path, LIMITS.urlChars, 1),
    status: nonNegativeInt(e, 'status', path),
    statusText: str(e, 'statusText', path, 512),
    requestHeaders: headers(e, 'requestHeaders', path),
    responseHeaders: headers(e, 'responseHeaders', path),
    requestBody: nullableText(e, 'requestBody', path, LIMITS.networkBodyChars),
    responseBody: nullableText(e, 'responseBody', path, LIMITS.networkBodyChars),
    responseBodyEncoding: encoding as 'base64' | null,
    bodyTruncated,
    requestBodySize: num(e, 'requestBodySize', path, -1),
    responseBodySize: num(e, 'responseBodySize', path, -1),
    mimeType: str(e, 'mimeType', path, 256),
    timings: timings(e, path),
    category: oneOf<NetworkCategory>(e, 'category', path, CATEGORIES),
    operationName,
    segment: nonNegativeInt(e, 'segment', path),
  };
}

/** DevTools page → background, over PORT_DEVTOOLS. */
export function parseDevtoolsToBackground(data: unknown): ParseResult<DevtoolsToBackground> {
  return byType<DevtoolsToBackground>(data, {
    'network-hello': (m) => ({ type: 'network-hello', tabId: nonNegativeInt(m, 'tabId', '') }),
    network: (m) => {
      const list = m.entries;
      if (!Array.isArray(list)) fail('entries', `expected an array, got ${describe(list)}`);
      if (list.length > LIMITS.networkEntriesPerMessage) fail('entries', `more than ${LIMITS.networkEntriesPerMessage} entries (${list.length})`);
      return { type: 'network', tabId: nonNegativeInt(m, 'tabId', ''), entries: list.map((e, i) => entry(e, `entries[${i}]`)) };
    },
  });
}
