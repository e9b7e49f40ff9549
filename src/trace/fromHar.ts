import { classifyCall } from '../bridge/classify';
import { summarizeCall } from '../bridge/summary';
import { categorize, correlate, fromHarEntry, readForgeGraphql, remoteOriginsOf, type HarEntryLike } from '../network';
import type { CallStatus, FrameRecord, TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { SnapshotValue } from '../protocol/snapshot';
import { collectTokens } from '../tokens';
import type { Har, HarEntry } from './har';

const snapshot = (value: SnapshotValue) => ({ value, bytes: JSON.stringify(value)?.length ?? 4, truncated: false });

function asNetworkEntries(entries: readonly HarEntryLike[]): NetworkEntry[] {
  // Two passes: remotes are learned from FIT mints and FIT-bearing requests, then requests to them are kept.
  const remoteOrigins = new Set<string>();
  const kept: NetworkEntry[] = [];
  for (let pass = 0; pass < 2; pass++) {
    kept.length = 0;
    entries.forEach((har, i) => {
      const category = categorize(har, { remoteOrigins });
      if (category === null) return;
      kept.push(fromHarEntry(har, { text: har.response.content.text ?? null, encoding: har.response.content.encoding ?? null }, { id: `har-${i}`, segment: 0, category }));
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
    segment: 0,
  };
}

/** Forge calls as the host's traffic shows them: invocations from GraphQL, requestRemote from FIT-bearing requests. */
function rebuildCalls(network: readonly NetworkEntry[]): TraceCall[] {
  const remoteKeyByOrigin = new Map<string, string>();
  for (const entry of network) {
    for (const x of readForgeGraphql(entry)) {
      if (x.remoteKey && x.response?.baseUrl) {
        try {
          remoteKeyByOrigin.set(new URL(x.response.baseUrl).origin, x.remoteKey);
        } catch {
          // not a URL
        }
      }
    }
  }
  const calls: TraceCall[] = [];
  for (const entry of network) {
    if (entry.category === 'forge-graphql') {
      for (const x of readForgeGraphql(entry)) {
        if (!x.call) continue;
        const ok = x.response?.success === true;
        const message = (x.response?.errors[0] as { message?: unknown } | undefined)?.message;
        const body = (x.response?.body ?? null) as SnapshotValue;
        const value: SnapshotValue = typeof x.call.invokeType === 'string' ? { success: ok, ...(ok ? { payload: body } : { error: { message: String(message ?? 'failed') } }) } : ok ? body : { message: String(message ?? 'The invocation failed') };
        calls.push(traceCall(`har#${calls.length + 1}`, 'invoke', x.call as SnapshotValue, entry, { status: ok || typeof x.call.invokeType === 'string' ? 'ok' : 'error', value }));
      }
    } else if (entry.category === 'forge-jwt' && entry.method !== 'OPTIONS') {
      const url = new URL(entry.url);
      const request: SnapshotValue = {
        remoteKey: remoteKeyByOrigin.get(url.origin) ?? url.host,
        fetchRequestInit: { path: url.pathname + url.search, method: entry.method, body: entry.requestBody },
        isMultipartFormData: false,
      };
      const response: SnapshotValue = { status: entry.status, statusText: entry.statusText, body: entry.responseBody, isAttachment: entry.responseBodyEncoding === 'base64' };
      calls.push(traceCall(`har#${calls.length + 1}`, 'fetchRemote', request, entry, { status: entry.status === 0 ? 'error' : 'ok', value: entry.status === 0 ? { message: 'The request failed' } : response }));
    }
  }
  return calls.sort((a, b) => a.startedAt - b.startedAt);
}

function fromOwnHar(har: Har): TraceV2 | null {
  const meta = har.log._forge;
  if (!meta || meta.format !== 'forge-bridge-trace') return null;
  const calls: TraceCall[] = [];
  const network: NetworkEntry[] = [];
  for (const e of har.log.entries as HarEntry[]) {
    const forge = e._forge as { call?: TraceCall; entry?: Pick<NetworkEntry, 'id' | 'category' | 'operationName' | 'bodyTruncated' | 'segment'> } | undefined;
    if (forge?.call) calls.push(forge.call);
    else if (forge?.entry) {
      const base = fromHarEntry(e as unknown as HarEntryLike, { text: e.response.content.text ?? null, encoding: e.response.content.encoding ?? null }, { id: forge.entry.id, segment: forge.entry.segment, category: forge.entry.category });
      network.push({ ...base, operationName: forge.entry.operationName, bodyTruncated: forge.entry.bodyTruncated, timings: { ...base.timings, ...e.timings }, startedAt: Date.parse(e.startedDateTime) });
    }
  }
  return { ...meta, calls: calls.sort((a, b) => a.startedAt - b.startedAt), network };
}

/** A trace from a HAR file: this tool's own (exactly), or a browser's (Forge calls rebuilt); null when it holds no Forge traffic. */
export function traceFromHar(har: Har, now: number): { trace: TraceV2; notes: string[] } | { error: string } {
  const own = fromOwnHar(har);
  if (own) return { trace: own, notes: ['Opened a HAR saved by Forge Bridge DevTools.'] };
  const entries = har.log.entries as unknown as HarEntryLike[];
  const network = asNetworkEntries(entries);
  const calls = rebuildCalls(network);
  if (calls.length === 0 && network.length === 0) return { error: `This HAR has no Forge traffic (${entries.length} requests): no Forge GraphQL operation, no request carrying a Forge token.` };
  const callRecords = calls.map((c) => ({ ...c, frameKey: c.frame.key, callId: 0, response: c.response ?? null, error: c.error ?? null, deliveriesDropped: 0 }));
  const matches = correlate(callRecords, network);
  const tokens = collectTokens({ calls: callRecords, network, matches });
  const creator = (har.log as { creator?: { name?: string; version?: string } }).creator;
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
    segments: [{ index: 0, startedAt: network[0]?.startedAt ?? 0, url: har.log.pages?.[0]?.title ?? '' }],
    calls,
    network,
    tokens,
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
