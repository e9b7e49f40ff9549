import type { NetworkEntry } from '../../../src/protocol/network';
import type { HookEvent } from '../../../src/protocol/hook';
import type { CallKind } from '../../../src/protocol/model';
import type { RelayToBackground } from '../../../src/protocol/runtime';
import type { Snapshot, SnapshotValue } from '../../../src/protocol/snapshot';
import type { RecorderOptions, SummaryInput } from '../../../src/recorder/recorder';

export function snap(value: SnapshotValue, bytes = 10): Snapshot {
  return { value, bytes, truncated: false };
}

/** Simple stand-ins for src/bridge's classifyCall and summarizeCall. */
export const fakeClassify = (command: string, _request: SnapshotValue): CallKind => (command === 'invoke' ? 'resolver' : 'other');
export const fakeSummarize = (i: SummaryInput): string => `${i.command} ${i.status}`;

/** The recorder's clock in tests: set `clock.now` by hand. */
export const clock = { now: 5_000 };

export function options(extra: Partial<RecorderOptions> = {}): RecorderOptions {
  clock.now = 5_000;
  return { classify: fakeClassify, summarize: fakeSummarize, now: () => clock.now, ...extra };
}

export function hello(docId: string, url = 'https://app.example/', parentUrl = ''): RelayToBackground {
  return { type: 'hello', docId, url, isTop: false, parentUrl };
}

/** The hello of a tab's top document (a navigation when another top document was there before). */
export function topHello(docId: string, url = 'https://site.atlassian.net/jira'): RelayToBackground {
  return { type: 'hello', docId, url, isTop: true, parentUrl: '' };
}

export function batch(docId: string, firstSeq: number, events: HookEvent[], lost = 0): RelayToBackground {
  return { type: 'batch', docId, firstSeq, events, lost };
}

export function start(id: number, at = 1000 + id, command = 'invoke', request: Snapshot = snap({ n: id })): HookEvent {
  return { type: 'call-start', id, command, at, request };
}

export function end(id: number, at = 2000 + id, ok = true, value: Snapshot = snap({ r: id })): HookEvent {
  return { type: 'call-end', id, at, ok, value };
}

export function delivery(id: number, seq: number, at = 3000 + seq): HookEvent {
  return { type: 'delivery', id, seq, at, key: 'callback', args: snap([seq]) };
}

/** Start events for call ids from..to. */
export function starts(from: number, to: number): HookEvent[] {
  const out: HookEvent[] = [];
  for (let id = from; id <= to; id++) out.push(start(id));
  return out;
}

/** A network entry as the DevTools page hands it over. */
export function netEntry(id: string, extra: Partial<NetworkEntry> = {}): NetworkEntry {
  return {
    id,
    startedAt: 1_700_000_000_000,
    durationMs: 12.5,
    method: 'POST',
    url: 'https://site.example/gateway/api/graphql',
    status: 200,
    statusText: 'OK',
    requestHeaders: [{ name: 'content-type', value: 'application/json' }],
    responseHeaders: [],
    requestBody: '{"operationName":"forge_ui_invokeExtension"}',
    responseBody: '{"data":{}}',
    responseBodyEncoding: null,
    bodyTruncated: false,
    requestBodySize: 44,
    responseBodySize: 11,
    mimeType: 'application/json',
    timings: { blocked: 0.5, dns: -1, connect: -1, ssl: -1, send: 0.1, wait: 10, receive: 1.9 },
    category: 'forge-graphql',
    operationName: 'forge_ui_invokeExtension',
    segment: 0,
    ...extra,
  };
}
