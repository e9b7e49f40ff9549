import type { ForgeHar, HarEntry, HarForgeCall, HarForgeEntry } from '../network/har';
import { harTime } from '../network/harTime';
import type { TraceV2 } from '../protocol/model';
import { callsToHar } from './harCalls';
import { networkToHar } from './harNetwork';

const HAR_CREATOR = 'Forge Bridge DevTools';
const pageIdOf = (segment: number) => `segment-${segment}`;

function redactionComment(trace: TraceV2): string {
  if (!trace.redaction) return 'NOT REDACTED: this file may hold live credentials (tokens, cookies, secrets).';
  const c = trace.redaction.counts;
  return `Redacted: ${c.jwtSignatures} JWT signatures, ${c.oauthTokens} OAuth tokens, ${c.cookies} cookies, ${c.authorization} Authorization values, ${c.sensitiveKeys} values under sensitive keys.`;
}

/** Indices 0…n-1 ordered by `time(i)`, ties in index order; no sort when they already are (a recording is). */
function byTime(n: number, time: (i: number) => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 1; i < n; i++) if (time(i) < time(i - 1)) return order.sort((a, b) => time(a) - time(b) || a - b);
  return order;
}

/** The log's fields before and after its entries. */
function shellOf(trace: TraceV2) {
  const { calls: _calls, network: _network, ...rest } = trace;
  return {
    head: {
      version: '1.2',
      creator: { name: HAR_CREATOR, version: trace.extension.version },
      ...(trace.browser ? { browser: trace.browser } : {}),
      pages: trace.segments.map((s) => ({ startedDateTime: harTime(s.startedAt), id: pageIdOf(s.index), title: s.url, pageTimings: {} })),
    },
    tail: { comment: redactionComment(trace), _forge: rest },
  };
}

/**
 * Each entry in time order, made as it is asked for: network entries (with `_forge.matches`) and bridge calls
 * merged by start time (a network entry first at equal times), so a writer can turn each into text and drop it.
 */
function* entriesOf(trace: TraceV2): Generator<HarEntry<HarForgeEntry | HarForgeCall>> {
  const { calls, network } = trace;
  const matchesByEntry = new Map<string, HarForgeEntry['matches']>();
  for (const { entryId, callId, relation, certainty } of trace.matches) {
    let list = matchesByEntry.get(entryId);
    if (!list) matchesByEntry.set(entryId, (list = []));
    list.push({ callId, relation, certainty });
  }
  const pages = new Set(trace.segments.map((s) => s.index));
  const paged = <T extends object>(segment: number, entry: T): T => (pages.has(segment) ? { pageref: pageIdOf(segment), ...entry } : entry);
  const callOrder = byTime(calls.length, (i) => calls[i]!.startedAt);
  const entryOrder = byTime(network.length, (i) => network[i]!.startedAt);
  const callEntries = callsToHar(calls);
  let c = 0;
  for (const e of entryOrder) {
    const startedAt = network[e]!.startedAt;
    while (c < callOrder.length && calls[callOrder[c]!]!.startedAt < startedAt) {
      const i = callOrder[c++]!;
      yield paged(calls[i]!.segment, callEntries(i));
    }
    yield paged(network[e]!.segment, networkToHar(network[e]!, e, matchesByEntry.get(network[e]!.id) ?? []));
  }
  for (; c < callOrder.length; c++) yield paged(calls[callOrder[c]!]!.segment, callEntries(callOrder[c]!));
}

/**
 * HAR 1.2: one page per segment, one entry per network entry (with `_forge.matches`), and one POST entry per
 * bridge call at `https://forge-bridge.invalid/<frame host>/<command>` carrying the call in `_forge.call`.
 */
export function toHar(trace: TraceV2): ForgeHar {
  const { head, tail } = shellOf(trace);
  return { log: { ...head, entries: [...entriesOf(trace)], ...tail } as ForgeHar['log'] };
}

/**
 * The HAR's JSON as parts whose concatenation is exactly JSON.stringify(toHar(trace)), each entry written
 * as it is made: no tree of 100,000 entries is built and kept, only their text (for a Blob).
 */
export function harJsonParts(trace: TraceV2): string[] {
  const { head, tail } = shellOf(trace);
  const parts = ['{"log":', JSON.stringify(head).slice(0, -1), ',"entries":['];
  let first = true;
  for (const entry of entriesOf(trace)) {
    if (!first) parts.push(',');
    parts.push(JSON.stringify(entry));
    first = false;
  }
  parts.push('],', JSON.stringify(tail).slice(1), '}');
  return parts;
}
