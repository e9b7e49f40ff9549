import type { TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';
import { callsToHar } from './harCalls';
import { harTime } from './harTime';
import { networkToHar } from './harNetwork';

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
  _forge?: HarForgeEntry | HarForgeCall;
}

/** `_forge` of a network entry: what HAR has no field for, and the calls that caused it. */
export interface HarForgeEntry {
  /** Position in the trace's network list (entries are sorted by time here). */
  index: number;
  id: string;
  category: NetworkEntry['category'];
  operationName: string | null;
  segment: number;
  bodyTruncated: boolean;
  matches: Pick<CallMatch, 'callId' | 'relation' | 'certainty'>[];
  /** Fields whose HAR form differs from the entry (e.g. -1 sizes HAR cannot hold), so that import is exact. */
  exact?: Partial<NetworkEntry>;
}

/** A snapshot without its value: the value is the entry's postData (request) or content text (response, error). */
export interface SnapshotSize {
  bytes: number;
  truncated: boolean;
}

/** `_forge` of a bridge call: the call, its snapshots' values being in the entry's postData and content. */
export interface HarForgeCall {
  /** Position in the trace's call list. */
  index: number;
  call: Omit<TraceCall, 'request' | 'response' | 'error'> & { request: SnapshotSize; response?: SnapshotSize; error?: SnapshotSize };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    browser?: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: Record<string, number> }[];
    entries: HarEntry[];
    comment?: string;
    /** The trace without its calls and network entries (those are in the entries): a HAR saved by this tool imports back whole. */
    _forge?: Omit<TraceV2, 'calls' | 'network'>;
  };
}

const HAR_CREATOR = 'Forge Bridge DevTools';
const pageIdOf = (segment: number) => `segment-${segment}`;

function redactionComment(trace: TraceV2): string {
  if (!trace.redaction) return 'NOT REDACTED: this file may hold live credentials (tokens, cookies, secrets).';
  const c = trace.redaction.counts;
  return `Redacted: ${c.jwtSignatures} JWT signatures, ${c.oauthTokens} OAuth tokens, ${c.cookies} cookies, ${c.authorization} Authorization values, ${c.sensitiveKeys} values under sensitive keys.`;
}

/**
 * HAR 1.2: one page per segment, one entry per network entry (with `_forge.matches`), and one POST entry per
 * bridge call at `https://forge-bridge.invalid/<frame host>/<command>` carrying the call in `_forge.call`.
 */
export function toHar(trace: TraceV2): Har {
  const { calls, network, ...rest } = trace;
  const matchesByEntry = new Map<string, HarForgeEntry['matches']>();
  for (const { entryId, callId, relation, certainty } of trace.matches) {
    let list = matchesByEntry.get(entryId);
    if (!list) matchesByEntry.set(entryId, (list = []));
    list.push({ callId, relation, certainty });
  }
  const pages = new Set(trace.segments.map((s) => s.index));
  const pageref = (segment: number) => (pages.has(segment) ? { pageref: pageIdOf(segment) } : {});
  const timed: [number, HarEntry][] = [
    ...network.map((e, i): [number, HarEntry] => [e.startedAt, { ...pageref(e.segment), ...networkToHar(e, i, matchesByEntry.get(e.id) ?? []) }]),
    ...callsToHar(calls).map((entry, i): [number, HarEntry] => [calls[i]!.startedAt, { ...pageref(calls[i]!.segment), ...entry }]),
  ];
  timed.sort((a, b) => a[0] - b[0]);
  return {
    log: {
      version: '1.2',
      creator: { name: HAR_CREATOR, version: trace.extension.version },
      ...(trace.browser ? { browser: trace.browser } : {}),
      pages: trace.segments.map((s) => ({ startedDateTime: harTime(s.startedAt), id: pageIdOf(s.index), title: s.url, pageTimings: {} })),
      entries: timed.map(([, entry]) => entry),
      comment: redactionComment(trace),
      _forge: rest,
    },
  };
}
