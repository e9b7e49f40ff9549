import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, CallPhases } from '../protocol/tokens';
import { readForgeGraphql } from './graphql';

const clamp = (n: number) => (n > 0 ? n : 0);
const phase = (n: number) => (n > 0 ? n : 0);

/**
 * Where the time of one call went: bridge out (call start → request start), the request's own phases,
 * bridge back (response end → call settled), the FIT renewal it waited on, and for resolver and remote
 * invocations the platform's reported app time against the GraphQL wait. Clock differences can make a
 * gap negative: those are shown as 0. Never throws.
 */
export function computePhases(call: CallRecord, matches: readonly CallMatch[], network: ReadonlyMap<string, NetworkEntry> | readonly NetworkEntry[]): CallPhases {
  const byId = network instanceof Map ? network : new Map((network as readonly NetworkEntry[]).map((e) => [e.id, e]));
  const mine = matches.filter((m) => m.callId === call.id);
  const main = mine.find((m) => m.relation !== 'token-renewal');
  const renewal = mine.find((m) => m.relation === 'token-renewal');
  const entry = main ? byId.get(main.entryId) : undefined;
  const mint = renewal ? byId.get(renewal.entryId) : undefined;
  const totalMs = call.endedAt === null ? null : clamp(call.endedAt - call.startedAt);
  const out: CallPhases = {
    callId: call.id,
    totalMs,
    bridgeOutMs: null,
    tokenFetchMs: mint && mint.durationMs >= 0 ? mint.durationMs : null,
    network: null,
    bridgeBackMs: null,
    appTimeMs: null,
    platformOverheadMs: null,
  };
  if (!entry) return out;
  const t = entry.timings;
  out.network = { blocked: phase(t.blocked), dns: phase(t.dns), connect: phase(t.connect), ssl: phase(t.ssl), send: phase(t.send), wait: phase(t.wait), receive: phase(t.receive) };
  out.bridgeOutMs = clamp(entry.startedAt - call.startedAt);
  if (call.endedAt !== null && entry.durationMs >= 0) out.bridgeBackMs = clamp(call.endedAt - (entry.startedAt + entry.durationMs));
  if (main?.relation === 'graphql') {
    const appTime = readForgeGraphql(entry).find((x) => x.response?.metrics?.appTimeMs != null)?.response?.metrics?.appTimeMs ?? null;
    out.appTimeMs = appTime;
    if (appTime !== null && t.wait >= 0) out.platformOverheadMs = clamp(t.wait - appTime);
  }
  return out;
}
