import { classifyCall } from '../bridge/classify';
import { summarizeCall } from '../bridge/summary';
import { categorize, correlate, fromHarEntry, learnRemotes, remoteOriginsOf, type HarEntry } from '../network';
import { forgeExchangesOf } from '../network/exchanges';
import { originOf } from '../network/urls';
import type { CallRecord, CallStatus, FrameRecord, Segment, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { SnapshotValue } from '../protocol/snapshot';
import { collectTokens } from '../tokens';
import type { Har } from '../network/har';

const snapshot = (value: SnapshotValue) => ({ value, bytes: JSON.stringify(value)?.length ?? 4, truncated: false });

/** The HAR's pages as segments, and which segment each page id is. A HAR without pages is one segment. */
function segmentsOf(har: Har, firstStart: number): { segments: Segment[]; segmentOf: (pageref: string | undefined) => number } {
  const pages = Array.isArray(har.log.pages) ? har.log.pages : [];
  if (pages.length === 0) return { segments: [{ index: 0, startedAt: firstStart, url: '' }], segmentOf: () => 0 };
  const index = new Map(pages.map((p, i) => [p.id, i]));
  const segments = pages.map((p, i) => ({ index: i, startedAt: Date.parse(p.startedDateTime) || 0, url: typeof p.title === 'string' ? p.title : '' }));
  return { segments, segmentOf: (pageref) => (pageref !== undefined ? (index.get(pageref) ?? 0) : 0) };
}

/** The origins of the HAR's pages (their titles are the pages' URLs), or undefined when none is a URL. */
function pageOriginsOf(segments: readonly Segment[]): Set<string> | undefined {
  const origins = new Set<string>();
  for (const s of segments) {
    const origin = originOf(s.url);
    if (origin) origins.add(origin);
  }
  return origins.size > 0 ? origins : undefined;
}

function asNetworkEntries(entries: readonly HarEntry[], segmentOf: (pageref: string | undefined) => number, pageOrigins: Set<string> | undefined): NetworkEntry[] {
  // Two passes: remotes are learned from FIT mints and FIT-bearing requests, then requests to them are kept.
  const remoteOrigins = new Set<string>();
  let kept: NetworkEntry[] = [];
  for (let pass = 0; pass < 2; pass++) {
    kept = [];
    entries.forEach((har, i) => {
      const category = categorize(har, { remoteOrigins, pageOrigins });
      if (category === null) return;
      const segment = segmentOf((har as { pageref?: string }).pageref);
      kept.push(fromHarEntry(har, { text: har.response.content.text ?? null, encoding: har.response.content.encoding ?? null }, { id: `har-${i}`, segment, category }));
    });
    for (const origin of remoteOriginsOf(kept)) remoteOrigins.add(origin);
  }
  return kept;
}

const FRAME: FrameRecord = {
  key: 'har:0', frameId: 0, docId: 'har', url: '', isTop: false, parentUrl: '', firstSeenAt: 0, hookReady: false, bridge: null, transport: 'unknown', segment: 0,
};

function traceCall(id: string, command: string, request: SnapshotValue, entry: NetworkEntry, outcome: { status: CallStatus; value: SnapshotValue }): TraceCall {
  const endedAt = entry.startedAt + Math.max(0, entry.durationMs);
  const response = outcome.status === 'ok' ? outcome.value : null;
  const error = outcome.status === 'error' ? outcome.value : null;
  return {
    id,
    frame: { url: FRAME.url, key: FRAME.key, parentUrl: '', isTop: false },
    command,
    kind: classifyCall(command, request),
    summary: summarizeCall({ command, request, status: outcome.status, response, error }),
    startedAt: entry.startedAt,
    endedAt,
    durationMs: endedAt - entry.startedAt,
    status: outcome.status,
    request: snapshot(request),
    ...(response !== null ? { response: snapshot(response) } : {}),
    ...(error !== null ? { error: snapshot(error) } : {}),
    deliveries: [],
    segment: entry.segment,
  };
}

/** Each remote's origin to its key, from the FIT mints' base URLs. */
function remoteKeysByOrigin(network: readonly NetworkEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, bases] of learnRemotes(network).baseUrlsByKey) for (const base of bases) out.set(originOf(base)!, key);
  return out;
}

/** invoke (resolver, invokeRemote, invokeService) as the host's invokeExtension GraphQL request shows it. */
function invocationsOf(entry: NetworkEntry, nextId: () => string): TraceCall[] {
  return forgeExchangesOf(entry).flatMap((x) => {
    if (!x.call) return [];
    const ok = x.response?.success === true;
    const message = String((x.response?.errors[0] as { message?: unknown } | undefined)?.message ?? 'The invocation failed');
    const body = (x.response?.body ?? null) as SnapshotValue;
    // invokeRemote/invokeService answer the bridge with {success, payload | error}; a resolver with its value.
    const remote = typeof x.call.invokeType === 'string';
    const value: SnapshotValue = remote ? { success: ok, ...(ok ? { payload: body } : { error: { message } }) } : ok ? body : { message };
    return [traceCall(nextId(), 'invoke', x.call as SnapshotValue, entry, { status: ok || remote ? 'ok' : 'error', value })];
  });
}

/** requestRemote (fetchRemote) as the direct request to the remote, carrying a FIT, shows it. */
function requestRemoteOf(entry: NetworkEntry, remoteKeys: Map<string, string>, id: string): TraceCall {
  const url = new URL(entry.url);
  const request: SnapshotValue = {
    remoteKey: remoteKeys.get(url.origin) ?? url.host,
    fetchRequestInit: { path: url.pathname + url.search, method: entry.method, body: entry.requestBody },
    isMultipartFormData: false,
  };
  const failed = entry.status === 0;
  const response: SnapshotValue = { status: entry.status, statusText: entry.statusText, body: entry.responseBody, isAttachment: entry.responseBodyEncoding === 'base64' };
  return traceCall(id, 'fetchRemote', request, entry, { status: failed ? 'error' : 'ok', value: failed ? { message: 'The request failed' } : response });
}

/** Forge calls as the host's traffic shows them: invocations from GraphQL, requestRemote from FIT-bearing requests. */
function rebuildCalls(network: readonly NetworkEntry[]): TraceCall[] {
  const remoteKeys = remoteKeysByOrigin(network);
  const calls: TraceCall[] = [];
  const nextId = () => `${FRAME.key}#${calls.length + 1}`;
  for (const entry of network) {
    if (entry.category === 'forge-graphql') calls.push(...invocationsOf(entry, nextId));
    else if (entry.category === 'forge-jwt' && entry.method !== 'OPTIONS' && URL.canParse(entry.url)) calls.push(requestRemoteOf(entry, remoteKeys, nextId()));
  }
  return calls.sort((a, b) => a.startedAt - b.startedAt);
}

/** A browser's HAR (Chrome's or Firefox's Network panel) as a trace: its Forge traffic, and the calls rebuilt from it. */
export function traceFromBrowserHar(har: Har, now: number): { trace: TraceV2; notes: string[] } | { error: string } {
  const entries = har.log.entries;
  const firstStart = entries.reduce((min, e) => Math.min(min, Date.parse(e.startedDateTime) || Infinity), Infinity);
  const { segments, segmentOf } = segmentsOf(har, Number.isFinite(firstStart) ? firstStart : 0);
  const network = asNetworkEntries(entries, segmentOf, pageOriginsOf(segments));
  const calls = rebuildCalls(network);
  if (calls.length === 0 && network.length === 0) return { error: `There is no Forge traffic in this HAR (${entries.length} requests): no Forge GraphQL operation, no request carrying a Forge token.` };
  const callRecords: CallRecord[] = calls.map((c) => ({ ...c, frameKey: c.frame.key, callId: 0, response: c.response ?? null, error: c.error ?? null, deliveriesDropped: 0 }));
  const matches = correlate(callRecords, network);
  const creator = har.log.creator;
  const trace: TraceV2 = {
    format: 'forge-bridge-trace',
    version: 2,
    exportedAt: now,
    tabId: -1,
    extension: { version: 'imported from HAR' },
    browser: har.log.browser ?? (creator?.name ? { name: creator.name, version: creator.version ?? '' } : null),
    settings: { maxCalls: 0, preserveLog: false, networkFeed: 'unknown' },
    redaction: null,
    dropped: 0,
    lostInTransit: 0,
    frames: [FRAME],
    segments,
    calls,
    network,
    tokens: collectTokens({ calls: callRecords, network, matches }),
    matches,
  };
  return {
    trace,
    notes: [
      `Rebuilt ${calls.length} Forge calls from ${network.length} of ${entries.length} requests: invocations from GraphQL, requestRemote from requests carrying a FIT.`,
      'A HAR holds network traffic only: bridge calls that make no request (getContext, events, navigation) are not in it.',
    ],
  };
}
