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

/**
 * HAR 1.2: one page per segment, one entry per network entry (with `_forge.matches`), and one POST entry per
 * bridge call at `https://forge-bridge.invalid/<frame host>/<command>` carrying the call in `_forge.call`.
 */
export function toHar(trace: TraceV2): ForgeHar {
  const { calls, network, ...rest } = trace;
  const matchesByEntry = new Map<string, HarForgeEntry['matches']>();
  for (const { entryId, callId, relation, certainty } of trace.matches) {
    let list = matchesByEntry.get(entryId);
    if (!list) matchesByEntry.set(entryId, (list = []));
    list.push({ callId, relation, certainty });
  }
  const pages = new Set(trace.segments.map((s) => s.index));
  const pageref = (segment: number) => (pages.has(segment) ? { pageref: pageIdOf(segment) } : {});
  const timed: [number, HarEntry<HarForgeEntry | HarForgeCall>][] = [
    ...network.map((e, i): [number, HarEntry<HarForgeEntry>] => [e.startedAt, { ...pageref(e.segment), ...networkToHar(e, i, matchesByEntry.get(e.id) ?? []) }]),
    ...callsToHar(calls).map((entry, i): [number, HarEntry<HarForgeCall>] => [calls[i]!.startedAt, { ...pageref(calls[i]!.segment), ...entry }]),
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
