import type { TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';

/** The HAR 1.2 shapes this tool writes (a subset of the spec, plus `_forge` fields). */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number };
  _forge?: unknown;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    browser?: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: Record<string, number> }[];
    entries: HarEntry[];
    /** The trace without its calls and network entries (those are in the entries): a HAR saved by this tool imports back whole. */
    _forge?: Omit<TraceV2, 'calls' | 'network'>;
  };
}

/** Bridge calls become entries at this made-up host (`.invalid` never resolves), one path per frame and command. */
export const BRIDGE_HOST = 'forge-bridge.invalid';

const iso = (ms: number) => new Date(Number.isFinite(ms) && ms > 0 ? ms : 0).toISOString();
const nonNegative = (n: number) => (n >= 0 ? n : 0);

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function networkEntry(entry: NetworkEntry, trace: TraceV2): HarEntry {
  const matches = trace.matches.filter((m) => m.entryId === entry.id).map(({ callId, relation, certainty }) => ({ callId, relation, certainty }));
  return {
    pageref: `segment-${entry.segment}`,
    startedDateTime: iso(entry.startedAt),
    time: nonNegative(entry.durationMs),
    request: {
      method: entry.method,
      url: entry.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: entry.requestHeaders,
      queryString: queryOf(entry.url),
      ...(entry.requestBody !== null ? { postData: { mimeType: 'application/json', text: entry.requestBody } } : {}),
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
    _forge: { entry: { id: entry.id, category: entry.category, operationName: entry.operationName, bodyTruncated: entry.bodyTruncated, segment: entry.segment }, matches },
  };
}

function frameHost(call: TraceCall): string {
  try {
    return new URL(call.frame.url).host || 'frame';
  } catch {
    return 'frame';
  }
}

function callEntry(call: TraceCall): HarEntry {
  const outcome = call.status === 'ok' ? call.response : call.status === 'error' ? call.error : undefined;
  const text = outcome ? JSON.stringify(outcome.value) : undefined;
  return {
    pageref: `segment-${call.segment}`,
    startedDateTime: iso(call.startedAt),
    time: nonNegative(call.durationMs ?? 0),
    request: {
      method: 'POST',
      url: `https://${BRIDGE_HOST}/${encodeURIComponent(frameHost(call))}/${encodeURIComponent(call.command)}`,
      httpVersion: 'forge-bridge',
      cookies: [],
      headers: [],
      queryString: [],
      postData: { mimeType: 'application/json', text: JSON.stringify(call.request.value) },
      headersSize: -1,
      bodySize: call.request.bytes,
    },
    response: {
      // 200 ok, 500 error, 0 still pending: so that a HAR viewer colours them as the panel does.
      status: call.status === 'ok' ? 200 : call.status === 'error' ? 500 : 0,
      statusText: call.summary,
      httpVersion: 'forge-bridge',
      cookies: [],
      headers: [],
      content: { size: outcome?.bytes ?? 0, mimeType: 'application/json', ...(text !== undefined ? { text } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: outcome?.bytes ?? 0,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: nonNegative(call.durationMs ?? 0), receive: 0 },
    _forge: { call },
  };
}

/** HAR 1.2: the network entries, and one entry per bridge call carrying the call in `_forge`. */
export function toHar(trace: TraceV2): Har {
  const { calls, network, ...rest } = trace;
  const entries = [...network.map((e) => networkEntry(e, trace)), ...calls.map(callEntry)];
  entries.sort((a, b) => (a.startedDateTime < b.startedDateTime ? -1 : a.startedDateTime > b.startedDateTime ? 1 : 0));
  return {
    log: {
      version: '1.2',
      creator: { name: 'Forge Bridge DevTools', version: trace.extension.version },
      ...(trace.browser ? { browser: trace.browser } : {}),
      pages: trace.segments.map((s) => ({ startedDateTime: iso(s.startedAt), id: `segment-${s.index}`, title: s.url, pageTimings: {} })),
      entries,
      _forge: rest,
    },
  };
}
